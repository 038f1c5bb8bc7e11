package org.dnschase.resolver.cache.internal;

import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.concurrent.atomic.LongAdder;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.CacheStats;

/**
 * The counters behind {@link CacheStats}. Kept here rather than in Caffeine's stats because one
 * lookup may read two keys (the type's, then the name's NXDOMAIN) and Caffeine would count that
 * as a miss and a hit; and Caffeine does not tell negative answers apart.
 */
final class StatsCounters {

  private final boolean enabled;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder negativeHits = new LongAdder();
  private final LongAdder staleHits = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder expirations = new LongAdder();

  StatsCounters(boolean enabled) {
    this.enabled = enabled;
  }

  void recordLookup(CacheLookup lookup) {
    if (!enabled) {
      return;
    }
    switch (lookup) {
      case CacheLookup.Hit hit -> hits.increment();
      case CacheLookup.NegativeHit negative -> negativeHits.increment();
      case CacheLookup.Miss miss -> misses.increment();
    }
  }

  void recordStaleHit() {
    if (enabled) {
      staleHits.increment();
    }
  }

  /** Called by Caffeine for each entry it drops on its own (not for invalidations). */
  void recordEviction(RemovalCause cause) {
    if (!enabled) {
      return;
    }
    if (cause == RemovalCause.EXPIRED) {
      expirations.increment();
    } else {
      evictions.increment();
    }
  }

  CacheStats snapshot(long entries, long estimatedBytes) {
    return new CacheStats(
        hits.sum(),
        misses.sum(),
        negativeHits.sum(),
        staleHits.sum(),
        0, // prefetches: a cache never refreshes itself; resolvers report theirs
        evictions.sum(),
        expirations.sum(),
        entries,
        estimatedBytes);
  }
}
