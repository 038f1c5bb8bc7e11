package org.dnschase.resolver.internal.dnssec.denial;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;

/**
 * The NSEC and NSEC3 records one zone signed, as the proofs read them: the caller has verified
 * their signatures, and {@code zone} is the signer. A record whose owner is not in the zone
 * cannot speak for it and is set aside (RFC 4035 §5.3.1: the signer is the zone containing the
 * RRset); an NSEC3 owner must moreover be a hash label directly below the apex (RFC 5155 §3), which
 * {@link Nsec3Chain} checks.
 *
 * @param zone the zone that signed the records
 * @param nsec its NSEC records
 * @param nsec3 its NSEC3 records
 * @param outsideZone how many NSEC or NSEC3 records were set aside for an owner outside the zone
 */
public record DenialRecords(Name zone, List<NSECRecord> nsec, List<NSEC3Record> nsec3, int outsideZone) {

  /** Checks the zone and copies the lists. */
  public DenialRecords {
    Objects.requireNonNull(zone, "zone");
    nsec = List.copyOf(nsec);
    nsec3 = List.copyOf(nsec3);
  }

  /**
   * The NSEC and NSEC3 records among {@code records}; other types are ignored.
   *
   * @param zone the signer of the records
   * @param records records of any type, e.g. a reply's authority section
   * @return the denial records of the zone
   */
  public static DenialRecords of(Name zone, Iterable<? extends Record> records) {
    List<NSECRecord> nsec = new ArrayList<>();
    List<NSEC3Record> nsec3 = new ArrayList<>();
    int outside = 0;
    for (Record record : records) {
      if (!(record instanceof NSECRecord) && !(record instanceof NSEC3Record)) {
        continue;
      }
      if (!record.getName().subdomain(zone)) {
        outside++;
      } else if (record instanceof NSECRecord n) {
        nsec.add(n);
      } else {
        nsec3.add((NSEC3Record) record);
      }
    }
    return new DenialRecords(zone, nsec, nsec3, outside);
  }

  /**
   * The NSEC and NSEC3 records in {@code sets}.
   *
   * @param zone the signer of the RRsets
   * @param sets RRsets of any type
   * @return the denial records of the zone
   */
  public static DenialRecords ofRRsets(Name zone, Iterable<RRset> sets) {
    List<Record> records = new ArrayList<>();
    for (RRset set : sets) {
      records.addAll(set.rrs(false));
    }
    return of(zone, records);
  }

  /** Whether there is nothing to prove with. */
  boolean isEmpty() {
    return nsec.isEmpty() && nsec3.isEmpty();
  }

  /** The failure for a proof without records: none came, or none belonged to the zone. */
  Denial.Bogus missing(String what) {
    return outsideZone > 0
        ? new Denial.Bogus(Denial.BogusReason.WRONG_OWNER, outsideZone + " denial records outside " + zone
            + ", none inside, for " + what)
        : new Denial.Bogus(Denial.BogusReason.MISSING_PROOF, "no NSEC or NSEC3 from " + zone + " for " + what);
  }
}
