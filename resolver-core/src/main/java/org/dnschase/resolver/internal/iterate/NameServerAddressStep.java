package org.dnschase.resolver.internal.iterate;

import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.internal.chase.RuleDiagnostics;
import org.dnschase.resolver.internal.message.RRsets;
import org.dnschase.resolver.internal.servers.Delegation;
import org.dnschase.resolver.internal.servers.ZoneCuts;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * {@link QueryState#NAME_SERVER_ADDRESS}: reads how the look-up of a glueless name server's
 * address ended. Addresses join the delegation; a name server that exists without an A record
 * is looked up again for its AAAA when IPv6 is on (an IPv6-only server); a cycle is noted for the
 * zone's failure; any other failure counts against the budget's failed look-ups (NXNSAttack), unless
 * the cache answered it (an NXDOMAIN cached earlier), which asked nobody.
 */
final class NameServerAddressStep {

  private final ResolverContext context;

  NameServerAddressStep(ResolverContext context) {
    this.context = context;
  }

  Step handle(Query q) {
    ChildOutcome lookup = q.childOutcome();
    Delegation delegation = q.delegation();
    Name nameServer = lookup.name();
    if (lookup.type() == Type.A && context.config.ipv6()
        && lookup.outcome() instanceof Outcome.Negative negative && !negative.nxDomain()) {
      return new Step.Spawn(nameServer, Type.AAAA, delegation.zone(), QueryState.NAME_SERVER_ADDRESS);
    }
    // NXNSAttack costs the servers asked: a look-up the cache answered asked nobody
    boolean askedNobody = delegation.lookUpAnsweredByCache(nameServer, q.budget().queriesSent());
    switch (lookup.outcome()) {
      case Outcome.Data data -> {
        delegation.addAddresses(nameServer, RRsets.addresses(data.rrset()));
        if (!lookup.chain().isEmpty()) {
          q.journal().report(RuleDiagnostics.aliasTarget(Type.NS, delegation.zone(), nameServer, lookup.finalName()));
        }
        return new Step.Next(QueryState.QUERY_TARGETS);
      }
      case Outcome.CyclicDependency cycle -> delegation.noteCycle(cycle.detail());
      case Outcome.Negative negative -> countFailure(q, askedNobody);
      case Outcome.Failed failed -> countFailure(q, askedNobody || stoppedAtTheFailedLimit(q, failed));
    }
    // A failed look-up may still have cached glue for the name on its way (Deckard iter_pcdirect).
    ZoneCuts.addCachedAddresses(context.cache, delegation);
    return new Step.Next(QueryState.QUERY_TARGETS);
  }

  private static void countFailure(Query q, boolean uncounted) {
    if (!uncounted) {
      q.budget().countFailedGlueless();
    }
  }

  /**
   * Whether a look-up stopped because the failed look-ups below it reached the limit: they share
   * this budget and are counted in it already, so counting the look-up too would report one failure
   * more than the limit for each level of nesting.
   */
  private static boolean stoppedAtTheFailedLimit(Query q, Outcome.Failed failed) {
    return failed.reason() == FailureReason.GLUELESS_LIMIT
        && q.budget().failedGlueless() >= q.budget().limits().maxFailedGlueless();
  }
}
