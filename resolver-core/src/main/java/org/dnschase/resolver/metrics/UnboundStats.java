package org.dnschase.resolver.metrics;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.SequencedMap;
import org.dnschase.resolver.FailureReason;

/**
 * A snapshot as the lines of {@code unbound-control stats}: what an operator used to Unbound
 * reads, and what a server's {@code stats} command prints. Figures Unbound has keep its names;
 * the others are under {@code dnschase.}:
 *
 * <table class="striped">
 * <caption>Names</caption>
 * <thead><tr><th>name</th><th>figure</th></tr></thead>
 * <tbody>
 * <tr><td>{@code total.num.queries}</td><td>{@link MetricsSnapshot.Questions#total()}</td></tr>
 * <tr><td>{@code total.num.cachehits}</td><td>{@link MetricsSnapshot.Questions#cacheHits()}</td></tr>
 * <tr><td>{@code total.num.cachemiss}, {@code total.num.recursivereplies}</td>
 *     <td>{@link MetricsSnapshot.Questions#cacheMisses()}</td></tr>
 * <tr><td>{@code total.num.prefetch}</td><td>{@link MetricsSnapshot.Questions#prefetches()}</td></tr>
 * <tr><td>{@code total.num.expired}</td><td>{@link MetricsSnapshot.Questions#staleAnswers()}</td></tr>
 * <tr><td>{@code total.requestlist.current.all}</td><td>{@link MetricsSnapshot.Questions#inFlight()}</td></tr>
 * <tr><td>{@code total.recursion.time.avg}, {@code .median}</td>
 *     <td>{@link MetricsSnapshot#resolutionTime()}, in seconds</td></tr>
 * <tr><td>{@code num.query.udpout}, {@code num.query.tcpout}</td>
 *     <td>{@link MetricsSnapshot.Upstream#udp()}, {@link MetricsSnapshot.Upstream#tcp()}</td></tr>
 * <tr><td>{@code num.answer.rcode.NOERROR} (and each rcode given)</td>
 *     <td>{@link MetricsSnapshot.Outcomes#rcodes()}</td></tr>
 * <tr><td>{@code num.answer.rcode.nodata}</td><td>{@link MetricsSnapshot.Outcomes#noData()}</td></tr>
 * <tr><td>{@code rrset.cache.count}, {@code mem.cache.rrset}</td>
 *     <td>{@link MetricsSnapshot.Caches#rrsetEntries()}, {@link MetricsSnapshot.Caches#rrsetBytes()}</td></tr>
 * <tr><td>{@code msg.cache.count}, {@code mem.cache.message}</td>
 *     <td>{@link MetricsSnapshot.Caches#resolutionEntries()},
 *     {@link MetricsSnapshot.Caches#resolutionBytes()}</td></tr>
 * <tr><td>{@code histogram.S.U.to.S.U}</td><td>each bucket of {@link LatencyHistogram}</td></tr>
 * <tr><td>{@code dnschase.num.resolutioncache.hits}</td>
 *     <td>{@link MetricsSnapshot.Questions#resolutionCacheHits()}</td></tr>
 * <tr><td>{@code dnschase.num.prefetch.skipped}</td>
 *     <td>{@link MetricsSnapshot.Questions#prefetchesSkipped()}</td></tr>
 * <tr><td>{@code dnschase.num.query.out}, {@code .timeout}, {@code .retry}</td>
 *     <td>{@link MetricsSnapshot.Upstream#queries()}, {@link MetricsSnapshot.Upstream#timeouts()},
 *     {@link MetricsSnapshot.Upstream#retries()}</td></tr>
 * <tr><td>{@code dnschase.num.answer.answer}, {@code .nodata}, {@code .nxdomain}</td>
 *     <td>the outcomes by kind</td></tr>
 * <tr><td>{@code dnschase.num.answer.failure.REASON}</td>
 *     <td>{@link MetricsSnapshot.Outcomes#failures()}, one line per reason</td></tr>
 * </tbody>
 * </table>
 *
 * <p>Unbound's recursion time covers the questions that needed recursion; ours covers every
 * resolution the resolver iterated, including walks the RRset cache answered on its own.
 */
