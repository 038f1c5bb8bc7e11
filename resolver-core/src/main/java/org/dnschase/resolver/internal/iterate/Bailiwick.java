package org.dnschase.resolver.internal.iterate;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Scrubbing: a server asked as an authority for zone Z may only speak for names at or below Z
 * (RFC 2181 §5.4.1). Everything else in its reply is dropped before anything is classified or
 * cached, so a server cannot plant data for zones it does not serve.
 */
final class Bailiwick {

  private Bailiwick() {}

  static ScrubbedReply scrub(Message reply, Name zone) {
    int[] dropped = {0};
    List<RRset> answer = keepInZone(reply.getSectionRRsets(Section.ANSWER), zone, dropped);
    List<RRset> authority = keepInZone(reply.getSectionRRsets(Section.AUTHORITY), zone, dropped);
    List<RRset> additional = keepInZone(reply.getSectionRRsets(Section.ADDITIONAL), zone, dropped);
    return ScrubbedReply.of(reply, answer, authority, additional, dropped[0],
        pointsUpward(reply.getSectionRRsets(Section.AUTHORITY), zone));
  }

  /**
   * Whether the authority section delegates to an ancestor of the zone asked: an upward referral.
   * Scrubbing drops that NS RRset, but the classifier must still know it was there.
   */
  private static boolean pointsUpward(List<RRset> authority, Name zone) {
    for (RRset set : authority) {
      if (set.getType() == Type.NS && !set.getName().equals(zone) && zone.subdomain(set.getName())) {
        return true;
      }
    }
    return false;
  }

  private static List<RRset> keepInZone(List<RRset> section, Name zone, int[] dropped) {
    List<RRset> kept = new ArrayList<>(section.size());
    for (RRset set : section) {
      if (set.getType() == Type.OPT) {
        continue; // EDNS pseudo-record: not data about any name, never cached
      }
      if (set.getName().subdomain(zone)) {
        kept.add(set);
      } else {
        dropped[0]++;
      }
    }
    return kept;
  }
}
