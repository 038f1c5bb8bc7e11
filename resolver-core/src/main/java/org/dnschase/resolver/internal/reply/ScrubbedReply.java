package org.dnschase.resolver.internal.reply;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A reply reduced to the RRsets its server may speak for (see {@link Bailiwick}), with the header
 * facts the iterator needs. Only this view is classified and cached, never the raw reply. A
 * look-up in a large section is a hash look-up (see {@link SectionIndex}), so asking it costs
 * nothing per RRset held; a small section's few RRsets are searched in order.
 */
public final class ScrubbedReply {

  private static final int[] ADDRESS_TYPES = {Type.A, Type.AAAA};

  private final int rcode;
  private final boolean authoritative;
  private final boolean recursionAvailable;
  private final SectionIndex answer;
  private final SectionIndex authority;
  private final SectionIndex additional;
  private final Bailiwick.Dropped dropped;
  private final boolean upwardReferral;
  /** The position of each DNAME RRset of the answer section; rarely more than one. */
  private final Map<RRset, Integer> dnameOrder = new IdentityHashMap<>(0);

  private ScrubbedReply(int rcode, boolean authoritative, boolean recursionAvailable, List<RRset> answer,
      List<RRset> authority, List<RRset> additional, Bailiwick.Dropped dropped, boolean upwardReferral) {
    this.rcode = rcode;
    this.authoritative = authoritative;
    this.recursionAvailable = recursionAvailable;
    this.answer = new SectionIndex(answer);
    this.authority = new SectionIndex(authority);
    this.additional = new SectionIndex(additional);
    this.dropped = dropped;
    this.upwardReferral = upwardReferral;
    for (RRset set : answer) {
      if (set.getType() == Type.DNAME) {
        dnameOrder.put(set, dnameOrder.size());
      }
    }
  }

  /**
   * @param dropped what was removed, and why
   * @param upwardReferral whether the authority section held an NS RRset for an ancestor of the
   *     zone asked (removed by scrubbing): the server pointed back up the tree
   */
  public static ScrubbedReply of(Message reply, List<RRset> answer, List<RRset> authority,
      List<RRset> additional, Bailiwick.Dropped dropped, boolean upwardReferral) {
    return new ScrubbedReply(reply.getRcode(), reply.getHeader().getFlag(Flags.AA),
        reply.getHeader().getFlag(Flags.RA), answer, authority, additional, dropped, upwardReferral);
  }

  public int rcode() {
    return rcode;
  }

  public boolean authoritative() {
    return authoritative;
  }

  /** RA: the server offers recursion, so what it says without AA may come from its cache. */
  public boolean recursionAvailable() {
    return recursionAvailable;
  }

  public List<RRset> answer() {
    return answer.all();
  }

  public List<RRset> authority() {
    return authority.all();
  }

  public List<RRset> additional() {
    return additional.all();
  }

  /** How many RRsets scrubbing removed. */
  public int dropped() {
    return dropped.total();
  }

  /**
   * Whether scrubbing removed an RRset of the answer section for its size: what is left of the
   * answer is not what the server said, so it is no answer, no alias and no proof of NODATA.
   */
  public boolean answerCut() {
    return dropped.oversizedInAnswer() > 0;
  }

  /** Why scrubbing removed what it did, for a diagnostic. */
  public Bailiwick.Dropped droppedByReason() {
    return dropped;
  }

  boolean upwardReferral() {
    return upwardReferral;
  }

  public RRset answer(Name name, int type) {
    return answer.find(name, type);
  }

  /** The answer section's RRsets at {@code name}, in order. */
  public List<RRset> answerAt(Name name) {
    return answer.at(name);
  }

  /**
   * A DNAME in the answer whose owner is a strict ancestor of {@code name} (RFC 6672 §2.2), the
   * first in the section's order when there are several.
   */
  public RRset dnameAbove(Name name) {
    RRset first = null;
    for (int strip = 1; strip < name.labels() && !dnameOrder.isEmpty(); strip++) {
      RRset found = answer.find(new Name(name, strip), Type.DNAME);
      if (found != null && (first == null || dnameOrder.get(found) < dnameOrder.get(first))) {
        first = found;
      }
    }
    return first;
  }

  public RRset authority(int type) {
    return authority.firstOfType(type);
  }

  /**
   * The NS RRset of a referral from {@code zone} for {@code name}: strictly below the zone, at or
   * above the name (RFC 1034 §4.3.2 step 3b); of several, the one nearest the zone, the cut the
   * zone itself holds, below which its server no longer speaks. Null when there is none. Another
   * NS set beside it, such as the zone's own, does not hide it.
   */
  public RRset referral(Name name, Name zone) {
    RRset nearest = null;
    for (RRset set : authority()) {
      Name cut = set.getName();
      if (set.getType() == Type.NS && !cut.equals(zone) && cut.subdomain(zone) && name.subdomain(cut)
          && (nearest == null || cut.labels() < nearest.getName().labels())) {
        nearest = set;
      }
    }
    return nearest;
  }

  /** The NS records the authority section gives for {@code zone}; empty if none. */
  public List<Record> nameServersOf(Name zone) {
    RRset set = authority.find(zone, Type.NS);
    return set == null ? List.of() : set.rrs(false);
  }

  /** The A and AAAA RRsets the additional section gives for {@code name}. */
  public List<RRset> addressSets(Name name) {
    List<RRset> sets = new ArrayList<>(2);
    for (int type : ADDRESS_TYPES) {
      RRset set = additional.find(name, type);
      if (set != null) {
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

  /** Whether the authority section holds NSEC or NSEC3 records: a signed zone's proof of absence. */
  boolean hasDenial() {
    return authority(Type.NSEC) != null || authority(Type.NSEC3) != null;
  }
}
