package org.dnschase.resolver.internal.dnssec.denial;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.internal.message.RRsets;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * Aggressive use of the DNSSEC-validated cache (RFC 8198): the NSEC and NSEC3 records of negative
 * answers proven secure, each a range of names its zone holds nothing in, answer NXDOMAIN and
 * NODATA for other names in those ranges without a query, and, beside the wildcards validated
 * answers were expanded from, a wildcard's data for a name they prove absent (§5.3). A look-up
 * gathers the remembered records that could prove the name's absence and checks them with the
 * same {@link Denials} a reply's records go through, so the cache proves exactly what a reply
 * would.
 *
 * <p>A record lives as long as the shortest of its TTL, the SOA's TTL and MINIMUM, the cache's
 * negative cap and the time its signatures have left (RFC 8198 §5.4, RFC 9077 §3.3); the store
 * is bounded by a share of the cache's byte budget. Thread-safe.
 */
public final class DenialRanges {

  /**
   * The store may hold 1/16 of the RRset cache's byte budget, as the other stores beside it: an
   * NSEC record weighs some 400 bytes, so the default budget keeps about 5,000 ranges.
   */
  public static final int BUDGET_SHARE = 16;

  /** Of the store's share, the wildcards' sources may hold a quarter, the ranges the rest. */
  private static final int WILDCARD_SHARE = 4;

  /** Caffeine's node, the index entry and a record with its names, estimated as the cache's weigher does. */
  private static final int RANGE_BYTES = 320;

  private record Key(Name zone, Name owner) {}

  /**
   * What the remembered ranges prove about a name, without a query.
   *
   * @param denial the proof, {@link Denial.NxDomain}, {@link Denial.NoData} or {@link
   *     Denial.WildcardAnswer}
   * @param soa for a negative answer, the zone's SOA with the TTL the answer has left; else null
   * @param answer for a wildcard answer, the wildcard's RRset expanded at the name (its own type
   *     or a CNAME), with its RRSIGs; else null
   * @param proof the SOA's RRSIGs and the NSEC or NSEC3 records used with theirs, as a client that
   *     set DO is owed them (RFC 4035 §3.1.3), with their remaining TTLs
   */
  public record Synthesis(Denial.Proven denial, SOARecord soa, RRset answer, List<Record> proof) {}

  private final TimeSource time;
  private final Ticker ticker;
  private final Denials denials;
  private final long maxTtlSeconds;
  private final Cache<Key, Range> ranges;
  private final ConcurrentHashMap<Name, ZoneRanges> zones = new ConcurrentHashMap<>();
  private final WildcardSources wildcards;

  /**
   * @param time the resolver's one time source, the cache's: monotonic for the ranges' lives,
   *     wall-clock for their signatures' expiry
   * @param maximumBytes this store's share of the byte budget
   * @param maxNegativeTtl the cache's cap on negative answers
   * @param denials the proof rules, with the resolver's NSEC3 iteration limit
   */
  public DenialRanges(TimeSource time, long maximumBytes, Duration maxNegativeTtl, Denials denials) {
    this.time = time;
    this.ticker = time::nanoTime;
    this.denials = denials;
    this.maxTtlSeconds = maxNegativeTtl.toSeconds();
    this.wildcards = new WildcardSources(ticker, maximumBytes / WILDCARD_SHARE);
    this.ranges = Caffeine.newBuilder().maximumWeight(maximumBytes - maximumBytes / WILDCARD_SHARE)
        .weigher((Key key, Range range) -> RANGE_BYTES + 2 * key.owner.length() + key.zone.length())
        .executor(Runnable::run).ticker(ticker)
        .expireAfter(Expiry.writing((Key key, Range range) -> Duration.ofSeconds(range.ttlSeconds())))
        .removalListener((Key key, Range range, RemovalCause cause) -> forget(key, range, cause))
        .build();
  }

  /**
   * Remembers the NSEC and NSEC3 records of a negative answer whose proof was {@link
   * Denial.Proven}: only those, so an insecure or bogus answer never answers another name.
   *
   * @param proof the proof's records, of the zone that signed them
   * @param soa the SOA the negative answer came with
   */
  public void remember(DenialRecords proof, SOARecord soa) {
    remember(proof, soa, List.of());
  }

