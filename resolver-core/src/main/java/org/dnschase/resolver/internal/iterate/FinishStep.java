package org.dnschase.resolver.internal.iterate;

import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.internal.message.RRsets;

/**
 * {@link QueryState#FINISHED}: turns the query's outcome into the public {@link Resolution},
 * with the effective TTL: the minimum over the chain's hops and the final data (RFC 2308 §5 for a
 * negative answer's TTL).
 */
final class FinishStep {

  Resolution resolution(Query q) {
    List<Hop> chain = q.chain.hops();
    int queries = q.budget.queriesSent();
    return switch (q.outcome) {
      case Outcome.Data data -> new Resolution.Answer(q.qname, q.qtype, data.rrset(), chain,
          effectiveTtl(chain, data.rrset().getTTL()), q.journal.diagnostics(), q.journal.trace(), queries);
      case Outcome.Negative negative when negative.nxDomain() -> new Resolution.NxDomain(q.qname, q.qtype,
          negative.soa(), chain, effectiveTtl(chain, RRsets.negativeTtl(negative.soa())),
          q.journal.diagnostics(), q.journal.trace(), queries);
      case Outcome.Negative negative -> new Resolution.NoData(q.qname, q.qtype, negative.soa(), chain,
          effectiveTtl(chain, RRsets.negativeTtl(negative.soa())), q.journal.diagnostics(),
          q.journal.trace(), queries);
      case Outcome.Failed failed -> new Resolution.Failure(q.qname, q.qtype, failed.reason(),
          failed.detail(), chain, q.journal.diagnostics(), q.journal.trace(), queries);
    };
  }

  private static Duration effectiveTtl(List<Hop> chain, long finalTtlSeconds) {
    long ttl = finalTtlSeconds;
    for (Hop hop : chain) {
      ttl = Math.min(ttl, hop.ttl().toSeconds());
    }
    return Duration.ofSeconds(Math.max(0, ttl));
  }
}
