package org.dnschase.resolver.internal.iterate;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.internal.message.RRsets;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Follows a CNAME chain inside one reply. Scrubbing already limited the reply to the asked zone,
 * so every hop it holds is the zone's own data: an in-zone chain of N hops costs one query. Each
 * hop goes through the chain's loop and limit checks. Where the chain leaves the reply, the walk
 * restarts at the last target, cache first; where it ends inside the zone with an authoritative
 * NXDOMAIN or NODATA, that is the outcome (RFC 6604 §3: the rcode belongs to the last name).
 */
final class ReplyChase {

  private final ResolverContext context;

  ReplyChase(ResolverContext context) {
    this.context = context;
  }

  Step follow(Query q, ScrubbedReply reply, InetSocketAddress server, Name zone) {
    TrustRank rank = QueryResponseStep.answerRank(reply);
    Hop.Source source = new Hop.Source.Server(server);
    RRset alias;
    while ((alias = reply.answer(q.name, Type.CNAME)) != null) {
      reportOtherData(q, reply, server);
      context.cache.put(alias, rank);
      Step next = q.restart(new Hop(q.name, Hop.Kind.CNAME, RRsets.cnameTarget(alias),
          Duration.ofSeconds(alias.getTTL()), zone, source));
      if (q.outcome != null) {
        return next;
      }
      RRset data = reply.answer(q.name, q.qtype);
      if (data != null && reply.answer(q.name, Type.CNAME) == null) {
        context.cache.put(data, rank);
        return q.finish(new Outcome.Data(data, source));
      }
    }
    return endOfChain(q, reply, zone, rank);
  }

  private Step endOfChain(Query q, ScrubbedReply reply, Name zone, TrustRank rank) {
    SOARecord soa = RRsets.soa(reply.authority(Type.SOA));
    boolean provenHere = reply.authoritative() && q.name.subdomain(zone) && soa != null
        && q.name.subdomain(soa.getName());
    if (provenHere && reply.rcode() == Rcode.NXDOMAIN) {
      context.cache.putNxDomain(q.name, DClass.IN, soa, rank);
      return q.finish(new Outcome.Negative(true, soa));
    }
    if (provenHere && reply.rcode() == Rcode.NOERROR) {
      context.cache.putNoData(q.name, q.qtype, DClass.IN, soa, rank);
      return q.finish(new Outcome.Negative(false, soa));
    }
    return new Step.Next(QueryState.INIT);
  }

  /** RFC 1034 §3.6.2: a CNAME owns its name alone; when a zone breaks that, the CNAME is used. */
  private static void reportOtherData(Query q, ScrubbedReply reply, InetSocketAddress server) {
    for (RRset set : reply.answer()) {
      if (set.getName().equals(q.name) && set.getType() != Type.CNAME && set.getType() != Type.RRSIG) {
        q.journal.report(new Diagnostic(Diagnostic.Kind.CNAME_AND_OTHER_DATA, q.name,
            server + " returned a CNAME and " + Type.string(set.getType()) + " at " + q.name
                + "; the CNAME was followed"));
        return;
      }
    }
  }
}
