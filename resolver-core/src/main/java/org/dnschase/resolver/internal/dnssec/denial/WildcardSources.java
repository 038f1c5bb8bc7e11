package org.dnschase.resolver.internal.dnssec.denial;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.internal.message.RRsets;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The wildcards validated answers were expanded from (RFC 4035 §5.3.4), each an RRset as the zone
 * holds it at its source of synthesis, with the signatures that vouch for every expansion of it:
 * what RFC 8198 §5.3 lets a resolver expand itself, for another name a validated NSEC or NSEC3
 * range proves absent, without a query. Whether a name may be answered from one is {@link
 * DenialRanges}'s to prove. An entry lives as long as its TTL and its signatures allow (RFC 4035
 * §5.3.3); the store is bounded by its share of the byte budget. Thread-safe.
 */
final class WildcardSources {

  /** Caffeine's node, the key and an RRset of one record with its RRSIG, estimated as the cache's weigher does. */
  private static final int SOURCE_BYTES = 480;

  private record Key(Name zone, Name wildcard, int type) {}

  /** An expansion as received, whose owner the wildcard's data is given again at the name asked. */
  private record Source(RRset expansion, long ttlSeconds, long expiresAtNanos) {}

  private final Ticker ticker;
  private final Cache<Key, Source> sources;

  WildcardSources(Ticker ticker, long maximumBytes) {
    this.ticker = ticker;
    this.sources = Caffeine.newBuilder().maximumWeight(maximumBytes)
        .weigher((Key key, Source source) -> SOURCE_BYTES * source.expansion.size() + 2 * key.wildcard.length())
        .executor(Runnable::run).ticker(ticker)
        .expireAfter(Expiry.writing((Key key, Source source) -> Duration.ofSeconds(source.ttlSeconds)))
        .build();
  }

  /**
   * Keeps a SECURE expansion of {@code wildcard}, found so by its signatures and its proof.
   *
   * @param zone the zone that signed it
   * @param wildcard its source of synthesis
   * @param expansion the RRset at the name asked, with its RRSIGs
   * @param now the wall-clock time, against which its signatures expire
   */
  void remember(Name zone, Name wildcard, RRset expansion, Instant now) {
    long ttl = Math.min(expansion.getTTL(), signedFor(expansion.sigs(), now));
    if (ttl > 0) {
      sources.put(new Key(zone, wildcard, expansion.getType()),
          new Source(expansion, ttl, ticker.read() + TimeUnit.SECONDS.toNanos(ttl)));
    }
  }

  /**
   * A wildcard's data expanded at a name.
   *
   * @param wildcard the source of synthesis
   * @param rrset its RRset, owned by the name asked
   */
  record Expansion(Name wildcard, RRset rrset) {}

  /**
   * The data of the deepest wildcard above {@code qname} in {@code zone} whose source is kept, of
   * {@code qtype} or else a CNAME, expanded at the name; not for ANY, which one kept RRset cannot
   * answer, nor for the wildcard's own name. Null when none is kept.
   */
  Expansion deepest(Name zone, Name qname, int qtype) {
    if (qtype == Type.ANY) {
      return null;
    }
    for (int strip = 1; strip <= qname.labels() - zone.labels(); strip++) {
      Name wildcard = Nsecs.wildcardAt(new Name(qname, strip));
      if (wildcard == null || wildcard.equals(qname)) {
        continue;
      }
      RRset data = expand(zone, wildcard, qtype, qname);
      if (data == null && qtype != Type.CNAME) {
        data = expand(zone, wildcard, Type.CNAME, qname);
      }
      if (data != null) {
        return new Expansion(wildcard, data);
      }
    }
    return null;
  }

  /**
   * The wildcard's RRset of {@code type} expanded at {@code qname}, its records and RRSIGs owned
   * by it as a server's expansion would be, with the TTL it has left; null if none is kept.
   */
  private RRset expand(Name zone, Name wildcard, int type, Name qname) {
    Source source = sources.getIfPresent(new Key(zone, wildcard, type));
    if (source == null) {
      return null;
    }
    long left = Math.max(0, TimeUnit.NANOSECONDS.toSeconds(source.expiresAtNanos - ticker.read()));
    long ttl = Math.min(left, source.expansion.getTTL());
    RRset expanded = new RRset();
    for (Record record : source.expansion.rrs(false)) {
      expanded.addRR(RRsets.withTtl(record.withName(qname), ttl));
    }
    for (RRSIGRecord sig : source.expansion.sigs()) {
      expanded.addRR(RRsets.withTtl((RRSIGRecord) sig.withName(qname), ttl));
    }
    return expanded;
  }

  void invalidateAll() {
    sources.invalidateAll();
  }

  /**
   * How long {@code signatures} still vouch for the records they cover, in seconds: no longer than
   * the original TTL they signed (RFC 4035 §5.3.3) nor past their expiry at {@code now} (RFC 8198
   * §5.4); unbounded when there are none.
   */
  static long signedFor(Iterable<RRSIGRecord> signatures, Instant now) {
    long seconds = Long.MAX_VALUE;
    for (RRSIGRecord sig : signatures) {
      seconds = Math.min(seconds, Math.min(sig.getOrigTTL(), Math.max(0, Duration.between(now, sig.getExpire())
          .getSeconds())));
    }
    return seconds;
  }
}