public final class UnboundStats {

  private UnboundStats() {}

  /**
   * The snapshot's figures as {@code name=value} pairs, in the order above.
   *
   * @param snapshot the figures
   * @return the values by name, in order; unmodifiable
   */
  public static SequencedMap<String, String> of(MetricsSnapshot snapshot) {
    SequencedMap<String, String> lines = new LinkedHashMap<>();
    MetricsSnapshot.Questions questions = snapshot.questions();
    put(lines, "total.num.queries", questions.total());
    put(lines, "total.num.cachehits", questions.cacheHits());
    put(lines, "total.num.cachemiss", questions.cacheMisses());
    put(lines, "total.num.prefetch", questions.prefetches());
    put(lines, "total.num.expired", questions.staleAnswers());
    put(lines, "total.num.recursivereplies", questions.cacheMisses());
    put(lines, "total.requestlist.current.all", questions.inFlight());
    lines.put("total.recursion.time.avg", seconds(snapshot.resolutionTime().average()));
    lines.put("total.recursion.time.median", seconds(snapshot.resolutionTime().quantile(0.5)));
    put(lines, "num.query.udpout", snapshot.upstream().udp());
    put(lines, "num.query.tcpout", snapshot.upstream().tcp());
    MetricsSnapshot.Outcomes outcomes = snapshot.outcomes();
    outcomes.rcodes().forEach((rcode, count) -> put(lines, "num.answer.rcode." + rcode, count));
    put(lines, "num.answer.rcode.nodata", outcomes.noData());
    MetricsSnapshot.Caches caches = snapshot.caches();
    put(lines, "rrset.cache.count", caches.rrsetEntries());
    put(lines, "mem.cache.rrset", caches.rrsetBytes());
    put(lines, "msg.cache.count", caches.resolutionEntries());
    put(lines, "mem.cache.message", caches.resolutionBytes());
    for (int bucket = 0; bucket < LatencyHistogram.BUCKETS; bucket++) {
      put(lines, "histogram." + timeval(LatencyHistogram.lowerBound(bucket)) + ".to."
          + timeval(LatencyHistogram.upperBound(bucket)), snapshot.resolutionTime().count(bucket));
    }
    put(lines, "dnschase.num.resolutioncache.hits", questions.resolutionCacheHits());
    put(lines, "dnschase.num.prefetch.skipped", questions.prefetchesSkipped());
    put(lines, "dnschase.num.query.out", snapshot.upstream().queries());
    put(lines, "dnschase.num.query.timeout", snapshot.upstream().timeouts());
    put(lines, "dnschase.num.query.retry", snapshot.upstream().retries());
    put(lines, "dnschase.num.answer.answer", outcomes.answers());
    put(lines, "dnschase.num.answer.nodata", outcomes.noData());
    put(lines, "dnschase.num.answer.nxdomain", outcomes.nxDomain());
    for (FailureReason reason : FailureReason.values()) {
      put(lines, "dnschase.num.answer.failure." + reason, outcomes.failures().get(reason));
    }
    return Collections.unmodifiableSequencedMap(lines);
  }

  private static void put(SequencedMap<String, String> lines, String name, long value) {
    lines.put(name, Long.toString(value));
  }

  /** Seconds with six decimals, as Unbound prints times. */
  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.6f", duration.toNanos() / 1e9);
  }

  /** {@code 000001.500000}: seconds and microseconds, six digits each, as Unbound names its buckets. */
  private static String timeval(Duration bound) {
    return String.format(Locale.ROOT, "%06d.%06d", bound.toSeconds(), bound.toNanosPart() / 1_000);
  }
}
