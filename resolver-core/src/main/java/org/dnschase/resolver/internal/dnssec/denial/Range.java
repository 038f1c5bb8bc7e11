package org.dnschase.resolver.internal.dnssec.denial;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.internal.message.RRsets;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * A remembered NSEC or NSEC3 record: a range of names its zone holds nothing in, with the RRSIGs
 * of the record and of the SOA it came with (for DO clients), and how long it may be used.
 *
 * @param record the NSEC or NSEC3 record
 * @param signatures its RRSIGs
 * @param soa the SOA of the negative answer it came with; null when it came without one
 * @param soaSignatures the SOA's RRSIGs
 * @param ttlSeconds how long it was kept for
 * @param expiresAtNanos when it goes, on the store's ticker
 */
record Range(Record record, List<RRSIGRecord> signatures, SOARecord soa, List<RRSIGRecord> soaSignatures,
    long ttlSeconds, long expiresAtNanos) {

  /** The RRSIGs among {@code signed} that cover {@code record}'s RRset. */
  static List<RRSIGRecord> signaturesOf(Record record, List<Record> signed) {
    List<RRSIGRecord> signatures = new ArrayList<>(1);
    for (Record candidate : signed) {
      if (candidate instanceof RRSIGRecord sig && sig.getTypeCovered() == record.getType()
          && sig.getName().equals(record.getName())) {
        signatures.add(sig);
      }
    }
    return List.copyOf(signatures);
  }

  /**
   * Each range's record with its RRSIGs, with the TTL the record itself has left at {@code now}
   * (it was received with its own; only the range's use is bounded by the SOA), as Unbound shows
   * them from its RRset cache.
   */
  static List<Record> proof(List<Range> used, long now) {
    List<Record> proof = new ArrayList<>();
    for (Range range : used) {
      long elapsed = range.ttlSeconds - TimeUnit.NANOSECONDS.toSeconds(Math.max(0, range.expiresAtNanos - now));
      long ttl = Math.max(0, range.record.getTTL() - elapsed);
      proof.add(RRsets.withTtl(range.record, ttl));
      range.signatures.forEach(sig -> proof.add(RRsets.withTtl(sig, ttl)));
    }
    return proof;
  }

  /** The shortest time any range used has left at {@code now}. */
  static long nanosLeft(List<Range> used, long now) {
    long leftNanos = Long.MAX_VALUE;
    for (Range range : used) {
      leftNanos = Math.min(leftNanos, range.expiresAtNanos - now);
    }
    return leftNanos;
  }

  /**
   * This range's SOA with the shortest time it or any range used has left at {@code now}, for the
   * negative answer's TTL.
   */
  SOARecord soaLeft(List<Range> used, long now) {
    long leftNanos = Math.min(expiresAtNanos - now, nanosLeft(used, now));
    long ttl = Math.max(0, TimeUnit.NANOSECONDS.toSeconds(leftNanos));
    return new SOARecord(soa.getName(), soa.getDClass(), ttl, soa.getHost(), soa.getAdmin(), soa.getSerial(),
        soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum());
  }
}
