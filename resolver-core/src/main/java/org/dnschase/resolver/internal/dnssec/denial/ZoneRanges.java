package org.dnschase.resolver.internal.dnssec.denial;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The owners of one zone's remembered NSEC and NSEC3 records in canonical order ({@link
 * Name#compareTo}), so the record at or before a name is one look-up away. NSEC3 owners sort as
 * their hashes do: one base32hex label of fixed length below the apex (RFC 5155 §3.3). The records
 * themselves, and whether they are still live, are the {@link DenialRanges} cache's.
 */
final class ZoneRanges {
  private final ConcurrentSkipListMap<Name, Boolean> nsecOwners = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<Name, Boolean> nsec3Owners = new ConcurrentSkipListMap<>();
  private volatile NSEC3Record nsec3Parameters;

  void add(Record record) {
    if (record instanceof NSEC3Record nsec3) {
      nsec3Parameters = nsec3;
      nsec3Owners.put(record.getName(), Boolean.TRUE);
    } else {
      nsecOwners.put(record.getName(), Boolean.TRUE);
    }
  }

  void remove(Record record) {
    (record instanceof NSEC3Record ? nsec3Owners : nsecOwners).remove(record.getName());
  }

  boolean isEmpty() {
    return nsecOwners.isEmpty() && nsec3Owners.isEmpty();
  }

  /** The NSEC owner at or before {@code name}, or the last one (whose range wraps to the apex). */
  Name nsecAtOrBefore(Name name) {
    return atOrBefore(nsecOwners, name);
  }

  /** The NSEC3 owner at or before {@code hashOwner}, or the last one (whose range wraps). */
  Name nsec3AtOrBefore(Name hashOwner) {
    return atOrBefore(nsec3Owners, hashOwner);
  }

  /** A remembered NSEC3 record, whose parameters hash names for look-ups; null if none. */
  NSEC3Record nsec3Parameters() {
    return nsec3Owners.isEmpty() ? null : nsec3Parameters;
  }

  private static Name atOrBefore(ConcurrentSkipListMap<Name, Boolean> owners, Name name) {
    Map.Entry<Name, Boolean> entry = owners.floorEntry(name);
    if (entry == null) {
      entry = owners.lastEntry();
    }
    return entry == null ? null : entry.getKey();
  }
}
