package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.rrset;

import java.time.Duration;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

@DisplayName("A hit tells its stored TTL, so a resolver can prefetch in the last 10% (Unbound)")
class PrefetchDueTest {

  private final FakeTicker ticker = new FakeTicker();
  private final RRsetCache cache =
      RRsetCache.builder().timeSource(ticker).executor(Runnable::run).maxTtl(Duration.ofHours(1))
          .build();

  private CacheLookup.Hit hitWww() {
    return (CacheLookup.Hit) cache.lookup(name("www.example."), Type.A, DClass.IN);
  }

  @Test
  @DisplayName("The stored TTL stays as the remaining TTL counts down")
  void storedTtl_staysWhileRemainingTtlFalls() {
    cache.put(rrset(a("www.example.", 100, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(40);

    assertThat(hitWww().storedTtl()).isEqualTo(100);
    assertThat(hitWww().rrset().getTTL()).isEqualTo(60);
  }

  @Test
  @DisplayName("The stored TTL is the one after the max TTL cap")
  void storedTtl_isCapped() {
    cache.put(rrset(a("www.example.", 86_400, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    assertThat(hitWww().storedTtl()).isEqualTo(3600);
  }

  @Test
  @DisplayName("Prefetch is due only once at most 10% of the stored TTL remains")
  void prefetchDue_inTheLastTenPercent() {
    cache.put(rrset(a("www.example.", 100, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    assertThat(hitWww().prefetchDue()).isFalse();
    ticker.advance(Duration.ofSeconds(90).minusNanos(1));
    assertThat(hitWww().prefetchDue()).as("just over 10 s of 100 left: not yet").isFalse();
    ticker.advanceNanos(1);
    assertThat(hitWww().prefetchDue()).as("10 s of 100 left").isTrue();
    ticker.advanceSeconds(9);
    assertThat(hitWww().prefetchDue()).as("in the last second").isTrue();
  }

  @Test
  @DisplayName("A rewritten entry starts a new TTL, so prefetch is no longer due")
  void refreshedEntry_isNotDue() {
    cache.put(rrset(a("www.example.", 100, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(95);
    assertThat(hitWww().prefetchDue()).isTrue();

    cache.put(rrset(a("www.example.", 100, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    assertThat(hitWww().prefetchDue()).isFalse();
    assertThat(hitWww().rrset().getTTL()).isEqualTo(100);
  }
}
