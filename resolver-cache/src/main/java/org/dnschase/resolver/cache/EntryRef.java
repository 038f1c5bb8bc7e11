package org.dnschase.resolver.cache;

/**
 * A reference to one stored entry of an {@link RRsetCache}, for a cache layered on top of it (the
 * resolver's resolution cache, DESIGN.md "Cache"). Checking it later costs a few field reads and
 * no hashing: the entry is marked when it is replaced, invalidated or evicted, and its deadline
 * says when it expires.
 *
 * <p>Times are nanoseconds on the cache's own ticker, as {@link RRsetCache#nowNanos()} reads it.
 */
public interface EntryRef {

  /**
   * The remaining TTL in whole seconds at {@code nowNanos}, as {@link RRsetCache#lookup} would
   * hand it out; -1 once the entry has expired or is no longer the one stored (replaced by newer
   * data, invalidated or evicted). Once -1, always -1.
   *
   * @param nowNanos now, from {@link RRsetCache#nowNanos()}
   * @return the remaining TTL in seconds, or -1
   */
  long remainingSeconds(long nowNanos);

  /**
   * The instant the entry expires, on the cache's ticker: with {@link #stored()} it lets a holder
   * work out how long what it built from the entry stays right without asking again.
   *
   * @return the expiry instant in nanoseconds of the cache's ticker
   */
  long expiresAtNanos();

  /**
   * Whether the entry is still the one stored under its key: false once it was replaced by newer
   * data, invalidated or evicted, and from then on. An expired entry may still say true.
   *
   * @return whether the entry is still stored
   */
  boolean stored();

  /**
   * The TTL in seconds the entry was stored with, after the cache's caps.
   *
   * @return the stored TTL in seconds
   */
  long storedTtl();

  /**
   * What {@link RRsetCache#lookup} would answer from this entry at {@code nowNanos} (a fresh
   * copy, with the remaining TTL); null when {@link #remainingSeconds} is -1. Not counted in the
   * statistics.
   *
   * @param nowNanos now, from {@link RRsetCache#nowNanos()}
   * @return the hit or negative hit, or null
   */
  CacheLookup answerAt(long nowNanos);
}
