package org.dnschase.resolver.cache.internal;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.dnschase.resolver.cache.TimeSource;

/**
 * The checked configuration that {@code RRsetCacheBuilder} hands to {@link CaffeineRRsetCache}.
 * Public only because the builder lives in the API package.
 *
 * @param maximumBytes the byte budget
 * @param maxTtlSeconds the cap on positive TTLs
 * @param maxNegativeTtlSeconds the cap on negative TTLs; 0 turns negative caching off
 * @param minTtlSeconds the floor for positive TTLs, 0 included
 * @param staleWindowSeconds how long expired entries are kept to be served stale (RFC 8767); 0
 *     turns serve-stale off
 * @param staleAnswerTtlSeconds the TTL of a stale answer, at most the data's own
 * @param timeSource the one time source: Caffeine's ticker and the remaining TTLs read it
 * @param executor Caffeine's maintenance executor
 * @param recordStats whether to keep counters
 * @param originalTtl whether answers carry the TTL the data came with instead of the time left
 * @param staleRetentionSeconds how long expired entries are held: the stale window, or longer
 *     when an upstream failure may renew them ({@code renewStaleOnFailure})
 */
public record CacheSettings(
    long maximumBytes,
    long maxTtlSeconds,
    long maxNegativeTtlSeconds,
    long minTtlSeconds,
    long staleWindowSeconds,
    long staleAnswerTtlSeconds,
    TimeSource timeSource,
    Executor executor,
    boolean recordStats,
    boolean originalTtl,
    long staleRetentionSeconds) {

  /** Checks the invariants the builder promises, so a mistake there fails loudly here. */
  public CacheSettings {
    Objects.requireNonNull(timeSource, "timeSource");
    if (maximumBytes <= 0 || maxTtlSeconds <= 0 || maxNegativeTtlSeconds < 0 || minTtlSeconds < 0
        || staleWindowSeconds < 0 || staleAnswerTtlSeconds <= 0 || staleRetentionSeconds < staleWindowSeconds) {
      throw new IllegalArgumentException("invalid settings " + maximumBytes + " bytes, TTLs "
          + minTtlSeconds + ".." + maxTtlSeconds + ", negative " + maxNegativeTtlSeconds
          + ", stale window " + staleWindowSeconds + " (held " + staleRetentionSeconds + "), stale answer TTL "
          + staleAnswerTtlSeconds);
    }
    if (minTtlSeconds > maxTtlSeconds) {
      throw new IllegalArgumentException(
          "minTtl " + minTtlSeconds + " s exceeds maxTtl " + maxTtlSeconds + " s");
    }
  }
}
