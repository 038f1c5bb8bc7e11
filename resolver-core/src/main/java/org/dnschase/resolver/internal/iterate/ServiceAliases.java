package org.dnschase.resolver.internal.iterate;

import java.time.Duration;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.internal.servers.ZoneCuts;
import org.xbill.DNS.Name;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.Type;

/**
 * {@link QueryState#SERVICE_ALIAS}, RFC 9460 §2.4.2: an HTTPS or SVCB answer in AliasMode
 * (priority 0) sends the client on to its target name for the same type, like a CNAME for one
 * service. It is chased as a hop, under the same hop limit and loop check, until ServiceMode
 * records (or no data) are found.
 */
final class ServiceAliases {

  private static final Step FINISHED = new Step.Next(QueryState.FINISHED);

  private final ResolverContext context;

  ServiceAliases(ResolverContext context) {
    this.context = context;
  }

  /** Whether data of {@code type} may be an alias to follow: HTTPS and SVCB records may. */
  static boolean mayAlias(int type) {
    return type == Type.HTTPS || type == Type.SVCB;
  }

  /** Follows the query's data when it is an AliasMode record; else the query is finished. */
  Step handle(Query q) {
    if (!(q.outcome() instanceof Outcome.Data data) || !mayAlias(q.qtype())) {
      return FINISHED;
    }
    // An AliasMode RRset holds one record; "." as its target means "no service" (§2.5.1), an answer.
    if (!(data.rrset().first() instanceof SVCBBase alias) || alias.getSvcPriority() != 0
        || alias.getTargetName().equals(Name.root)) {
      return FINISHED;
    }
    Hop hop = new Hop(q.name(), Hop.Kind.SERVICE_ALIAS, alias.getTargetName(),
        Duration.ofSeconds(data.rrset().getTTL()), ZoneCuts.enclosingZone(context.cache, q.name()), data.source(),
        alias);
    return q.restart(hop);
  }
}
