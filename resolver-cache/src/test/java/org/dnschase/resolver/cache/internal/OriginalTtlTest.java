package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.hitTtl;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.rrset;

import java.time.Duration;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.RRsetCacheBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

@DisplayName("serveOriginalTtl: answers carry the TTL the data came with; how long it is kept does not change")
class OriginalTtlTest {

  private final FakeTicker ticker = new FakeTicker();

  private RRsetCache cache(RRsetCacheBuilder builder) {
    return builder.timeSource(ticker).executor(Runnable::run).build();
  }

  private static CacheLookup lookupWww(RRsetCache in) {
    return in.lookup(name("www.example."), Type.A, DClass.IN);
  }

  @Test
  @DisplayName("a live hit shows the server's TTL, not the time left, and the data still expires on time")
  void liveHit_showsTheOriginalTtl() {
    RRsetCache cache = cache(RRsetCache.builder().serveOriginalTtl());
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(200);

    assertThat(hitTtl(lookupWww(cache))).isEqualTo(300);
    assertThat(cache.entryRef(name("www.example."), Type.A, DClass.IN).answerAt(cache.nowNanos()))
        .satisfies(hit -> assertThat(hitTtl(hit)).isEqualTo(300));

    ticker.advanceSeconds(100);
    assertThat(lookupWww(cache)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("the TTL floor keeps the data longer, but the answer shows the TTL it came with")
  void raisedByTheFloor_showsTheOriginalTtl() {
    RRsetCache cache = cache(RRsetCache.builder().serveOriginalTtl().minTtl(Duration.ofSeconds(20)));
    cache.put(rrset(a("www.example.", 10, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(15);

    assertThat(hitTtl(lookupWww(cache))).isEqualTo(10);
  }

  @Test
  @DisplayName("the caps it reports for TTLs handed out have no positive floor or cap, the negative cap stays")
  void reportedCaps_leaveOutThePositiveOnes() {
    RRsetCache cache = cache(RRsetCache.builder().serveOriginalTtl().minTtl(Duration.ofSeconds(20))
        .maxTtl(Duration.ofSeconds(1000)).maxNegativeTtl(Duration.ofSeconds(60)));

    assertThat(cache.ttlCaps().positive(10)).isEqualTo(10);
    assertThat(cache.ttlCaps().positive(5000)).isEqualTo(5000);
    assertThat(cache.ttlCaps().maxNegativeTtl()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  @DisplayName("a stale answer shows the original TTL too, not the stale answer TTL")
  void staleAnswer_showsTheOriginalTtl() {
    RRsetCache cache = cache(RRsetCache.builder().serveOriginalTtl().serveStale(Duration.ofHours(1)));
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(400);

    assertThat(hitTtl(cache.lookupStale(name("www.example."), Type.A, DClass.IN))).isEqualTo(300);
  }

  @Test
  @DisplayName("without it, a hit shows the time left (RFC 1035 §3.2.1)")
  void byDefault_theTtlCountsDown() {
    RRsetCache cache = cache(RRsetCache.builder());
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(200);

    assertThat(hitTtl(lookupWww(cache))).isEqualTo(100);
  }
}
