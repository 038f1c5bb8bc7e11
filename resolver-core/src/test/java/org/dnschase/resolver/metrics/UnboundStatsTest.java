package org.dnschase.resolver.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SequencedMap;
import org.dnschase.resolver.FailureReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The snapshot under {@code unbound-control stats}' names, where Unbound has one. */
class UnboundStatsTest {

  private static final MetricsSnapshot SNAPSHOT = new MetricsSnapshot(
      new MetricsSnapshot.Questions(10, 6, 4, 3, 2, 1, 1, 0),
      new MetricsSnapshot.Upstream(7, 7, 1, 2, 1),
      new MetricsSnapshot.Outcomes(3, 4, 2, Map.of(FailureReason.TIMEOUT, 1L)),
      histogramOf(12, 4, 8_000_000),
      new MetricsSnapshot.Caches(20, 4000, 3, 2100));

  private static LatencyHistogram histogramOf(int bucket, long count, long totalNanos) {
    long[] counts = new long[LatencyHistogram.BUCKETS];
    counts[bucket] = count;
    return new LatencyHistogram(counts, totalNanos);
  }

  @Test
  @DisplayName("Unbound's names carry the matching figures, rcodes included, and the rest are under dnschase.")
  void names_followUnbound() {
    SequencedMap<String, String> stats = UnboundStats.of(SNAPSHOT);

    assertThat(stats).containsEntry("total.num.queries", "10")
        .containsEntry("total.num.cachehits", "6")
        .containsEntry("total.num.cachemiss", "4")
        .containsEntry("total.num.prefetch", "2")
        .containsEntry("total.num.expired", "1")
        .containsEntry("total.requestlist.current.all", "0")
        .containsEntry("total.recursion.time.avg", "0.002000")
        .containsEntry("num.query.udpout", "7")
        .containsEntry("num.query.tcpout", "1")
        .containsEntry("num.answer.rcode.NOERROR", "7")
        .containsEntry("num.answer.rcode.NXDOMAIN", "2")
        .containsEntry("num.answer.rcode.SERVFAIL", "1")
        .containsEntry("num.answer.rcode.nodata", "4")
        .containsEntry("rrset.cache.count", "20")
        .containsEntry("mem.cache.message", "2100")
        .containsEntry("histogram.000000.002048.to.000000.004096", "4")
        .containsEntry("histogram.000000.524288.to.000001.000000", "0")
        .containsEntry("histogram.262144.000000.to.524288.000000", "0")
        .containsEntry("dnschase.num.query.timeout", "2")
        .containsEntry("dnschase.num.answer.failure.TIMEOUT", "1");
    assertThat(stats.keySet()).filteredOn(name -> name.startsWith("histogram.")).hasSize(LatencyHistogram.BUCKETS);
    assertThat(stats.firstEntry().getKey()).isEqualTo("total.num.queries");
  }
}
