package org.dnschase.resolver.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The histogram's buckets are Unbound's ({@code util/timehist.c}): doubling from 1 µs, 1 s exactly at bucket 20. */
class LatencyHistogramTest {

  @Test
  @DisplayName("the bounds double from 1 µs to 524,288 µs, then jump to 1 s and double in seconds up to 524,288 s")
  void bounds_areUnboundsTimehist() {
    assertThat(LatencyHistogram.lowerBound(0)).isEqualTo(Duration.ZERO);
    assertThat(LatencyHistogram.upperBound(0)).isEqualTo(Duration.ofNanos(1_000));
    assertThat(LatencyHistogram.upperBound(1)).isEqualTo(Duration.ofNanos(2_000));
    assertThat(LatencyHistogram.upperBound(19)).isEqualTo(Duration.ofNanos(524_288_000));
    assertThat(LatencyHistogram.upperBound(20)).isEqualTo(Duration.ofSeconds(1));
    assertThat(LatencyHistogram.upperBound(21)).isEqualTo(Duration.ofSeconds(2));
    assertThat(LatencyHistogram.upperBound(39)).isEqualTo(Duration.ofSeconds(524_288));
    for (int bucket = 1; bucket < LatencyHistogram.BUCKETS; bucket++) {
      assertThat(LatencyHistogram.lowerBound(bucket)).isEqualTo(LatencyHistogram.upperBound(bucket - 1));
    }
    assertThatThrownBy(() -> LatencyHistogram.upperBound(40)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  @DisplayName("a duration falls in the bucket whose bounds hold it, the lower bound included")
  void bucketOf_followsTheBounds() {
    for (int bucket = 0; bucket < LatencyHistogram.BUCKETS; bucket++) {
      long low = LatencyHistogram.lowerBound(bucket).toNanos();
      long high = LatencyHistogram.upperBound(bucket).toNanos();
      assertThat(LatencyHistogram.bucketOf(low)).as("lower bound of %d", bucket).isEqualTo(bucket);
      assertThat(LatencyHistogram.bucketOf(high - 1)).as("just below the upper bound of %d", bucket)
          .isEqualTo(bucket);
    }
    assertThat(LatencyHistogram.bucketOf(-5)).isZero();
    assertThat(LatencyHistogram.bucketOf(Long.MAX_VALUE)).isEqualTo(39);
  }

  @Test
  @DisplayName("mean and median: the median is interpolated inside its bucket, as Unbound's timehist_quartile")
  void averageAndQuantile() {
    long[] counts = new long[LatencyHistogram.BUCKETS];
    counts[11] = 2; // [1.024 ms, 2.048 ms)
    counts[12] = 2; // [2.048 ms, 4.096 ms)
    LatencyHistogram histogram = new LatencyHistogram(counts, 8_000_000);

    assertThat(histogram.count()).isEqualTo(4);
    assertThat(histogram.average()).isEqualTo(Duration.ofMillis(2));
    assertThat(histogram.quantile(0.5)).isEqualTo(Duration.ofNanos(2_048_000));
    assertThat(histogram.quantile(0.75)).isEqualTo(Duration.ofNanos(3_072_000));
    assertThat(new LatencyHistogram(new long[LatencyHistogram.BUCKETS], 0).quantile(0.5)).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> histogram.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LatencyHistogram(new long[3], 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
