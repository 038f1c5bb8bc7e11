package org.dnschase.resolver.cache;

import java.time.Duration;
import java.util.Objects;
import org.xbill.DNS.SOARecord;

/**
 * The TTL limits a cache applies to what it stores (see {@link RRsetCache#ttlCaps()}), so that a
 * resolver can apply the same to what it hands out: a result never promises a TTL longer than
 * the cache would keep its data. TTLs are whole seconds; a TTL with its top bit set counts as 0
 * (RFC 2181 §8). A 0 ("do not cache", RFC 1035 §3.2.1) stays 0 unless a floor was set: a floor
 * overrides the owner's TTLs by choice, 0 included, as Unbound's cache-min-ttl and Knot
 * Resolver's min_ttl do.
 *
 * @param minTtl the floor for a positive TTL, 0 included
 * @param maxTtl the cap on a positive TTL
 * @param maxNegativeTtl the cap on a negative TTL (RFC 2308 §5); 0 when negative caching is off
 */
public record TtlCaps(Duration minTtl, Duration maxTtl, Duration maxNegativeTtl) {

  /** The caps of a cache built with the defaults of {@link RRsetCacheBuilder}. */
  public static final TtlCaps DEFAULTS = new TtlCaps(RRsetCacheBuilder.DEFAULT_MIN_TTL,
      RRsetCacheBuilder.DEFAULT_MAX_TTL, RRsetCacheBuilder.DEFAULT_MAX_NEGATIVE_TTL);

  /**
   * Checks that the limits are ordered and not negative.
   *
   * @param minTtl the floor for a positive TTL, 0 included
   * @param maxTtl the cap on a positive TTL, at least 1 second and at least {@code minTtl}
   * @param maxNegativeTtl the cap on a negative TTL
   * @throws IllegalArgumentException if a limit is negative, {@code maxTtl} is zero or below
   *     {@code minTtl}
   * @throws NullPointerException if a limit is null
   */
  public TtlCaps {
    Objects.requireNonNull(minTtl, "minTtl");
    Objects.requireNonNull(maxTtl, "maxTtl");
    Objects.requireNonNull(maxNegativeTtl, "maxNegativeTtl");
    if (minTtl.isNegative() || maxNegativeTtl.isNegative() || maxTtl.compareTo(minTtl) < 0 || maxTtl.isZero()) {
      throw new IllegalArgumentException("TTL caps must satisfy 0 <= minTtl <= maxTtl, 0 < maxTtl, "
          + "0 <= maxNegativeTtl; were " + minTtl + ", " + maxTtl + ", " + maxNegativeTtl);
    }
  }

  /**
   * A positive TTL as the cache keeps it: raised to the floor and capped (0 stays 0 without a floor).
   *
   * @param ttlSeconds a TTL as received
   * @return the TTL in seconds the cache would keep
   */
  public long positive(long ttlSeconds) {
    return Math.min(Math.max(valid(ttlSeconds), minTtl.toSeconds()), maxTtl.toSeconds());
  }

  /**
   * The negative TTL an SOA gives (RFC 2308 §5: min(SOA TTL, SOA MINIMUM)), capped.
   *
   * @param soa the SOA that came with the negative answer
   * @return the negative TTL in seconds the cache would keep
   */
  public long negative(SOARecord soa) {
    return Math.min(Math.min(valid(soa.getTTL()), valid(soa.getMinimum())), maxNegativeTtl.toSeconds());
  }

  /**
   * A negative answer without SOA has no TTL: the floor, capped; 0 (do not cache) by default.
   *
   * @return the TTL in seconds the cache keeps a NODATA without SOA for
   */
  public long negativeWithoutSoa() {
    return Math.min(minTtl.toSeconds(), maxNegativeTtl.toSeconds());
  }

  private static long valid(long ttl) {
    return ttl > RRsetCacheBuilder.MAX_TTL_SECONDS || ttl < 0 ? 0 : ttl;
  }
}
