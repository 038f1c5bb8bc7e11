package org.dnschase.resolver.internal.iterate;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.TraceEvent;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.internal.chase.Chain;
import org.dnschase.resolver.internal.chase.RuleDiagnostics;
import org.dnschase.resolver.internal.message.RRsets;
import org.dnschase.resolver.rules.AliasCheck;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * {@link QueryState#FINISHED}: turns the query's outcome into the public {@link Resolution},
 * with the effective TTL: the minimum over the chain's hops and the final data (RFC 2308 §5 for a
 * negative answer's TTL).
 */
final class FinishStep {

  private final ResolverContext context;

  FinishStep(ResolverContext context) {
    this.context = context;
  }

  Resolution resolution(Query q) {
    List<Hop> chain = q.chain().hops();
    if (q.depth() == 0) {
      checkRules(q, chain);
    }
    return resolution(q, q.outcome(), chain);
  }

  /**
   * The public outcome of {@code q} ending as {@code outcome} with {@code chain}; also what the
   * deadline's timer builds, from another thread, for a query still at work (see {@link Deadlines}).
   * A priming the resolution went on beside and did not see end is reported as under way, with the
   * queries it sent so far counted: they reached the servers on this resolution's behalf.
   */
  Resolution resolution(Query q, Outcome outcome, List<Hop> chain) {
    Journal.Report report = q.journal().toReport(q.budget());
    List<TraceEvent> trace = report.trace();
    int queries = report.upstreamQueries();
    List<Diagnostic> diagnostics = report.diagnostics();
    Security security = security(q, outcome);
    return switch (outcome) {
      case Outcome.Data data -> new Resolution.Answer(q.qname(), q.qtype(), data.rrset(), chain,
          Chain.effectiveTtl(chain, data.rrset().getTTL()), diagnostics, trace, queries, security,
          proof(q, data.proof()), false);
      case Outcome.Negative negative when negative.nxDomain() -> new Resolution.NxDomain(q.qname(), q.qtype(),
          authority(q, negative), chain, Chain.effectiveTtl(chain, negativeTtl(negative)), diagnostics, trace,
          queries, security, false);
      case Outcome.Negative negative -> new Resolution.NoData(q.qname(), q.qtype(), authority(q, negative), chain,
          Chain.effectiveTtl(chain, negativeTtl(negative)), diagnostics, trace, queries, security, false);
      case Outcome.CyclicDependency cycle -> new Resolution.Failure(q.qname(), q.qtype(),
          FailureReason.CYCLIC_DEPENDENCY, cycle.detail(), chain, null, diagnostics, trace, queries, security, null,
          List.of());
      case Outcome.Failed failed -> new Resolution.Failure(q.qname(), q.qtype(), failed.reason(),
          failed.detail(), chain, failed.stoppedAt(), diagnostics, trace, queries, security,
          failed.bogusReason(), failed.stoppedAtSignatures());
    };
  }

  /**
   * The chain's weakest verdict (RFC 4035 §4.3) for an answer or negative answer; BOGUS for data
   * found so; INDETERMINATE for other failures, and for everything when the resolver does not validate.
   */
  private Security security(Query q, Outcome outcome) {
    if (!context.validating()) {
      return Security.INDETERMINATE;
    }
    return switch (outcome) {
      case Outcome.Data data -> q.validation().verdict().status();
      case Outcome.Negative negative -> q.validation().verdict().status();
      case Outcome.Failed failed when failed.bogusReason() != null -> Security.BOGUS;
      default -> Security.INDETERMINATE;
    };
  }

  /** The proofs of the chain's wildcard-expanded hops, then the final data's or negative answer's. */
  private Resolution.Negative.Authority authority(Query q, Outcome.Negative negative) {
    return new Resolution.Negative.Authority(negative.soa(), negative.nameServers(),
        Duration.ofSeconds(negativeTtl(negative)), proof(q, negative.proof()));
  }

  private static List<Record> proof(Query q, List<Record> last) {
    List<Record> hops = q.validation().hopProofs();
    if (hops.isEmpty()) {
      return last;
    }
    // one reply's authority may prove a hop and the final data alike: each record once
    Set<Record> all = new LinkedHashSet<>(hops);
    all.addAll(last);
    return List.copyOf(all);
  }

  /**
   * RFC 2308 §5: min(SOA TTL, SOA MINIMUM), capped as the cache caps it, so the result promises no
   * longer than the cache keeps the negative answer; 0 without an SOA. The SOA itself is shown as
   * scrubbing capped it (its TTL within the cache's positive cap, its MINIMUM as the zone says).
   */
  private long negativeTtl(Outcome.Negative negative) {
    return negative.soa() == null ? 0 : context.cache.ttlCaps().negative(negative.soa());
  }

  /**
   * Whether finishing {@code q} reads the RRset cache, so that its last reply must be cached first:
   * the rule on NS, MX and SRV targets looks their aliases up ({@link #checkRules}).
   */
  boolean readsCache(Query q) {
    return q.depth() == 0 && AliasCheck.targetRule(q.qtype()).isPresent();
  }

  /** The rules only the finished chain and data show: its length, and aliases as NS/MX/SRV targets. */
  private void checkRules(Query q, List<Hop> chain) {
    q.journal().reportAll(RuleDiagnostics.checkLength(q.qname(), chain.size(), context.config.longChainThreshold()));
    if (q.outcome() instanceof Outcome.Data data && AliasCheck.targetRule(q.qtype()).isPresent()) {
      for (Record record : data.rrset().rrs(false)) {
        Name target = record.getAdditionalName();
        if (target != null && context.cache.lookup(target, Type.CNAME, DClass.IN) instanceof CacheLookup.Hit alias) {
          q.journal().report(RuleDiagnostics.aliasTarget(q.qtype(), record.getName(), target, RRsets.cnameTarget(alias.rrset())));
        }
      }
    }
  }
}