  /**
   * Remembers as {@link #remember(DenialRecords, SOARecord)} does, each record with its RRSIGs
   * and the SOA's found among {@code signed}, to answer a client that set DO with them.
   *
   * @param proof the proof's records, of the zone that signed them
   * @param soa the SOA the negative answer came with; null for the proof of a referral (a
   *     delegation without DS), whose ranges answer only while a range of the zone that came with
   *     an SOA lends it one, as Unbound's negative cache takes the zone's SOA from its RRset cache
   * @param signed the negative answer's DNSSEC records, the RRSIGs among them
   */
  public void remember(DenialRecords proof, SOARecord soa, List<Record> signed) {
    Name zone = proof.zone();
    List<RRSIGRecord> soaSignatures = soa == null ? List.of() : Range.signaturesOf(soa, signed);
    long zoneTtl = soa == null ? maxTtlSeconds : Math.min(Math.min(soa.getTTL(), soa.getMinimum()), maxTtlSeconds);
    List<Record> records = new ArrayList<>(proof.nsec());
    records.addAll(proof.nsec3());
    for (Record record : records) {
      List<RRSIGRecord> signatures = Range.signaturesOf(record, signed);
      long ttl = Math.min(Math.min(record.getTTL(), zoneTtl), WildcardSources.signedFor(signatures, time.instant()));
      if (usable(record) && record.getName().subdomain(zone) && ttl > 0) {
        zones.computeIfAbsent(zone, z -> new ZoneRanges()).add(record);
        ranges.put(new Key(zone, record.getName()), new Range(record, signatures, soa,
            soaSignatures, ttl, ticker.read() + TimeUnit.SECONDS.toNanos(ttl)));
      }
    }
  }

  /**
   * Remembers a SECURE answer expanded from {@code wildcard} (RFC 4035 §5.3.4) with the records
   * that proved no closer name exists: each range then answers for other names it covers, and the
   * wildcard's data is expanded for them (RFC 8198 §5.3).
   *
   * @param proof the records that proved the expansion, of the zone that signed it
   * @param wildcard the source of synthesis
   * @param expansion the answer's RRset, with its RRSIGs
   * @param signed the reply's DNSSEC records, the RRSIGs of the proof among them
   */
  public void rememberWildcard(DenialRecords proof, Name wildcard, RRset expansion, List<Record> signed) {
    remember(proof, null, signed);
    wildcards.remember(proof.zone(), wildcard, expansion, time.instant());
  }

  /** NSEC, and NSEC3 that look-ups may hash: SHA-1 within the iteration limit. */
  private boolean usable(Record record) {
    return record instanceof NSECRecord || record instanceof NSEC3Record nsec3
        && nsec3.getHashAlgorithm() == NSEC3Record.SHA1_DIGEST_ID
        && nsec3.getIterations() <= denials.maxNsec3Iterations();
  }

  /**
   * What the remembered ranges prove about {@code qname}/{@code qtype}: the deepest zone holding
   * ranges at or above the name is asked first.
   *
   * @return the NXDOMAIN or NODATA proven, or null when the ranges prove neither
   */
  public Synthesis lookup(Name qname, int qtype) {
    for (int strip = 0; strip < qname.labels(); strip++) {
      Name zone = new Name(qname, strip);
      ZoneRanges index = zones.get(zone);
      if (index != null) {
        Synthesis synthesis = prove(zone, index, qname, qtype);
        if (synthesis != null) {
          return synthesis;
        }
      }
    }
    return null;
  }

  /** How many ranges are held, after pending evictions. */
  long rangeCount() {
    ranges.cleanUp();
    return ranges.estimatedSize();
  }

  /** Forgets every range and wildcard. */
  public void invalidateAll() {
    ranges.invalidateAll();
    wildcards.invalidateAll();
  }

