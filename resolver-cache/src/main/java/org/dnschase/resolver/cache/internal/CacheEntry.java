package org.dnschase.resolver.cache.internal;

import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.CacheLookup.NegativeHit.Kind;
import org.dnschase.resolver.cache.TrustRank;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;

/**
 * A cached value: an RRset, or a negative answer (RFC 2308) with its SOA.
 *
 * <p>The expiry is absolute ({@code expiresAtNanos} on the cache's ticker) and decided once, at
 * write time. Caffeine's expiry ({@link TtlExpiry}) and the remaining TTL handed out are both
 * derived from it, so the two can never disagree.
 */
sealed interface CacheEntry {

  long NANOS_PER_SECOND = 1_000_000_000L;

  /** When the entry dies, on the cache's ticker. */
  long expiresAtNanos();

  /** The rank it was stored at. */
  TrustRank rank();

  /** The estimated heap size of what the entry holds, for the byte budget. */
  long estimatedBytes();

  /** The answer as of {@code nowNanos}, with remaining TTLs, or null if the entry has expired. */
  CacheLookup answerAt(long nowNanos);

  /** The remaining TTL in whole seconds, rounded down; negative once expired. */
  default long remainingSeconds(long nowNanos) {
    long remainingNanos = expiresAtNanos() - nowNanos;
    return remainingNanos <= 0 ? -1 : remainingNanos / NANOS_PER_SECOND;
  }

  /** An RRset with its signatures. */
  record Positive(AgedRRset rrset, long expiresAtNanos, TrustRank rank) implements CacheEntry {
    @Override
    public CacheLookup answerAt(long nowNanos) {
      long ttl = remainingSeconds(nowNanos);
      return ttl < 0 ? null : new CacheLookup.Hit(rrset.copyWithTtl(ttl), rank);
    }

    @Override
    public long estimatedBytes() {
      return rrset.estimatedBytes();
    }
  }

  /** The name does not exist; stored under {@link CacheKey#nxDomainKey()}. */
  record NxDomain(Name name, AgedRRset soa, long expiresAtNanos, TrustRank rank)
      implements CacheEntry {
    @Override
    public CacheLookup answerAt(long nowNanos) {
      return negativeAt(this, Kind.NXDOMAIN, name, soa, nowNanos);
    }

    @Override
    public long estimatedBytes() {
      return soa.estimatedBytes();
    }
  }

  /** The name exists but has no data of the key's type. */
  record NoData(Name name, AgedRRset soa, long expiresAtNanos, TrustRank rank)
      implements CacheEntry {
    @Override
    public CacheLookup answerAt(long nowNanos) {
      return negativeAt(this, Kind.NODATA, name, soa, nowNanos);
    }

    @Override
    public long estimatedBytes() {
      return soa.estimatedBytes();
    }
  }

  private static CacheLookup negativeAt(
      CacheEntry entry, Kind kind, Name name, AgedRRset soa, long nowNanos) {
    long ttl = entry.remainingSeconds(nowNanos);
    if (ttl < 0) {
      return null;
    }
    SOARecord aged = (SOARecord) soa.firstWithTtl(ttl);
    return new CacheLookup.NegativeHit(kind, name, aged, entry.rank());
  }
}
