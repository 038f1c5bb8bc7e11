package org.dnschase.resolver.cache.internal;

import com.github.benmanes.caffeine.cache.Weigher;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SPFRecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;

/**
 * Weighs an entry by an estimate of the heap bytes it keeps alive, for Caffeine's {@code
 * maximumWeight}.
 *
 * <p>The constants are sizes measured on a 64-bit JVM with compressed pointers (a class
 * histogram over 1M entries, see the cache section of resolver-bench/RESULTS.md); what matters is
 * that the estimate grows with what an entry really holds, so a budget in bytes means about the
 * same whatever the mix of entries. Beyond the RDATA's wire length, a record is charged for the
 * objects dnsjava keeps it in where they outweigh the octets: a name in the RDATA is an object
 * and an array, each string of a TXT record an array, each signature two {@code Instant}s beside
 * the signer's name, each type of an NSEC bitmap a tree node. An owner name is charged again for
 * each record that does not share the key's name object ({@link CacheEntry} makes the records of
 * a set share one).
 */
final class EntryWeigher implements Weigher<CacheKey, CacheEntry> {

  /** Caffeine's node (key, value, weight, expiry, links: 56), its hash-map node and slot. */
  static final int NODE_BYTES = 96;
  /** The {@link CacheKey} (24) and the entry object (32, or 40 with a negative entry's name). */
  static final int KEY_AND_ENTRY_BYTES = 64;
  /** A {@code Name} object (32) and its byte array's header; plus its wire length. */
  static final int NAME_BYTES = 48;
  /** A {@code Record} subclass instance with its fields; plus its RDATA length. */
  static final int RECORD_BYTES = 40;
  /** What a set of more than one record adds: an RRset, its two lists and their arrays. */
  static final int RRSET_BYTES = 104;
  /** One reference in an RRset's list. */
  static final int REFERENCE_BYTES = 4;
  /** A byte array's header. */
  static final int ARRAY_BYTES = 16;
  /** The RDATA of an A record (RFC 1035 §3.4.1) and of an AAAA record (RFC 3596 §2.2). */
  private static final int IPV4_BYTES = 4;
  private static final int IPV6_BYTES = 16;
  /**
   * A byte array's header with its padding and its reference in a list, for each string of a TXT
   * record: measured 29 bytes for a string of one octet.
   */
  static final int STRING_BYTES = 28;
  /** An RRSIG's two {@code Instant}s (24 each) and its signature array's header (16). */
  static final int SIGNATURE_BYTES = 64;
  /** A type in an NSEC or NSEC3 bitmap: a {@code TreeSet} node (40) and its {@code Integer} (16). */
  static final int BITMAP_TYPE_BYTES = 56;

  @Override
  public int weigh(CacheKey key, CacheEntry entry) {
    long bytes = NODE_BYTES + KEY_AND_ENTRY_BYTES + nameBytes(key.name()) + dataBytes(key.name(), entry.records());
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  /**
   * The estimated bytes of the records held under {@code owner}, signatures included: the part of
   * an entry that a copy handed out shares, and so what a holder of such copies keeps alive.
   */
  static long dataBytes(Name owner, Iterable<Record> records) {
    long bytes = 0;
    int count = 0;
    for (Record record : records) {
      bytes += RECORD_BYTES + REFERENCE_BYTES + rdataLength(record) + objectBytes(record);
      if (record.getName() != owner) {
        bytes += nameBytes(record.getName());
      }
      count++;
    }
    return count > 1 ? bytes + RRSET_BYTES : bytes;
  }

  /**
   * The estimated bytes of {@code records} on their own, their owner name included: what a holder
   * of copies handed out from an entry keeps alive once the cache has dropped it.
   */
  static long detachedBytes(Iterable<Record> records) {
    var first = records.iterator();
    if (!first.hasNext()) {
      return 0;
    }
    Name owner = first.next().getName();
    return nameBytes(owner) + dataBytes(owner, records);
  }

  /**
   * The length of the record's RDATA in canonical wire form (RFC 4034 §6.2): counted for the types
   * that every referral and alias brings, written out for the others. Writing it is what dnsjava
   * offers, and it cost each cached record a buffer and an array, and each name in it its encoding.
   */
  static int rdataLength(Record record) {
    return switch (record) {
      case ARecord r -> IPV4_BYTES;
      case AAAARecord r -> IPV6_BYTES;
      // an uncompressed name, as canonical form writes it, is as long as its wire length
      case NSRecord r -> r.getTarget().length();
      case CNAMERecord r -> r.getTarget().length();
      case DNAMERecord r -> r.getTarget().length();
      case PTRRecord r -> r.getTarget().length();
      default -> record.rdataToWireCanonical().length;
    };
  }

  /** What the objects holding a record's RDATA add to its wire length. */
  private static long objectBytes(Record record) {
    return switch (record) {
      case CNAMERecord r -> NAME_BYTES;
      case DNAMERecord r -> NAME_BYTES;
      case NSRecord r -> NAME_BYTES;
      case PTRRecord r -> NAME_BYTES;
      case MXRecord r -> NAME_BYTES;
      case SRVRecord r -> NAME_BYTES;
      case NAPTRRecord r -> NAME_BYTES + 3 * ARRAY_BYTES;
      case SOARecord r -> 2 * NAME_BYTES + 5 * Long.BYTES;
      case RRSIGRecord r -> NAME_BYTES + SIGNATURE_BYTES;
      case TXTRecord r -> (long) STRING_BYTES * r.getStringsAsByteArrays().size();
      case SPFRecord r -> (long) STRING_BYTES * r.getStringsAsByteArrays().size();
      case NSECRecord r -> NAME_BYTES + (long) BITMAP_TYPE_BYTES * r.getTypes().length;
      case NSEC3Record r -> 2 * ARRAY_BYTES + (long) BITMAP_TYPE_BYTES * r.getTypes().length;
      default -> 0;
    };
  }

  private static long nameBytes(Name name) {
    return NAME_BYTES + name.length();
  }
}
