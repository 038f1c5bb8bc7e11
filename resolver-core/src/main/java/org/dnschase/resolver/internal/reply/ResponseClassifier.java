package org.dnschase.resolver.internal.reply;

import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Classifies a scrubbed reply once, as a pure and total function of the reply, the name asked and
 * the zone asked; the result is final and the response step switches on it.
 */
public final class ResponseClassifier {

  private ResponseClassifier() {}

  public static ResponseType classify(ScrubbedReply reply, Name name, int qtype, Name zone) {
    ResponseType data = dataOrError(reply, name, qtype);
    if (data != null) {
      return data;
    }
    // A delegation to a child zone stays a referral when a server wrongly sets AA on it; only an
    // SOA beside it would make it NODATA (Deckard iter_ns_badaa). The zone's own NS set sent beside
    // it does not make it lame: Unbound keeps the first NS set only, and throws the reply away
    // when that is the zone's, but both are the server's to give, and the child's is the referral.
    if (reply.referral(name, zone) != null && !(reply.authoritative() && reply.hasSoa())) {
      return ResponseType.REFERRAL;
    }
    if (reply.authority(Type.NS) != null && !reply.authoritative()) {
      return ResponseType.LAME;
    }
    // Sending us back up the tree says the server does not serve the zone, AA or not (iter_lame_aaaa).
    if (reply.upwardReferral() && !reply.hasSoa()) {
      return ResponseType.LAME;
    }
    // Without AA or SOA, a signed zone's NSEC or NSEC3 records still speak for it (Unbound takes
    // such a reply as NODATA); validation decides whether they prove it.
    if (reply.hasSoa() || reply.authoritative() || reply.hasDenial()) {
      return ResponseType.NODATA;
    }
    return ResponseType.LAME;
  }

  /**
   * Whether an authority's reply, classified as {@code type}, is to be used only when no other
   * server of the zone gives a better one (Unbound tries the others first, too):
   * <ul>
   *   <li>an empty NOERROR, nothing in its answer and authority sections: without the SOA that
   *       proves NODATA (RFC 2308 §2.2) it may as well be a broken server's;</li>
   *   <li>data or a negative answer without AA from a server that offers recursion (RA=1): asked
   *       without RD, it answered from its cache, not from the zone (a recursive server where an
   *       authoritative one should be). An alias or a referral is followed as usual.</li>
   * </ul>
   */
  public static boolean onlyAsLastResort(ScrubbedReply reply, ResponseType type) {
    return switch (type) {
      case ANSWER, NXDOMAIN -> fromCacheOfRecursiveServer(reply);
      case NODATA -> fromCacheOfRecursiveServer(reply) || reply.answer().isEmpty() && reply.authority().isEmpty();
      case CNAME, DNAME, REFERRAL, LAME, THROWAWAY -> false;
    };
  }

  /** Whether a server that offers recursion answered without authority (RA=1, AA=0): from its cache. */
  public static boolean fromCacheOfRecursiveServer(ScrubbedReply reply) {
    return reply.recursionAvailable() && !reply.authoritative();
  }

  /**
   * The reply of a recursive server asked with RD=1 (a forward zone's): it resolves, so it never
   * refers; beside data and errors, its empty answer is NODATA, unless it points elsewhere
   * without an SOA (it did not recurse), which makes it lame.
   */
  public static ResponseType classifyForwarded(ScrubbedReply reply, Name name, int qtype) {
    ResponseType data = dataOrError(reply, name, qtype);
    if (data != null) {
      return data;
    }
    return reply.authority(Type.NS) != null && !reply.hasSoa() ? ResponseType.LAME : ResponseType.NODATA;
  }

  /** What any reply is by its rcode and answer section alone; null when the rest must tell. */
  private static ResponseType dataOrError(ScrubbedReply reply, Name name, int qtype) {
    switch (reply.rcode()) {
      case Rcode.NOERROR, Rcode.NXDOMAIN, Rcode.YXDOMAIN -> { }
      case Rcode.SERVFAIL, Rcode.REFUSED, Rcode.NOTIMP -> {
        return ResponseType.LAME;
      }
      default -> {
        return ResponseType.THROWAWAY;
      }
    }
    // An answer with an RRset too large to keep (Sections.MAX_RECORDS_PER_RRSET) dropped is not
    // the server's answer: what remains of it would read as NODATA, or as a chain cut short.
    if (reply.answerCut()) {
      return ResponseType.THROWAWAY;
    }
    // RFC 6672 §2.2: a DNAME above the name redirects it, whatever the server put at the name; a
    // CNAME question too, which the CNAME synthesised from it answers (§3.1).
    if (reply.dnameAbove(name) != null) {
      return ResponseType.DNAME;
    }
    // RFC 1034 §3.6.2: a CNAME makes the name an alias, unless the server, breaking RFC 2181 §10.1,
    // put the data asked for beside it and first (Unbound reads the answer section in order). ANY
    // matches the CNAME itself (RFC 1034 §4.3.2 step 3a), so an ANY question is answered there.
    if (qtype != Type.CNAME && qtype != Type.ANY && reply.answer(name, Type.CNAME) != null
        && !dataBeforeAlias(reply, name, qtype)) {
      return ResponseType.CNAME;
    }
    if (reply.rcode() == Rcode.YXDOMAIN) {
      return ResponseType.THROWAWAY; // YXDOMAIN means something only beside the DNAME that caused it
    }
    // An alias at the name asked makes the name exist: an NXDOMAIN beside it speaks of the alias's
    // target (RFC 6604 §2.1), which a CNAME or ANY question does not go on to, as the alias matches
    // it (RFC 1034 §4.3.2 step 3a): the alias answers. Unbound's iterator reads such a reply as the
    // alias too, whatever the type asked.
    if (reply.isNxDomain() && reply.answer(name, Type.CNAME) != null) {
      return ResponseType.ANSWER;
    }
    // RFC 1035 §4.1.1, RFC 6604 §3: NXDOMAIN says the last name of the chain, here the name asked,
    // does not exist; data for it beside that is the server contradicting itself, and the rcode is
    // taken, as Unbound's iterator takes it (see withDataDenied)
    if (reply.isNxDomain()) {
      return ResponseType.NXDOMAIN;
    }
    if (reply.answer(name, qtype) != null) {
      return ResponseType.ANSWER;
    }
    return null;
  }

  /**
   * Whether a reply classified NXDOMAIN also carries data for the name it denies, which was then
   * set aside: the server contradicted itself, and the resolution reports it.
   */
  public static boolean withDataDenied(ScrubbedReply reply, ResponseType type, Name name, int qtype) {
    return type == ResponseType.NXDOMAIN && reply.answer(name, qtype) != null;
  }

  /** Whether the RRset of {@code qtype} at {@code name} comes before the CNAME there in the answer. */
  private static boolean dataBeforeAlias(ScrubbedReply reply, Name name, int qtype) {
    for (RRset set : reply.answerAt(name)) {
      if (set.getType() == qtype || set.getType() == Type.CNAME) {
        return set.getType() == qtype;
      }
    }
    return false;
  }
}
