package org.dnschase.resolver.cache;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.dnschase.resolver.cache.internal.SystemTimeSource;

/**
 * The one source of time of a cache and of every resolver built on it: wall-clock time ({@link
 * #instant()}, for what is dated, such as DNSSEC signature validity) and monotonic time ({@link
 * #nanoTime()}, for TTLs, deadlines and round-trip times). The cache's Caffeine ticker reads
 * {@link #nanoTime()}, and a resolver takes its time from its cache, so the two cannot disagree;
 * tests move a fake one instead of sleeping.
 *
 * {@snippet class=org.dnschase.resolver.cache.Snippets region=time-source}
 */
public interface TimeSource extends InstantSource {

  /**
   * Monotonic time: only differences between two readings mean anything, as with {@link
   * System#nanoTime()}.
   *
   * @return the reading, in nanoseconds
   */
  long nanoTime();

  /**
   * The system's clocks: {@link System#nanoTime()} and {@link InstantSource#system()}.
   *
   * @return the system time source
   */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }

  /**
   * A time source driven by one counter, for tests and simulations: {@link #nanoTime()} reads
   * {@code nanos}, and {@link #instant()} is {@code origin} plus that reading, so wall-clock and
   * monotonic time move together and only when the counter does.
   *
   * @param origin the wall-clock time when the counter reads 0
   * @param nanos the counter, in nanoseconds
   * @return the time source
   */
  static TimeSource ofNanos(Instant origin, LongSupplier nanos) {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(nanos, "nanos");
    return new TimeSource() {
      @Override
      public long nanoTime() {
        return nanos.getAsLong();
      }

      @Override
      public Instant instant() {
        return origin.plusNanos(nanos.getAsLong());
      }

      @Override
      public String toString() {
        return "TimeSource.ofNanos(" + origin + ")";
      }
    };
  }
}
