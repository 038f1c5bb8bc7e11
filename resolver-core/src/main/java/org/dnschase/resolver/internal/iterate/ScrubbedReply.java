package org.dnschase.resolver.internal.iterate;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.internal.chase.DnameSubstitution;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A reply reduced to the RRsets its server may speak for (see {@link Bailiwick}), with the header
 * facts the iterator needs. Only this view is classified and cached, never the raw reply.
 *
 * @param dropped how many RRsets were out of bailiwick and removed
 * @param upwardReferral whether the authority section held an NS RRset for an ancestor of the
 *     zone asked (removed by scrubbing): the server pointed back up the tree
 */
record ScrubbedReply(int rcode, boolean authoritative, List<RRset> answer, List<RRset> authority,
    List<RRset> additional, int dropped, boolean upwardReferral) {

  static ScrubbedReply of(Message reply, List<RRset> answer, List<RRset> authority,
      List<RRset> additional, int dropped, boolean upwardReferral) {
    return new ScrubbedReply(reply.getRcode(), reply.getHeader().getFlag(Flags.AA),
        List.copyOf(answer), List.copyOf(authority), List.copyOf(additional), dropped, upwardReferral);
  }

  RRset answer(Name name, int type) {
    return find(answer, name, type);
  }

  /** A DNAME in the answer whose owner is a strict ancestor of {@code name} (RFC 6672 §2.2). */
  RRset dnameAbove(Name name) {
    for (RRset set : answer) {
      if (set.getType() == Type.DNAME && DnameSubstitution.applies(set.getName(), name)) {
        return set;
      }
    }
    return null;
  }

  RRset authority(int type) {
    for (RRset set : authority) {
      if (set.getType() == type) {
        return set;
      }
    }
    return null;
  }

  /** The NS records the authority section gives for {@code zone}; empty if none. */
  List<Record> nameServersOf(Name zone) {
    RRset set = find(authority, zone, Type.NS);
    return set == null ? List.of() : set.rrs(false);
  }

  /** The A and AAAA RRsets the additional section gives for {@code name}. */
  List<RRset> addressSets(Name name) {
    List<RRset> sets = new ArrayList<>(2);
    for (RRset set : additional) {
      if ((set.getType() == Type.A || set.getType() == Type.AAAA) && set.getName().equals(name)) {
        sets.add(set);
      }
    }
    return sets;
  }

  boolean isNxDomain() {
    return rcode == Rcode.NXDOMAIN;
  }

  boolean hasSoa() {
    return authority(Type.SOA) != null;
  }

  /**
   * The RRset of {@code type} at {@code name}; for ANY, the first RRset at the name, which is all
   * RFC 8482 §4.1 asks of an answer to ANY.
   */
  private static RRset find(List<RRset> section, Name name, int type) {
    for (RRset set : section) {
      boolean typeMatches = type == Type.ANY ? set.getType() != Type.RRSIG : set.getType() == type;
      if (typeMatches && set.getName().equals(name)) {
        return set;
      }
    }
    return null;
  }
}
