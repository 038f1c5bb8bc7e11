package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.CacheLab.MISSING;
import static org.dnschase.resolver.CacheLab.WWW;

import org.dnschase.resolver.cache.CacheStats;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.servers.FakeTicker;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** What the cache is doing, seen through {@link Resolver#cacheStats()}. */
class ResolverCacheStatsTest {

  @Lab("CacheLab#start") private static TestHierarchy lab;
  private final FakeTicker ticker = new FakeTicker();

  @Test
  @DisplayName("The default cache counts hits, misses and negative hits for the resolver")
  void defaultCache_countsLookups() {
    try (Resolver resolver = CacheLab.resolverFor(lab, ticker).build()) {
      resolver.resolve(WWW, Type.A);
      resolver.resolve(MISSING, Type.A);
      CacheStats cold = resolver.cacheStats();

      resolver.resolve(WWW, Type.A);
      resolver.resolve(MISSING, Type.A);
      CacheStats warm = resolver.cacheStats();

      assertThat(cold.misses()).isPositive();
      assertThat(warm.hits() - cold.hits()).isOne();
      assertThat(warm.negativeHits() - cold.negativeHits()).isOne();
      assertThat(warm.misses()).isEqualTo(cold.misses());
      assertThat(warm.entries()).isPositive();
      assertThat(warm.staleHits()).isZero();
      assertThat(warm.prefetches()).isZero();
    }
  }

  @Test
  @DisplayName("A cache given to the builder reports its own counters, evictions included")
  void givenCache_reportsItsCounters() {
    RRsetCache small = RRsetCache.builder().timeSource(ticker).maximumBytes(1024)
        .executor(Runnable::run).recordStats().build();
    try (Resolver resolver = CacheLab.resolverFor(lab, ticker).cache(small).build()) {
      resolver.resolve(WWW, Type.A);
      small.cleanUp();

      assertThat(resolver.cacheStats().evictions())
          .as("a 1 KB budget cannot hold the root, the TLD and the leaf")
          .isPositive()
          .isEqualTo(small.stats().evictions());
    }
  }
}
