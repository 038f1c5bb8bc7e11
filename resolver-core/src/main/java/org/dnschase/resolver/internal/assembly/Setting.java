package org.dnschase.resolver.internal.assembly;

/**
 * One builder setting: unset until given, and given at most once, so conflicting configuration
 * cannot pass unnoticed; the error for a second value names the first.
 */
final class Setting<T> {

  private final String name;
  private T value;

  Setting(String name) {
    this.name = name;
  }

  /** Takes {@code newValue}; fails naming the value already set, if any. */
  void set(T newValue) {
    requireUnset();
    value = newValue;
  }

  void requireUnset() {
    if (value != null) {
      throw new IllegalStateException(name + " was already set to " + value);
    }
  }

  boolean isSet() {
    return value != null;
  }

  /** {@return the value set, else null} */
  T value() {
    return value;
  }

  T orElse(T fallback) {
    return value != null ? value : fallback;
  }
}
