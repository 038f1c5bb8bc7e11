package org.dnschase.resolver.cache.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.CacheLookup.NegativeHit.Kind;
import org.dnschase.resolver.cache.EntryRef;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.cache.ValidationStatus;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * A cached value: an RRset, or a negative answer (RFC 2308) with its SOA (a NODATA may have none).
 *
 * <p>The expiry is absolute ({@code expiresAtNanos} on the cache's ticker) and decided once, at
 * write time. Caffeine's expiry ({@link TtlExpiry}) and the remaining TTL handed out are both
 * derived from it, so the two can never disagree.
 *
 * <p>Laid out for size, since a cache holds millions of these: an entry keeps one copy of its
 * data, carrying the TTL last handed out. A one-record RRset without signatures (the usual A or
 * AAAA answer), and the SOA of a negative entry, are held as the bare record; only larger sets
 * keep an RRset, so that handing one out stays a list copy. A negative entry with a DNSSEC proof
 * holds an array: the SOA first, then the proof's records, all aged together. dnsjava records cannot be changed
 * through their public API, so they are shared with every caller; the RRset around them is new
 * for each. When the remaining TTL has moved on, the data is rebuilt with it and replaces what
 * was held: at most one rebuild a second for a hot entry, and never two copies kept.
 *
 * <p>The records of a larger set share one owner name object, the first record's: records parsed
 * from a reply each carry a name of their own, which for a set of many records under a long name
 * would cost more than the data.
 *
 * <p>As an {@link EntryRef} it can be held by a layer above the cache: the cache calls {@link
 * #remove()} wherever it replaces, invalidates or evicts the entry, so that layer learns of it
 * from one volatile read. A removed entry drops its data at once: what a layer above still holds
 * is a shell of a few dozen bytes, so the byte budget bounds the data whoever keeps references.
 */
abstract sealed class CacheEntry implements EntryRef
    permits CacheEntry.Positive, CacheEntry.NxDomain, CacheEntry.NoData {

  static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long expiresAtNanos;
  private final TrustRank rank;
  private final ValidationStatus status;
  /** The TTL stored, after caps; at most 2^31 - 1 (RFC 2181 §8), so an int suffices. */
  private final int ttlSeconds;

  /**
   * A {@link Record} or an {@link RRset}, every record carrying the TTL last handed out. Racing
   * readers may each rebuild it; their copies are equal, so the last write wins harmlessly.
   */
  private volatile Object held;

  /** Set once the cache no longer holds this entry under its key. */
  private volatile boolean removed;

  /**
   * Whether answers carry the TTL the data came with ({@code serveOriginalTtl}): the data is then
   * held with that TTL and never aged. A boolean fits in the padding the fields above leave.
   */
  private final boolean originalTtl;

  private CacheEntry(Object data, long ttlSeconds, long expiresAtNanos, TrustRank rank, ValidationStatus status,
      boolean originalTtl) {
    this.originalTtl = originalTtl;
    this.held = data == null || originalTtl ? data : withTtl(data, ttlSeconds);
    this.ttlSeconds = (int) ttlSeconds;
    this.expiresAtNanos = expiresAtNanos;
    this.rank = rank;
    this.status = status;
  }

  /** When the entry dies, on the cache's ticker; it may still be served stale after that. */
  @Override
  public final long expiresAtNanos() {
    return expiresAtNanos;
  }

  /** The rank it was stored at. */
  final TrustRank rank() {
    return rank;
  }

  /** The DNSSEC status it was stored with. */
  final ValidationStatus status() {
    return status;
  }

  /** Whether the TTL has not yet run out at {@code nowNanos}. */
  final boolean isLive(long nowNanos) {
    return expiresAtNanos - nowNanos > 0;
  }

  /**
   * The answer as of {@code nowNanos}, with remaining TTLs, or null if the entry has expired. A
   * look-up that read the entry just before it was replaced still answers from it, as any
   * concurrent read may; removal matters only to holders of the {@link EntryRef}.
   */
  final CacheLookup liveAnswerAt(long nowNanos) {
    long remainingNanos = expiresAtNanos - nowNanos;
    return remainingNanos <= 0 ? null : answer(shownTtl(wholeSeconds(remainingNanos)));
  }

  @Override
  public final CacheLookup answerAt(long nowNanos) {
    long remaining = remainingSeconds(nowNanos);
    return remaining < 0 ? null : answer(shownTtl(remaining));
  }

  /** The TTL an answer carries: {@code remaining}, or the data's own under {@code serveOriginalTtl}. */
  private long shownTtl(long remaining) {
    Object data = held;
    return originalTtl && data != null ? ttlOf(data) : remaining;
  }

  @Override
  public final long remainingSeconds(long nowNanos) {
    long remainingNanos = expiresAtNanos - nowNanos;
    return remainingNanos <= 0 || removed ? -1 : wholeSeconds(remainingNanos);
  }

  /**
   * Remaining time as a TTL: rounded up, so data just stored reads the TTL it was stored with (no
   * rebuild of its records on the first read) and live data never reads 0.
   */
  private static long wholeSeconds(long remainingNanos) {
    return (remainingNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
  }

  @Override
  public final long storedTtl() {
    return ttlSeconds;
  }

  @Override
  public final boolean stored() {
    return !removed;
  }

  /** Marks the entry as no longer stored (replaced, invalidated or evicted) and drops its data. */
  final void remove() {
    removed = true;
    held = null;
  }

  /**
   * The answer with the stale TTL (RFC 8767 §4), {@code answerTtlSeconds} or the TTL stored where
   * that is shorter (the data's own under {@code serveOriginalTtl}), if the entry expired less than {@code windowNanos} before {@code nowNanos};
   * null while it is live or once the window has passed.
   */
  final CacheLookup staleAnswerAt(long nowNanos, long windowNanos, long answerTtlSeconds) {
    long expiredForNanos = nowNanos - expiresAtNanos;
    return expiredForNanos >= 0 && expiredForNanos < windowNanos
        ? answer(shownTtl(Math.min(answerTtlSeconds, ttlSeconds))) : null;
  }

  /** The data held: a record or an RRset, null once removed. */
  final Object held() {
    return held;
  }

  /** Whether answers carry the TTL the data came with. */
  final boolean originalTtl() {
    return originalTtl;
  }

  /** The records held, signatures included, for the weigher; their TTL does not matter there. */
  final Iterable<Record> records() {
    return recordsOf(held);
  }

  private static List<Record> recordsOf(Object data) {
    return switch (data) {
      case null -> List.of();
      case Record record -> List.of(record);
      case Record[] negative -> List.of(negative);
      case Expanded expanded -> {
        List<Record> all = new ArrayList<>(recordsOf(expanded.data()));
        all.addAll(List.of(expanded.proof()));
        yield all;
      }
      default -> allOf((RRset) data);
    };
  }

  /** The answer with {@code ttl}; null when the entry was removed meanwhile, its data gone. */
  abstract CacheLookup answer(long ttl);

  /** A copy of this entry that expires at {@code nowNanos}; null once removed, its data gone. */
  abstract CacheEntry expiredCopy(long nowNanos);

  @Override
  public final long dataBytes() {
    return EntryWeigher.detachedBytes(records());
  }

  /**
   * The data held, carrying {@code ttl}: a shared record, or an RRset the caller must copy; null
   * once removed (or a NODATA without SOA). A rebuilt copy written back just as the entry is
   * removed is dropped again: {@link #remove()} marks before it clears, so one of the two sees
   * the other.
   */
  final Object agedTo(long ttl) {
    Object data = held;
    if (data != null && ttlOf(data) != ttl) {
      data = withTtl(data, ttl);
      held = data;
      if (removed) {
        held = null;
      }
    }
    return data;
  }

  /** An RRset (with its signatures), and for a wildcard expansion the proof that goes with it. */
  static final class Positive extends CacheEntry {

    /**
     * @param rrset the RRset to store; copied or unpacked, so the caller may go on changing it
     * @param proof the records that prove a wildcard expansion, empty for none
     * @param ttlSeconds the TTL it is stored with, after caps
     * @param status its DNSSEC status
     * @param originalTtl whether answers carry the TTL the RRset came with
     */
    Positive(RRset rrset, List<Record> proof, long ttlSeconds, long expiresAtNanos, TrustRank rank,
        ValidationStatus status, boolean originalTtl) {
      this(proof.isEmpty() ? compact(rrset) : new Expanded(compact(rrset), proof.toArray(Record[]::new)),
          ttlSeconds, expiresAtNanos, rank, status, originalTtl);
    }

    /** An entry for {@code held}, data as another entry holds it. */
    private Positive(Object held, long ttlSeconds, long expiresAtNanos, TrustRank rank, ValidationStatus status,
        boolean originalTtl) {
      super(held, ttlSeconds, expiresAtNanos, rank, status, originalTtl);
    }

    private static Object compact(RRset rrset) {
      if (rrset.size() == 1 && rrset.sigSize() == 0) {
        return rrset.first();
      }
      Name owner = rrset.getName();
      RRset compacted = new RRset();
      for (Record record : allOf(rrset)) {
        // withName is a shallow clone: the RDATA stays shared
        compacted.addRR(record.getName() == owner ? record : record.withName(owner));
      }
      return compacted;
    }

    @Override
    CacheLookup answer(long ttl) {
      Object data = agedTo(ttl);
      if (data == null) {
        return null;
      }
      List<Record> proof = List.of();
      if (data instanceof Expanded expanded) {
        proof = List.of(expanded.proof());
        data = expanded.data();
      }
      RRset copy = data instanceof Record record ? new RRset(record) : new RRset((RRset) data);
      return new CacheLookup.Hit(copy, rank(), storedTtl(), status(), proof);
    }

    @Override
    CacheEntry expiredCopy(long nowNanos) {
      Object data = held();
      return data == null ? null : new Positive(data, storedTtl(), nowNanos, rank(), status(), originalTtl());
    }
  }

  /**
   * An RRset synthesised from a wildcard (a {@link Record} or an {@link RRset}, as {@link
   * Positive} holds one), with the records that prove the expansion; they age together.
   */
  private record Expanded(Object data, Record[] proof) {}

  /** The name does not exist; stored under {@link CacheKey#nxDomainKey()}. */
  static final class NxDomain extends CacheEntry {
    private final Name name;

    NxDomain(Name name, SOARecord soa, List<Record> proof, long ttlSeconds, long expiresAtNanos, TrustRank rank,
        ValidationStatus status, boolean originalTtl) {
      super(negative(soa, proof), ttlSeconds, expiresAtNanos, rank, status, originalTtl);
      this.name = name;
    }

    @Override
    CacheLookup answer(long ttl) {
      Object data = agedTo(ttl);
      return data == null ? null
          : new CacheLookup.NegativeHit(Kind.NXDOMAIN, name, soaOf(data), ttl, rank(), status(), proofOf(data));
    }

    @Override
    CacheEntry expiredCopy(long nowNanos) {
      Object data = held();
      return data == null ? null
          : new NxDomain(name, soaOf(data), proofOf(data), storedTtl(), nowNanos, rank(), status(), originalTtl());
    }
  }

  /** The name exists but has no data of the key's type. */
  static final class NoData extends CacheEntry {
    private final Name name;

    NoData(Name name, SOARecord soa, List<Record> proof, long ttlSeconds, long expiresAtNanos, TrustRank rank,
        ValidationStatus status, boolean originalTtl) {
      super(negative(soa, proof), ttlSeconds, expiresAtNanos, rank, status, originalTtl);
      this.name = name;
    }

    @Override
    CacheLookup answer(long ttl) {
      Object data = agedTo(ttl);
      // a NODATA may have no SOA; the mark tells that from data dropped on removal
      return data == null && !stored() ? null
          : new CacheLookup.NegativeHit(Kind.NODATA, name, soaOf(data), ttl, rank(), status(), proofOf(data));
    }

    @Override
    CacheEntry expiredCopy(long nowNanos) {
      Object data = held();
      return data == null && !stored() ? null
          : new NoData(name, soaOf(data), proofOf(data), storedTtl(), nowNanos, rank(), status(), originalTtl());
    }
  }

  /** What a negative entry holds: the SOA alone, or with a proof an array of the SOA and the proof. */
  private static Object negative(SOARecord soa, List<Record> proof) {
    if (soa == null || proof.isEmpty()) {
      return soa;
    }
    Record[] held = new Record[proof.size() + 1];
    held[0] = soa;
    for (int i = 0; i < proof.size(); i++) {
      held[i + 1] = proof.get(i);
    }
    return held;
  }

  private static SOARecord soaOf(Object negative) {
    return (SOARecord) (negative instanceof Record[] held ? held[0] : negative);
  }

  private static List<Record> proofOf(Object negative) {
    return negative instanceof Record[] held ? List.of(held).subList(1, held.length) : List.of();
  }

  private static long ttlOf(Object data) {
    // dnsjava gives all records and signatures of an RRset the lowest TTL among them; a negative
    // entry's records are all given the SOA's
    return switch (data) {
      case Record record -> record.getTTL();
      case Record[] negative -> negative[0].getTTL();
      case Expanded expanded -> ttlOf(expanded.data());
      default -> ((RRset) data).getTTL();
    };
  }

  /** {@code data} with every record and signature carrying {@code ttl}, the proof records too. */
  private static Object withTtl(Object data, long ttl) {
    if (data instanceof Record[] records) {
      return withTtl(records, ttl);
    }
    if (data instanceof Expanded expanded) {
      return new Expanded(withTtl(expanded.data(), ttl), withTtl(expanded.proof(), ttl));
    }
    if (ttlOf(data) == ttl) {
      return data;
    }
    if (data instanceof Record record) {
      return withTtl(record, ttl);
    }
    RRset rebuilt = new RRset();
    for (Record record : allOf((RRset) data)) {
      rebuilt.addRR(withTtl(record, ttl));
    }
    return rebuilt;
  }

  private static Record[] withTtl(Record[] records, long ttl) {
    Record[] rebuilt = new Record[records.length];
    for (int i = 0; i < records.length; i++) {
      rebuilt[i] = records[i].getTTL() == ttl ? records[i] : withTtl(records[i], ttl);
    }
    return rebuilt;
  }

  private static List<Record> allOf(RRset rrset) {
    List<Record> all = new ArrayList<>(rrset.rrs(false));
    for (RRSIGRecord sig : rrset.sigs()) {
      all.add(sig);
    }
    return all;
  }

  /**
   * The record with another TTL. dnsjava has no public way to change a TTL, so the record is
   * rebuilt from its RDATA: the uncompressed wire form is owner name, then type, class (2 octets
   * each), TTL (4) and RDLENGTH (2), then RDATA (RFC 1035 §4.1.3). The owner name is reused.
   */
  static Record withTtl(Record record, long ttl) {
    byte[] wire = record.toWire(Section.ANSWER);
    int rdataStart = record.getName().length() + 10;
    byte[] rdata = Arrays.copyOfRange(wire, rdataStart, wire.length);
    Record copy = Record.newRecord(record.getName(), record.getType(), record.getDClass(), ttl, rdata);
    if (copy == null) {
      // dnsjava returns null when RDATA it wrote itself does not parse back: a dnsjava bug.
      throw new IllegalStateException("cannot rebuild " + record + " with TTL " + ttl);
    }
    return copy;
  }
}
