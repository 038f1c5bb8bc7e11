package org.dnschase.resolver.cache;

/**
 * A reference to one stored entry of an {@link RRsetCache}, for a cache layered on top of it (the
 * resolver's resolution cache, DESIGN.md "Cache"). Checking it later costs a few field reads and
 * no hashing: the entry is marked when it is replaced, invalidated or evicted, and its deadline
 * says when it expires.
 *
 * <p>Once the entry is no longer stored, it no longer holds its data: a reference kept after that
 * keeps a shell of a few dozen bytes alive, never the records.
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
   * The estimated heap bytes of the entry's data (its records and signatures, or its SOA) as the
   * byte budget counts them; 0 once the entry is no longer stored, since the cache then drops its
   * data. A layer that keeps what {@link #answerAt} handed out keeps about this much alive, cached
   * or not, and should count it against its own bound.
   *
   * @return the estimated bytes of the data held, or 0
   */
  long dataBytes();

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
