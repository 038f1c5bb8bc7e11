package org.dnschase.resolver.internal.iterate;

import java.time.Duration;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.TraceEvent;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.internal.message.RRsets;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

/** {@link QueryState#INIT}: the cache first, at every hop; then the closest known zone cut. */
final class InitStep {

  private final ResolverContext context;

  InitStep(ResolverContext context) {
    this.context = context;
  }

  Step handle(Query q) {
    if (q.budget.pastDeadline()) {
      return q.fail(FailureReason.TIMEOUT, "deadline of " + q.budget.limits().deadline() + " passed");
    }
    switch (context.cache.lookup(q.name, q.qtype, DClass.IN)) {
      case CacheLookup.Hit hit -> {
        q.journal.trace(new TraceEvent.CacheHit(q.name, q.qtype, hit.rrset().size() + " record(s)"));
        return q.finish(new Outcome.Data(hit.rrset(), Hop.Source.CACHE));
      }
      case CacheLookup.NegativeHit negative -> {
        q.journal.trace(new TraceEvent.CacheHit(q.name, q.qtype, negative.kind().toString()));
        return q.finish(new Outcome.Negative(
            negative.kind() == CacheLookup.NegativeHit.Kind.NXDOMAIN, negative.soa()));
      }
      case CacheLookup.Miss miss -> { }
    }
    if (q.qtype != Type.CNAME
        && context.cache.lookup(q.name, Type.CNAME, DClass.IN) instanceof CacheLookup.Hit alias) {
      q.journal.trace(new TraceEvent.CacheHit(q.name, Type.CNAME, "alias for " + RRsets.cnameTarget(alias.rrset())));
      return q.restart(new Hop(q.name, Hop.Kind.CNAME, RRsets.cnameTarget(alias.rrset()),
          Duration.ofSeconds(alias.rrset().getTTL()), ZoneCuts.enclosingZone(context.cache, q.name),
          Hop.Source.CACHE));
    }
    Delegation cut = ZoneCuts.closest(context.cache, q.name);
    if (cut == null) {
      return new Step.Next(QueryState.PRIME);
    }
    q.delegation = cut;
    return new Step.Next(QueryState.QUERY_TARGETS);
  }
}
