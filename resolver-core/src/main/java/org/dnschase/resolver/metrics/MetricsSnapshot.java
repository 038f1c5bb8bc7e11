package org.dnschase.resolver.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.spi.Responses;
import org.xbill.DNS.Rcode;

/**
 * What a resolver has counted since it was built, read at one moment ({@link
 * org.dnschase.resolver.Resolver#metrics()}). Counters only grow; {@code inFlight} and the cache
 * sizes are levels. Each counter is read on its own, so a snapshot taken while resolutions run may
 * be off by the few that finished between two reads; once the resolver is quiet it is exact.
 * {@link UnboundStats} names each figure as {@code unbound-control stats} does.
 *
 * @param questions the questions asked and how they were answered
 * @param upstream the queries sent to servers
 * @param outcomes the outcomes handed to callers, by kind
 * @param resolutionTime how long each iterated resolution took
 * @param caches what the caches hold now
 */
public record MetricsSnapshot(
    Questions questions, Upstream upstream, Outcomes outcomes, LatencyHistogram resolutionTime, Caches caches) {

  /**
   * A snapshot; every part is required.
   *
   * @throws NullPointerException if a part is null
   */
  public MetricsSnapshot {
    Objects.requireNonNull(questions, "questions");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(outcomes, "outcomes");
    Objects.requireNonNull(resolutionTime, "resolutionTime");
    Objects.requireNonNull(caches, "caches");
  }

  /**
   * The questions callers asked ({@code resolve}, {@code resolveAsync} and what is built on them).
   * Every question is either a cache hit or a cache miss.
   *
   * @param total every question asked with valid arguments
   * @param cacheHits questions whose outcome needed no upstream query: from the resolution cache, a
   *     walk over the RRset cache, a special-use name, a failure known beforehand
   * @param cacheMisses questions whose outcome needed upstream queries, its own or those of an
   *     identical question it shared a resolution with
   * @param resolutionCacheHits the cache hits answered by one look-up in the resolution cache
   * @param prefetches background refreshes started (prefetch), not counted as questions
   * @param prefetchesSkipped refreshes that were due but not started because the most that may
   *     run at once already ran
   * @param staleAnswers outcomes served from expired data (RFC 8767 serve-stale)
   * @param inFlight resolutions being iterated now; identical questions sharing one count once
   */
  public record Questions(long total, long cacheHits, long cacheMisses, long resolutionCacheHits,
      long prefetches, long prefetchesSkipped, long staleAnswers, long inFlight) {}

  /**
   * The queries sent to servers, by the walks of questions, name-server look-ups and prefetches.
   *
   * @param queries every query sent, whatever the transport
   * @param udp queries the built-in transport sent over UDP (0 with a transport given to the builder)
   * @param tcp queries it sent again over TCP after a truncated reply (RFC 7766 §5)
   * @param timeouts queries that got no reply in time
   * @param retries queries sent again to a server that had not answered an earlier one
   */
  public record Upstream(long queries, long udp, long tcp, long timeouts, long retries) {}

  /**
   * The outcomes handed to callers, one per question.
   *
   * @param answers {@code Resolution.Answer}s
   * @param noData {@code Resolution.NoData}s
   * @param nxDomain {@code Resolution.NxDomain}s
   * @param failures {@code Resolution.Failure}s by reason, every reason present; unmodifiable
   */
  public record Outcomes(long answers, long noData, long nxDomain, Map<FailureReason, Long> failures) {

    /**
     * Outcomes with an unmodifiable copy of {@code failures}, reasons it lacks counted as 0.
     *
     * @throws NullPointerException if {@code failures} is null
     */
    public Outcomes {
      EnumMap<FailureReason, Long> all = new EnumMap<>(FailureReason.class);
      for (FailureReason reason : FailureReason.values()) {
        all.put(reason, failures.getOrDefault(reason, 0L));
      }
      failures = Collections.unmodifiableMap(all);
    }

    /**
     * Every outcome counted.
     *
     * @return answers, NODATA, NXDOMAIN and failures together
     */
    public long total() {
      return answers + noData + nxDomain + failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The outcomes by the response code a server would answer them with ({@link
     * Responses#rcode(FailureReason)}), named as dnsjava's {@link Rcode#string(int)} names them;
     * codes never given are left out.
     *
     * @return the counts by rcode name, sorted by name; unmodifiable
     */
    public Map<String, Long> rcodes() {
      Map<String, Long> byCode = new TreeMap<>();
      add(byCode, Rcode.NOERROR, answers + noData);
      add(byCode, Rcode.NXDOMAIN, nxDomain);
      failures.forEach((reason, count) -> add(byCode, Responses.rcode(reason), count));
      return Collections.unmodifiableMap(byCode);
    }

    private static void add(Map<String, Long> byCode, int rcode, long count) {
      if (count > 0) {
        byCode.merge(Rcode.string(rcode), count, Long::sum);
      }
    }
  }

  /**
   * What the resolver's caches hold now, as the caches estimate it.
   *
   * @param rrsetEntries entries of the RRset cache, positive and negative (a cache shared by
   *     several resolvers is counted whole by each)
   * @param rrsetBytes their estimated heap size
   * @param resolutionEntries finished resolutions held by the resolution cache
   * @param resolutionBytes their estimated heap size
   */
  public record Caches(long rrsetEntries, long rrsetBytes, long resolutionEntries, long resolutionBytes) {}
}