  private Synthesis prove(Name zone, ZoneRanges index, Name qname, int qtype) {
    List<Range> used = new ArrayList<>();
    gatherNsec(zone, index, qname, used);
    gatherNsec3(zone, index, qname, used);
    if (used.isEmpty()) {
      return null;
    }
    DenialRecords records = DenialRecords.of(zone, used.stream().map(Range::record).toList());
    Denial denial = denials.nxDomain(qname, records);
    if (!(denial instanceof Denial.Proven)) {
      denial = denials.noData(qname, qtype, records);
    }
    if (!(denial instanceof Denial.Proven proven)) {
      return expandWildcard(zone, used, records, qname, qtype);
    }
    Range withSoa = used.stream().filter(range -> range.soa() != null).findFirst().orElseGet(() -> zoneSoa(zone));
    if (withSoa == null) {
      return null;
    }
    long now = ticker.read();
    SOARecord soa = withSoa.soaLeft(used, now);
    List<Record> proof = new ArrayList<>();
    withSoa.soaSignatures().forEach(sig -> proof.add(RRsets.withTtl(sig, soa.getTTL())));
    proof.addAll(Range.proof(used, now));
    return new Synthesis(proven, soa, null, proof);
  }

  /**
   * RFC 8198 §5.3: the data of the deepest wildcard above {@code qname} whose source is kept,
   * expanded at the name when the ranges prove no closer name exists (as they would prove a
   * server's expansion, RFC 4035 §5.3.4); its TTL no longer than the ranges live. Null otherwise.
   */
  private Synthesis expandWildcard(Name zone, List<Range> used, DenialRecords records, Name qname, int qtype) {
    WildcardSources.Expansion expansion = wildcards.deepest(zone, qname, qtype);
    if (expansion == null
        || !(denials.wildcardAnswer(qname, expansion.wildcard(), records) instanceof Denial.Proven proven)) {
      return null; // a closer name may exist, or the proof is not complete: the servers know
    }
    RRset data = expansion.rrset();
    long now = ticker.read();
    long ttl = Math.min(data.getTTL(), TimeUnit.NANOSECONDS.toSeconds(Math.max(0, Range.nanosLeft(used, now))));
    return new Synthesis(proven, null, RRsets.withTtl(data, ttl), Range.proof(used, now));
  }

  /** A live range of {@code zone} that came with the zone's SOA, or null. */
  private Range zoneSoa(Name zone) {
    for (Map.Entry<Key, Range> entry : ranges.asMap().entrySet()) {
      if (entry.getKey().zone.equals(zone) && entry.getValue().soa() != null) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The NSEC at or before the name, and the one at or before the wildcard at the encloser it shows. */
  private void gatherNsec(Name zone, ZoneRanges index, Name qname, List<Range> used) {
    Range atName = live(zone, index.nsecAtOrBefore(qname));
    if (atName == null) {
      return;
    }
    used.add(atName);
    Name wildcard = Nsecs.wildcardAt(Nsecs.closestEncloser((NSECRecord) atName.record(), qname));
    Range atWildcard = wildcard == null ? null : live(zone, index.nsecAtOrBefore(wildcard));
    if (atWildcard != null && atWildcard != atName) {
      used.add(atWildcard);
    }
  }

  /**
   * The NSEC3 at or before the hash of the name and each ancestor up to the first one matched (the
   * closest encloser), and the one at or before the hash of the wildcard there.
   */
  private void gatherNsec3(Name zone, ZoneRanges index, Name qname, List<Range> used) {
    NSEC3Record parameters = index.nsec3Parameters();
    if (parameters == null || !qname.subdomain(zone)) {
      return;
    }
    Name candidate = qname;
    while (true) {
      Name owner = Nsec3Chain.hashOwner(parameters, candidate, zone);
      Range range = live(zone, index.nsec3AtOrBefore(owner));
      if (range != null && !used.contains(range)) {
        used.add(range);
      }
      if ((range != null && range.record().getName().equals(owner)) || candidate.equals(zone)) {
        break;
      }
      candidate = new Name(candidate, 1);
    }
    Name wildcard = Nsecs.wildcardAt(candidate);
    Range atWildcard = wildcard == null ? null
        : live(zone, index.nsec3AtOrBefore(Nsec3Chain.hashOwner(parameters, wildcard, zone)));
    if (atWildcard != null && !used.contains(atWildcard)) {
      used.add(atWildcard);
    }
  }

  private Range live(Name zone, Name owner) {
    return owner == null ? null : ranges.getIfPresent(new Key(zone, owner));
  }

  private void forget(Key key, Range range, RemovalCause cause) {
    if (key == null || range == null || cause == RemovalCause.REPLACED) {
      return;
    }
    zones.computeIfPresent(key.zone, (zone, index) -> {
      index.remove(range.record());
      return index.isEmpty() ? null : index;
    });
  }
}
