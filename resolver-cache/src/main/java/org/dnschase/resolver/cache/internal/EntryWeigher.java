package org.dnschase.resolver.cache.internal;

import com.github.benmanes.caffeine.cache.Weigher;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;

/**
 * Weighs an entry by an estimate of the heap bytes it keeps alive, for Caffeine's {@code
 * maximumWeight}.
 *
 * <p>The constants are rough sizes on a 64-bit JVM with compressed pointers; what matters is that
 * the estimate grows with what an entry really holds (records, RDATA, names), so a budget in
 * bytes means about the same whatever the mix of entries. Each stored record is counted twice:
 * once as received and once for the copy with the current remaining TTL that {@link AgedRRset}
 * keeps.
 */
final class EntryWeigher implements Weigher<CacheKey, CacheEntry> {

  /** Caffeine's node (key, value, weight, expiry, links) and its hash-table slot. */
  static final int NODE_BYTES = 96;
  /** The {@link CacheKey} and the entry record. */
  static final int KEY_AND_ENTRY_BYTES = 48;
  /** {@link AgedRRset}, its holder of the aged copy, and two RRsets with their lists. */
  static final int RRSET_BYTES = 200;
  /** A {@code Name}: the object, its byte array header and fields; plus its wire length. */
  static final int NAME_BYTES = 48;
  /** A {@code Record} subclass instance with its fields and the objects holding its RDATA. */
  static final int RECORD_BYTES = 64;
  /** One reference in an RRset's list. */
  static final int REFERENCE_BYTES = 4;

  @Override
  public int weigh(CacheKey key, CacheEntry entry) {
    long bytes = NODE_BYTES + KEY_AND_ENTRY_BYTES + nameBytes(key.name()) + entry.estimatedBytes();
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  /** The estimated bytes of an RRset's records and signatures, as stored and as aged copy. */
  static long estimate(RRset rrset) {
    long bytes = RRSET_BYTES;
    for (Record record : rrset.rrs(false)) {
      bytes += recordBytes(record);
    }
    for (RRSIGRecord sig : rrset.sigs()) {
      bytes += recordBytes(sig);
    }
    return bytes;
  }

  private static long recordBytes(Record record) {
    // The aged copy shares the owner name (see AgedRRset.withTtl); the RDATA is held twice.
    long rdata = record.rdataToWireCanonical().length;
    return nameBytes(record.getName()) + 2 * (RECORD_BYTES + rdata + 2 * REFERENCE_BYTES);
  }

  private static long nameBytes(Name name) {
    return NAME_BYTES + name.length();
  }
}
