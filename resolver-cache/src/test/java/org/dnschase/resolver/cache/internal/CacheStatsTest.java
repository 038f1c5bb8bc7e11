package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.rrset;
import static org.dnschase.resolver.cache.internal.Records.soa;

import org.dnschase.resolver.cache.CacheStats;
import org.dnschase.resolver.cache.RRsetCache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

@DisplayName("Statistics: hits, misses, negative hits (RFC 2308 answers counted apart)")
class CacheStatsTest {

  private final FakeTicker ticker = new FakeTicker();

  private RRsetCache cache(boolean recordStats) {
    var builder = RRsetCache.builder().timeSource(ticker).executor(Runnable::run);
    return recordStats ? builder.recordStats().build() : builder.build();
  }

  /** Two hits, one NXDOMAIN hit, one NODATA hit and three misses. */
  private static void exercise(RRsetCache cache) {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    cache.putNxDomain(name("gone.example."), DClass.IN, soa("example.", 300, 300),
        AUTHORITATIVE_ANSWER);
    cache.putNoData(name("www.example."), Type.MX, DClass.IN, soa("example.", 300, 300),
        AUTHORITATIVE_ANSWER);

    cache.lookup(name("www.example."), Type.A, DClass.IN);
    cache.lookup(name("WWW.example."), Type.A, DClass.IN);
    cache.lookup(name("gone.example."), Type.AAAA, DClass.IN);
    cache.lookup(name("www.example."), Type.MX, DClass.IN);
    cache.lookup(name("www.example."), Type.AAAA, DClass.IN);
    cache.lookup(name("new.example."), Type.A, DClass.IN);
    cache.lookup(name("www.example."), Type.A, DClass.CH);
  }

  @Test
  @DisplayName("Hits, negative hits and misses are counted once per lookup")
  void lookups_areCounted() {
    RRsetCache cache = cache(true);
    exercise(cache);

    CacheStats stats = cache.stats();
    assertThat(stats.hits()).isEqualTo(2);
    assertThat(stats.negativeHits()).isEqualTo(2);
    assertThat(stats.misses()).isEqualTo(3);
    assertThat(stats.lookups()).isEqualTo(7);
    assertThat(stats.hitRate()).isEqualTo(4.0 / 7);
  }

  @Test
  @DisplayName("Entries counts positive and negative entries; an NXDOMAIN is one entry")
  void entries_countsEveryKind() {
    RRsetCache cache = cache(true);
    exercise(cache);
    cache.cleanUp();

    assertThat(cache.stats().entries()).isEqualTo(3);
    assertThat(cache.stats().estimatedBytes()).isPositive();
  }

  @Test
  @DisplayName("Expired entries count as expirations, not evictions")
  void expiry_countsAsExpiration() {
    RRsetCache cache = cache(true);
    exercise(cache);
    ticker.advanceSeconds(300);
    cache.cleanUp();

    CacheStats stats = cache.stats();
    assertThat(stats.expirations()).isEqualTo(3);
    assertThat(stats.evictions()).isZero();
    assertThat(stats.entries()).isZero();
  }

  @Test
  @DisplayName("Without recordStats the counters stay 0 but the sizes are reported")
  void withoutRecordStats_countersStayZero() {
    RRsetCache cache = cache(false);
    exercise(cache);
    cache.cleanUp();

    CacheStats stats = cache.stats();
    assertThat(stats.lookups()).isZero();
    assertThat(stats.entries()).isEqualTo(3);
    assertThat(stats.estimatedBytes()).isPositive();
  }

  @Test
  @DisplayName("Invalidation is not counted as eviction")
  void invalidation_isNotEviction() {
    RRsetCache cache = cache(true);
    exercise(cache);
    cache.invalidateAll();
    cache.cleanUp();

    assertThat(cache.stats().evictions()).isZero();
    assertThat(cache.stats().expirations()).isZero();
    assertThat(cache.stats().entries()).isZero();
  }
}
