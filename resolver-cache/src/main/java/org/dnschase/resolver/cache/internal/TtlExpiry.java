package org.dnschase.resolver.cache.internal;

import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Caffeine's variable expiry for the cache: the TTL is decided once, when an entry is written, and
 * reading it does not extend it.
 *
 * <p>Each entry carries its absolute deadline, so the duration returned here is "deadline minus
 * Caffeine's now". Caffeine's clock may have moved a little since the entry was built; measuring
 * from the deadline keeps Caffeine's expiry and the remaining TTL handed out on the same instant.
 * An entry left unchanged by a refused write (see {@link CaffeineRRsetCache}) keeps its deadline.
 *
 * <p>With serve-stale (RFC 8767) Caffeine keeps an entry for the stale window past its deadline;
 * in that time normal lookups treat it as absent and only a stale lookup answers from it.
 */
final class TtlExpiry implements Expiry<CacheKey, CacheEntry> {

  private final long staleWindowNanos;

  /** @param staleWindowNanos how long entries are kept past their TTL; 0 without serve-stale */
  TtlExpiry(long staleWindowNanos) {
    this.staleWindowNanos = staleWindowNanos;
  }

  @Override
  public long expireAfterCreate(CacheKey key, CacheEntry entry, long currentTime) {
    return untilDeadline(entry, currentTime);
  }

  @Override
  public long expireAfterUpdate(
      CacheKey key, CacheEntry entry, long currentTime, long currentDuration) {
    return untilDeadline(entry, currentTime);
  }

  @Override
  public long expireAfterRead(
      CacheKey key, CacheEntry entry, long currentTime, long currentDuration) {
    return currentDuration;
  }

  private long untilDeadline(CacheEntry entry, long currentTime) {
    return Math.max(0, entry.expiresAtNanos() + staleWindowNanos - currentTime);
  }
}
