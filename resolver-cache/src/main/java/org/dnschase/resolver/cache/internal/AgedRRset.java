package org.dnschase.resolver.cache.internal;

import java.util.Arrays;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * An RRset as stored, and a copy of it whose records carry a given remaining TTL.
 *
 * <p>dnsjava records cannot be changed through their public API (RRset itself clones a record
 * before it lowers its TTL), so the records of a copy can be shared by every caller; only the
 * RRset holding them must be new for each caller, since RRsets are mutable. The copy for the
 * current second is kept, so a hit within the same second costs one RRset copy, and records are
 * rebuilt at most once a second per entry.
 */
final class AgedRRset {

  /** The records as received; never handed out. */
  private final RRset stored;

  /**
   * The copy for the most recent remaining TTL asked for. Racing readers may each build one;
   * they are equal, so the last write wins harmlessly.
   */
  private volatile Aged latest;

  /** Estimated once, since Caffeine weighs an entry on every write to its key. */
  private final long estimatedBytes;

  private record Aged(long ttlSeconds, RRset rrset) {}

  /**
   * @param source the RRset to store; copied, so the caller may go on changing it
   * @param ttlSeconds the TTL it is stored with, after caps
   */
  AgedRRset(RRset source, long ttlSeconds) {
    this.stored = new RRset(source);
    this.latest = allHaveTtl(stored, ttlSeconds) ? new Aged(ttlSeconds, stored) : null;
    this.estimatedBytes = EntryWeigher.estimate(stored);
  }

  /** The estimated heap size of the stored records and of one aged copy. */
  long estimatedBytes() {
    return estimatedBytes;
  }

  /** A new RRset, owned by the caller, whose records carry {@code ttlSeconds}. */
  RRset copyWithTtl(long ttlSeconds) {
    return new RRset(withTtl(ttlSeconds));
  }

  /** The first record, carrying {@code ttlSeconds}; shared, as records are immutable. */
  Record firstWithTtl(long ttlSeconds) {
    return withTtl(ttlSeconds).first();
  }

  private RRset withTtl(long ttlSeconds) {
    Aged aged = latest;
    if (aged == null || aged.ttlSeconds != ttlSeconds) {
      aged = new Aged(ttlSeconds, rebuild(ttlSeconds));
      latest = aged;
    }
    return aged.rrset;
  }

  private RRset rebuild(long ttlSeconds) {
    RRset rebuilt = new RRset();
    for (Record record : stored.rrs(false)) {
      rebuilt.addRR(withTtl(record, ttlSeconds));
    }
    for (RRSIGRecord sig : stored.sigs()) {
      rebuilt.addRR(withTtl(sig, ttlSeconds));
    }
    return rebuilt;
  }

  /**
   * The record with another TTL. dnsjava has no public way to change a TTL, so the record is
   * rebuilt from its RDATA: the uncompressed wire form is owner name, then type, class (2 octets
   * each), TTL (4) and RDLENGTH (2), then RDATA (RFC 1035 §4.1.3). The owner name is reused.
   */
  static Record withTtl(Record record, long ttlSeconds) {
    if (record.getTTL() == ttlSeconds) {
      return record;
    }
    byte[] wire = record.toWire(Section.ANSWER);
    int rdataStart = record.getName().length() + 10;
    byte[] rdata = Arrays.copyOfRange(wire, rdataStart, wire.length);
    Record copy =
        Record.newRecord(record.getName(), record.getType(), record.getDClass(), ttlSeconds, rdata);
    if (copy == null) {
      // dnsjava returns null when RDATA it wrote itself does not parse back: a dnsjava bug.
      throw new IllegalStateException("cannot rebuild " + record + " with TTL " + ttlSeconds);
    }
    return copy;
  }

  private static boolean allHaveTtl(RRset rrset, long ttlSeconds) {
    for (Record record : rrset.rrs(false)) {
      if (record.getTTL() != ttlSeconds) {
        return false;
      }
    }
    for (RRSIGRecord sig : rrset.sigs()) {
      if (sig.getTTL() != ttlSeconds) {
        return false;
      }
    }
    return true;
  }
}
