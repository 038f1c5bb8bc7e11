package org.dnschase.resolver.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The checks of a duration the resolver is given to time: it runs on a clock of nanoseconds in a
 * long ({@link System#nanoTime}), adding the duration to a reading, so a duration longer than
 * {@link #LONGEST} either overflows that addition, which ends the timing at once, or cannot be
 * counted in nanoseconds at all, which throws far from the setting that caused it. Each is
 * refused where it is given, naming its setting.
 */
public final class Timings {

  /** The longest duration timed: 2^31-1 seconds, about 68 years, the longest TTL too (RFC 2181 §8). */
  public static final Duration LONGEST = Duration.ofSeconds(Integer.MAX_VALUE);

  private Timings() {}

  /**
   * {@return {@code duration}, once checked}
   *
   * @param setting its name, for the error
   * @param duration the duration given
   * @throws NullPointerException if {@code duration} is null
   * @throws IllegalArgumentException if it is zero, negative or longer than {@link #LONGEST}
   */
  public static Duration requirePositive(String setting, Duration duration) {
    Objects.requireNonNull(duration, setting);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(setting + " must be positive, was " + duration);
    }
    return requireTimeable(setting, duration);
  }

  /**
   * {@return {@code duration}, once checked}
   *
   * @param setting its name, for the error
   * @param duration the duration given
   * @throws NullPointerException if {@code duration} is null
   * @throws IllegalArgumentException if it is negative or longer than {@link #LONGEST}
   */
  public static Duration requireNotNegative(String setting, Duration duration) {
    Objects.requireNonNull(duration, setting);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(setting + " must not be negative but was " + duration);
    }
    return requireTimeable(setting, duration);
  }

  /**
   * {@return {@code nanos} as the milliseconds of a socket's timeout option}: at least 1, since 0
   * means no timeout to the JDK's sockets and to Netty, and at most {@link Integer#MAX_VALUE}
   * (about 24.8 days), since the options are ints and a longer timeout the builder accepts would
   * wrap round to a negative number, which they refuse
   *
   * @param nanos the time to wait, in nanoseconds
   */
  public static int socketMillis(long nanos) {
    return (int) Math.clamp(TimeUnit.NANOSECONDS.toMillis(nanos), 1, Integer.MAX_VALUE);
  }

  private static Duration requireTimeable(String setting, Duration duration) {
    if (duration.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(setting + " must be at most " + LONGEST.toSeconds()
          + " seconds (about 68 years), was " + duration);
    }
    return duration;
  }
}
