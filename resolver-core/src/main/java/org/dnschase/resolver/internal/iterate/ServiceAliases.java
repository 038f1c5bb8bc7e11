package org.dnschase.resolver.internal.iterate;

import java.time.Duration;
import java.util.Optional;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.internal.servers.ZoneCuts;
import org.xbill.DNS.Name;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.Type;

/**
 * RFC 9460 §2.4.2: an HTTPS or SVCB answer in AliasMode (priority 0) sends the client on to its
 * target name for the same type, like a CNAME for one service. It is chased as a hop, under the
 * same hop limit and loop check, until ServiceMode records (or no data) are found.
 */
final class ServiceAliases {

  private final ResolverContext context;

  ServiceAliases(ResolverContext context) {
    this.context = context;
  }

  /** The next step when a finished query's data is an AliasMode record to follow; empty otherwise. */
  Optional<Step> follow(Query q) {
    if (!(q.outcome() instanceof Outcome.Data data) || (q.qtype() != Type.HTTPS && q.qtype() != Type.SVCB)) {
      return Optional.empty();
    }
    // An AliasMode RRset holds one record; "." as its target means "no service" (§2.5.1), an answer.
    if (!(data.rrset().first() instanceof SVCBBase alias) || alias.getSvcPriority() != 0
        || alias.getTargetName().equals(Name.root)) {
      return Optional.empty();
    }
    Hop hop = new Hop(q.name(), Hop.Kind.SERVICE_ALIAS, alias.getTargetName(),
        Duration.ofSeconds(data.rrset().getTTL()), ZoneCuts.enclosingZone(context.cache, q.name()), data.source(),
        alias);
    return Optional.of(q.restart(hop));
  }
}
