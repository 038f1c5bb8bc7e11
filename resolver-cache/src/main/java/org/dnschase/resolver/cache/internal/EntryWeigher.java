package org.dnschase.resolver.cache.internal;

import com.github.benmanes.caffeine.cache.Weigher;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Weighs an entry by an estimate of the heap bytes it keeps alive, for Caffeine's {@code
 * maximumWeight}.
 *
 * <p>The constants are sizes measured on a 64-bit JVM with compressed pointers (a class
 * histogram over 1M entries, see the cache section of resolver-bench/RESULTS.md); what matters is that the estimate grows with what
 * an entry really holds (records, RDATA, names), so a budget in bytes means about the same
 * whatever the mix of entries. A record's owner name is not counted again: it is the key's name
 * object whenever the name arrived in lower case, as it almost always does.
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

  @Override
  public int weigh(CacheKey key, CacheEntry entry) {
    long bytes = NODE_BYTES + KEY_AND_ENTRY_BYTES + nameBytes(key.name()) + recordBytes(entry);
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  private static long recordBytes(CacheEntry entry) {
    long bytes = 0;
    int count = 0;
    for (Record record : entry.records()) {
      bytes += RECORD_BYTES + REFERENCE_BYTES + record.rdataToWireCanonical().length;
      count++;
    }
    return count > 1 ? bytes + RRSET_BYTES : bytes;
  }

  private static long nameBytes(Name name) {
    return NAME_BYTES + name.length();
  }
}
