package org.dnschase.resolver.internal.reply;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.cache.TtlCaps;
import org.dnschase.resolver.internal.message.Sections;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Scrubbing: a server asked as an authority for zone Z may only speak for names at or below Z
 * (RFC 2181 §5.4.1), and only in the class asked; an NSEC may not claim a span past Z. Everything else in its reply is dropped before
 * anything is classified or cached, so a server cannot plant data for zones it does not serve.
 * The work is linear in the reply's size (see {@link Sections}), whatever a server sends.
 */
public final class Bailiwick {

  /** The class of every question the resolver asks (RFC 1035 §3.2.4: IN, the Internet). */
  public static final int QCLASS = DClass.IN;

  /**
   * What scrubbing dropped, by reason; each count is of RRsets. {@code oversizedInAnswer} counts
   * those of {@code oversized} that were in the answer section.
   */
  public record Dropped(int outOfZone, int otherClass, int oversized, int oversizedInAnswer) {
    static final Dropped NONE = new Dropped(0, 0, 0, 0);

    int total() {
      return outOfZone + otherClass + oversized;
    }
  }

  /** Counts while one reply is scrubbed. */
  private static final class Tally {
    int outOfZone;
    int otherClass;
    int oversized;
    int oversizedInAnswer;
    boolean upwardReferral;

    Dropped dropped() {
      return outOfZone + otherClass + oversized == 0 ? Dropped.NONE
          : new Dropped(outOfZone, otherClass, oversized, oversizedInAnswer);
    }
  }

  /** How long what is kept may live, and how many name servers an NS RRset keeps. */
  private record Limits(TtlCaps caps, int maxNameServers) {}

  private Bailiwick() {}

  /**
   * The reply's RRsets the server may speak for, each TTL as the cache would keep it
   * ({@code caps}): whatever is kept or shown of the reply from here on (answers, hops, glue,
   * negative answers) promises no longer life than the cache gives it. An NS RRset keeps its first
   * {@code maxNameServers} records (Unbound's iter-scrub-ns): each name server named costs work.
   */
  public static ScrubbedReply scrub(Message reply, Name zone, TtlCaps caps, int maxNameServers) {
    Tally tally = new Tally();
    List<List<Sections.Group>> sections = Sections.groupAcross(List.of(reply.getSection(Section.ANSWER),
        reply.getSection(Section.AUTHORITY), reply.getSection(Section.ADDITIONAL)));
    Limits limits = new Limits(caps, maxNameServers);
    List<RRset> answer = keep(sections.get(0), zone, limits, tally, false);
    tally.oversizedInAnswer = tally.oversized;
    List<RRset> authority = keep(sections.get(1), zone, limits, tally, true);
    List<RRset> additional = keep(sections.get(2), zone, limits, tally, false);
    return ScrubbedReply.of(reply, answer, authority, additional, tally.dropped(), tally.upwardReferral);
  }

  /**
   * The section's RRsets of the question's class at or below the zone, of a bounded size.
   * In the authority section it also notes an NS RRset for an ancestor of the zone asked (an
   * upward referral): scrubbing drops it, but the classifier must still know it was there.
   */
  private static List<RRset> keep(List<Sections.Group> groups, Name zone, Limits limits, Tally tally,
      boolean authority) {
    List<RRset> kept = new ArrayList<>(groups.size());
    for (Sections.Group group : groups) {
      if (group.dclass() != QCLASS) {
        tally.otherClass++;
        continue;
      }
      if (authority && group.type() == Type.NS && !group.name().equals(zone) && zone.subdomain(group.name())) {
        tally.upwardReferral = true;
      }
      if (!group.name().subdomain(zone)) {
        tally.outOfZone++;
      } else if (group.oversized()) {
        tally.oversized++;
      } else {
        RRset set = group.type() == Type.NS ? group.toRRset(limits.caps(), limits.maxNameServers())
            : group.toRRset(limits.caps());
        if (overreaches(set, zone)) {
          tally.outOfZone++;
        } else {
          kept.add(set);
        }
      }
    }
    return kept;
  }

  /**
   * Whether an NSEC RRset claims a span that leaves the zone asked: its next name outside the
   * zone would deny names the server does not serve (another zone's, a sibling TLD's), which no
   * signature of this zone can vouch for (RFC 4034 §4.1.1: the next name is in the same zone).
   * Unbound's scrubber drops such an NSEC too.
   */
  private static boolean overreaches(RRset set, Name zone) {
    if (set.getType() != Type.NSEC) {
      return false;
    }
    for (Record record : set.rrs(false)) {
      if (!((NSECRecord) record).getNext().subdomain(zone)) {
        return true;
      }
    }
    return false;
  }
}
