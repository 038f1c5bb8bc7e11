package org.dnschase.resolver.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Message;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Checks RRSIGs with dnsjava's {@link DNSSEC#verify}, as a validator would. */
final class Signatures {
  private Signatures() {}

  /**
   * Verifies every RRSIG of {@code set} against the key of its key tag among {@code keys};
   * throws what dnsjava throws for the first that fails.
   *
   * @return how many signatures verified
   */
  static int verify(RRset set, List<DNSKEYRecord> keys, Instant now) throws DNSSEC.DNSSECException {
    int verified = 0;
    for (RRSIGRecord sig : set.sigs()) {
      DNSKEYRecord key = keys.stream()
          .filter(k -> k.getFootprint() == sig.getFootprint() && k.getAlgorithm() == sig.getAlgorithm())
          .findFirst().orElseThrow(() -> new AssertionError("no key with tag " + sig.getFootprint()));
      DNSSEC.verify(set, sig, key, now);
      verified++;
    }
    return verified;
  }

  /** The RRsets of a reply section with their RRSIGs, from a trusted reply of a few records. */
  static List<RRset> rrsets(Message reply, int section) {
    return new ArrayList<>(reply.getSectionRRsets(section));
  }

  /** The RRsets of {@code zone} by owner and type, RRSIGs attached. */
  static List<RRset> rrsets(List<Record> records) {
    List<RRset> sets = new ArrayList<>();
    List<Record> dataFirst = new ArrayList<>(records.stream().filter(r -> r.getType() != Type.RRSIG).toList());
    dataFirst.addAll(records.stream().filter(r -> r.getType() == Type.RRSIG).toList());
    for (Record r : dataFirst) {
      int type = r.getRRsetType();
      RRset set = sets.stream().filter(s -> s.getName().equals(r.getName()) && s.getType() == type)
          .findFirst().orElse(null);
      if (set == null) {
        set = new RRset();
        sets.add(set);
      }
      set.addRR(r);
    }
    return sets;
  }
}
