package org.dnschase.resolver.cache;

/**
 * A snapshot of a cache's counters.
 *
 * <p>The counters ({@code hits}, {@code misses}, {@code negativeHits}, {@code staleHits}, {@code
 * evictions}, {@code expirations}) are kept only when the cache was built with {@link
 * RRsetCacheBuilder#recordStats()} and are zero otherwise. {@code entries} and {@code
 * estimatedBytes} are always filled in; like Caffeine's sizes they are estimates that may still
 * count entries expired since the last maintenance ({@link RRsetCache#cleanUp()}).
 *
 * <p>{@code prefetches} is the one number a cache cannot know, since it never refreshes itself: a
 * cache's own {@link RRsetCache#stats()} reports 0, and a resolver's statistics fill in the
 * refreshes that resolver started.
 *
 * @param hits lookups answered with an RRset
 * @param misses lookups that found nothing live
 * @param negativeHits lookups answered with a cached NXDOMAIN or NODATA
 * @param staleHits stale lookups answered with expired data (RFC 8767): the stale answers served
 * @param prefetches background refreshes of entries hit in the last 10% of their TTL
 * @param evictions entries dropped to keep within the byte budget
 * @param expirations entries dropped because their TTL (and stale window) ran out
 * @param entries entries held now, positive and negative
 * @param estimatedBytes the estimated heap size of the entries held now
 */
public record CacheStats(
    long hits,
    long misses,
    long negativeHits,
    long staleHits,
    long prefetches,
    long evictions,
    long expirations,
    long entries,
    long estimatedBytes) {

  /**
   * All lookups counted, stale ones aside: {@code hits + negativeHits + misses}.
   *
   * @return the number of look-ups
   */
  public long lookups() {
    return hits + negativeHits + misses;
  }

  /**
   * The share of lookups answered from the cache, positively or negatively; 1.0 when none.
   *
   * @return the hit rate, from 0.0 to 1.0
   */
  public double hitRate() {
    long lookups = lookups();
    return lookups == 0 ? 1.0 : (double) (hits + negativeHits) / lookups;
  }

  /**
   * This snapshot with a resolver's whole-resolution hits added (its resolution cache answers a
   * cached chain without a look-up per hop): each counts as the one look-up that answered the
   * resolution, {@code answers} as hits and {@code negatives} as negative hits.
   *
   * @param answers resolutions answered positively from the resolution cache
   * @param negatives resolutions answered negatively from it
   * @return the combined snapshot
   */
  public CacheStats withResolutionHits(long answers, long negatives) {
    return new CacheStats(hits + answers, misses, negativeHits + negatives, staleHits, prefetches,
        evictions, expirations, entries, estimatedBytes);
  }

  /**
   * This snapshot with {@code prefetches} set: how a resolver adds the refreshes it started.
   *
   * @param count the number of refreshes started
   * @return the snapshot with that count
   */
  public CacheStats withPrefetches(long count) {
    return new CacheStats(hits, misses, negativeHits, staleHits, count, evictions, expirations,
        entries, estimatedBytes);
  }
}
