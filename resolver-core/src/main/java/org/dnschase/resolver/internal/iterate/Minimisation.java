package org.dnschase.resolver.internal.iterate;

import org.dnschase.resolver.internal.reply.ResponseType;
import org.xbill.DNS.Name;

/**
 * QNAME minimisation (RFC 9156), relaxed: a server is asked only for one label more than the zone
 * it serves, until the zone cut above the name is found; the full name and type go only to the
 * servers that may hold it. Where a server answers a minimised question with NXDOMAIN or an error
 * rcode (which broken servers do for empty non-terminals), the query falls back to the full name rather
 * than trusting it; but an NXDOMAIN that validation proves SECURE ends the query there (RFC 8020
 * §2: nothing exists below a name that does not exist), as Unbound does with {@code
 * harden-below-nxdomain}: a signed zone's proof leaves no broken server to work around.
 */
final class Minimisation {

  private Minimisation() {}

  /** The name to ask the servers of {@code zone}: one label below what is known, or the full name. */
  static Name nextName(Query q, Name zone, boolean enabled) {
    if (!enabled || !q.minimising()) {
      return q.name();
    }
    Name known = q.provenAbove() != null && q.provenAbove().subdomain(zone) && q.name().subdomain(q.provenAbove())
        ? q.provenAbove() : zone;
    int labelsBelow = q.name().labels() - known.labels();
    return labelsBelow <= 1 ? q.name() : new Name(q.name(), labelsBelow - 1);
  }

  /** The full name goes with its own type; a minimised one with {@code minimisedType} (NS or A). */
  static int typeFor(Query q, Name asked, int minimisedType) {
    return asked.equals(q.name()) ? q.qtype() : minimisedType;
  }

  /**
   * What a reply to a minimised question means for the walk; null when the usual handling applies
   * (a referral, or an NXDOMAIN to validate first). A reply that
   * shows the server holds the asked name (data or NODATA) sends the full name to the same servers
   * next.
   */
  static Step afterReply(Query q, ResponseType type, boolean validated) {
    return switch (type) {
      // The server speaks for the asked name itself, so it is the zone's: ask it the full name
      // (Knot Resolver's rule; a referral from the full question still restarts minimising below).
      case ANSWER, CNAME, DNAME, NODATA -> {
        yield q.askFullNameBelow(new Name(q.name(), 1));
      }
      // validated, it is judged with its proof (QueryResponseStep#negative): asked again unless SECURE
      case NXDOMAIN -> validated ? null : q.stopMinimising();
      // A NOERROR that is neither data, referral nor proof of absence, or an error rcode (REFUSED,
      // SERVFAIL, FORMERR without EDNS too, NOTIMP, one unassigned): some servers answer minimised
      // questions for empty non-terminals so, or any question of the minimised type, and answer
      // the full name well; so it is asked instead of calling the server lame (Unbound's relaxed
      // mode: "stop minimising and send full query when RCODE is not NOERROR").
      case LAME, THROWAWAY -> q.stopMinimising();
      case REFERRAL -> null;
    };
  }
}
