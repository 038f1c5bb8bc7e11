package org.dnschase.resolver.cache.internal;

import java.time.Instant;
import org.dnschase.resolver.cache.TimeSource;

/** {@link TimeSource#system()}: one instance, so a resolver can tell it is its cache's. */
public enum SystemTimeSource implements TimeSource {
  /** The one instance. */
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant instant() {
    return Instant.now();
  }

  @Override
  public String toString() {
    return "TimeSource.system()";
  }
}
