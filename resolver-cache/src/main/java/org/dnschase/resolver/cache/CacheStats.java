package org.dnschase.resolver.cache;

/**
 * A snapshot of a cache's counters.
 *
 * <p>The counters ({@code hits}, {@code misses}, {@code negativeHits}, {@code evictions}, {@code
 * expirations}) are kept only when the cache was built with {@link RRsetCacheBuilder#recordStats()}
 * and are zero otherwise. {@code entries} and {@code estimatedBytes} are always filled in; like
 * Caffeine's sizes they are estimates that may still count entries expired since the last
 * maintenance ({@link RRsetCache#cleanUp()}).
 *
 * @param hits lookups answered with an RRset
 * @param misses lookups that found nothing live
 * @param negativeHits lookups answered with a cached NXDOMAIN or NODATA
 * @param evictions entries dropped to keep within the byte budget
 * @param expirations entries dropped because their TTL ran out
 * @param entries entries held now, positive and negative
 * @param estimatedBytes the estimated heap size of the entries held now
 */
public record CacheStats(
    long hits,
    long misses,
    long negativeHits,
    long evictions,
    long expirations,
    long entries,
    long estimatedBytes) {

  /** All lookups counted: {@code hits + negativeHits + misses}. */
  public long lookups() {
    return hits + negativeHits + misses;
  }

  /** The share of lookups answered from the cache, positively or negatively; 1.0 when none. */
  public double hitRate() {
    long lookups = lookups();
    return lookups == 0 ? 1.0 : (double) (hits + negativeHits) / lookups;
  }
}
