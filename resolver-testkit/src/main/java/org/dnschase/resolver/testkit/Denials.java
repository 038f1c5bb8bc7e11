package org.dnschase.resolver.testkit;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/** Finds the NSEC or NSEC3 chain in a zone's data, whoever signed it. */
final class Denials {
  private Denials() {}

  /** The proofs the zone's chain gives, or null if it has neither NSEC nor NSEC3 records. */
  static Denial of(Zone zone) {
    Map<Name, RRset> nsec = new HashMap<>();
    Map<String, RRset> nsec3 = new HashMap<>();
    NSEC3Record any = null;
    for (RRset set : zone) {
      if (set.size() == 0) {
        continue;
      }
      if (set.getType() == Type.NSEC) {
        nsec.put(set.getName(), set);
      } else if (set.getType() == Type.NSEC3) {
        any = (NSEC3Record) set.first();
        nsec3.put(firstLabel(set.getName()), set);
      }
    }
    if (any != null) {
      return new Nsec3Denial(Nsec3Hashing.of(zone.getOrigin(), any), nsec3);
    }
    return nsec.isEmpty() ? null : new NsecDenial(nsec);
  }

  private static String firstLabel(Name owner) {
    return owner.getLabelString(0).toLowerCase(Locale.ROOT);
  }
}
