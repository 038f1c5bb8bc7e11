package org.dnschase.resolver.internal.iterate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.reply.ResponseType;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * One reply on its way through validation: the RRsets of it that will be used, each with its
 * verdict once checked. What is used of an answer or an alias is its answer section, but for the
 * CNAMEs a DNAME of the reply synthesises, which are never signed (RFC 6672 §5.3.1: the DNAME's
 * signature vouches for them, and the chase uses its own synthesis anyway); of a negative answer,
 * its answer section (a chain that led to it) and its SOA, which an alias's reply may hold too.
 */
final class ReplyValidation {

  private final ScrubbedReply reply;
  private final ResponseType type;
  private final List<RRset> toCheck = new ArrayList<>();
  private final Map<RRset, Verdict> verdicts = new IdentityHashMap<>();
  private int next;

  ReplyValidation(ScrubbedReply reply, ResponseType type) {
    this.reply = reply;
    this.type = type;
    for (RRset set : reply.answer()) {
      if (set.size() > 0 && !(set.getType() == Type.CNAME && reply.dnameAbove(set.getName()) != null)) {
        toCheck.add(set);
      }
    }
    if (type != ResponseType.ANSWER) { // a negative answer, or one that may end a chain
      RRset soa = reply.authority(Type.SOA);
      if (soa != null && soa.size() > 0) {
        toCheck.add(soa);
      }
    }
  }

  ScrubbedReply reply() {
    return reply;
  }

  ResponseType type() {
    return type;
  }

  /** The next RRset still to check, or null when every one has its verdict. */
  RRset nextUnchecked() {
    return next < toCheck.size() ? toCheck.get(next) : null;
  }

  /** Records the verdict on the RRset {@link #nextUnchecked()} returned. */
  void record(Verdict verdict) {
    verdicts.put(toCheck.get(next++), verdict);
  }

  /**
   * The verdict on {@code rrset} of this reply: INDETERMINATE for one that was not checked (none
   * is, where the resolver does not validate).
   */
  Verdict of(RRset rrset) {
    return rrset == null ? Verdict.INDETERMINATE : verdicts.getOrDefault(rrset, Verdict.INDETERMINATE);
  }

  /**
   * The verdict on the reply's negative answer. Its SOA's verdict, but that a signed zone's
   * NXDOMAIN or NODATA stays INDETERMINATE: it is proven only by NSEC or NSEC3 records, which this
   * resolver does not check yet.
   */
  Verdict negative() {
    Verdict soa = of(reply.authority(Type.SOA));
    return soa == Verdict.SECURE ? Verdict.INDETERMINATE : soa;
  }
}
