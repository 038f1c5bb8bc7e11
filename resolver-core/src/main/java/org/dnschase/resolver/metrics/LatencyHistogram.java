package org.dnschase.resolver.metrics;

import java.time.Duration;
import java.util.Arrays;

/**
 * How long resolutions took, in Unbound's fixed buckets ({@code util/timehist.c}), so that the
 * figures line up with {@code unbound-control stats}' {@code histogram.*} lines: bucket 0 holds
 * [0, 1 µs), then each bucket doubles its bounds, 1 µs to 2 µs, 2 µs to 4 µs and so on up to 524,288
 * µs to 1 s (bucket 20), then 1 s to 2 s, 2 s to 4 s, up to 262,144 s to 524,288 s (bucket 39),
 * which also holds anything longer. Immutable.
 */
public final class LatencyHistogram {

  /** The number of buckets, as Unbound's {@code NUM_BUCKETS_HIST}. */
  public static final int BUCKETS = 40;
  /** The first bucket counted in whole seconds: [1 s, 2 s). */
  private static final int FIRST_SECONDS_BUCKET = 21;
  private static final long MICROS_PER_SECOND = 1_000_000;

  private final long[] counts;
  private final long totalNanos;

  /**
   * A histogram of these counts.
   *
   * @param counts the count of each bucket, {@link #BUCKETS} of them; copied
   * @param totalNanos the sum of every duration counted, in nanoseconds
   * @throws IllegalArgumentException if there are not {@link #BUCKETS} counts, or one is negative
   */
  public LatencyHistogram(long[] counts, long totalNanos) {
    if (counts.length != BUCKETS || Arrays.stream(counts).anyMatch(count -> count < 0)) {
      throw new IllegalArgumentException("need " + BUCKETS + " counts, none negative: " + Arrays.toString(counts));
    }
    this.counts = counts.clone();
    this.totalNanos = totalNanos;
  }

  /**
   * The bucket a duration falls in; negative durations fall in the first, very long ones in the last.
   *
   * @param nanos the duration in nanoseconds
   * @return the bucket, 0 to {@link #BUCKETS} - 1
   */
  public static int bucketOf(long nanos) {
    long micros = nanos / 1_000;
    if (micros <= 0) {
      return 0;
    }
    if (micros < MICROS_PER_SECOND) { // [2^(i-1), 2^i) µs, the last of them cut at 1 s
      return 64 - Long.numberOfLeadingZeros(micros);
    }
    long seconds = micros / MICROS_PER_SECOND;
    return Math.min(BUCKETS - 1, FIRST_SECONDS_BUCKET - 1 + 64 - Long.numberOfLeadingZeros(seconds));
  }

  /**
   * The lower bound of a bucket, inclusive.
   *
   * @param bucket 0 to {@link #BUCKETS} - 1
   * @return the bound
   */
  public static Duration lowerBound(int bucket) {
    return bucket == 0 ? Duration.ZERO : upperBound(bucket - 1);
  }

  /**
   * The upper bound of a bucket, exclusive (the last bucket also counts what lies beyond).
   *
   * @param bucket 0 to {@link #BUCKETS} - 1
   * @return the bound
   */
  public static Duration upperBound(int bucket) {
    if (bucket < 0 || bucket >= BUCKETS) {
      throw new IndexOutOfBoundsException("bucket " + bucket + " of " + BUCKETS);
    }
    return bucket < FIRST_SECONDS_BUCKET - 1 ? Duration.ofNanos(1_000L << bucket)
        : Duration.ofSeconds(1L << (bucket - (FIRST_SECONDS_BUCKET - 1)));
  }

  /**
   * How many durations fell in a bucket.
   *
   * @param bucket 0 to {@link #BUCKETS} - 1
   * @return the count
   */
  public long count(int bucket) {
    return counts[bucket];
  }

  /**
   * How many durations were counted.
   *
   * @return the sum over the buckets
   */
  public long count() {
    return Arrays.stream(counts).sum();
  }

  /**
   * The sum of every duration counted.
   *
   * @return the total
   */
  public Duration total() {
    return Duration.ofNanos(totalNanos);
  }

  /**
   * The mean duration ({@code total.recursion.time.avg}); zero when nothing was counted.
   *
   * @return the mean
   */
  public Duration average() {
    long count = count();
    return count == 0 ? Duration.ZERO : Duration.ofNanos(totalNanos / count);
  }

  /**
   * The {@code q}-quantile, interpolated linearly inside its bucket as Unbound's {@code
   * timehist_quartile} does; zero when nothing was counted.
   *
   * @param q from 0.0 to 1.0; 0.5 is the median ({@code total.recursion.time.median})
   * @return the estimate
   * @throws IllegalArgumentException if {@code q} is outside 0.0 to 1.0
   */
  public Duration quantile(double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile must be from 0.0 to 1.0: " + q);
    }
    long count = count();
    if (count == 0) {
      return Duration.ZERO;
    }
    double wanted = count * q;
    double passed = 0;
    int bucket = 0;
    while (bucket + 1 < BUCKETS && passed + counts[bucket] < wanted) {
      passed += counts[bucket++];
    }
    long low = lowerBound(bucket).toNanos();
    long width = upperBound(bucket).toNanos() - low;
    double inside = counts[bucket] == 0 ? 0 : (wanted - passed) / counts[bucket];
    return Duration.ofNanos(low + Math.round(inside * width));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LatencyHistogram that && totalNanos == that.totalNanos
        && Arrays.equals(counts, that.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(counts) + Long.hashCode(totalNanos);
  }

  @Override
  public String toString() {
    return "LatencyHistogram[count=" + count() + ", average=" + average() + ", median=" + quantile(0.5) + "]";
  }
}
