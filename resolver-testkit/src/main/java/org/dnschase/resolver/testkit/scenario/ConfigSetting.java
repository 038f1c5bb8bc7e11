package org.dnschase.resolver.testkit.scenario;

/**
 * One {@code key: value} of a scenario's CONFIG, where it stands: a Deckard line, a Deckard
 * {@code features:} knob, or an option inside a testbound {@code unbound.conf} clause.
 *
 * @param clause {@code server}, {@code stub-zone}, {@code forward-zone}, ... for testbound;
 *     {@code deckard} for a Deckard line, {@code features} for one of its knobs
 * @param key the option as written, without the colon
 * @param value the value, quotes and trailing comments removed (several words joined by a space)
 * @param line the line in the file
 */
public record ConfigSetting(String clause, String key, String value, int line) {

  /** The clause of Deckard's {@code key: value} lines. */
  public static final String DECKARD = "deckard";
  /** The clause of Deckard's {@code features: name = value} knobs. */
  public static final String FEATURES = "features";

  @Override
  public String toString() {
    return (clause.equals(DECKARD) ? "" : clause + ": ") + key + ": " + value + " (line " + line + ")";
  }
}
