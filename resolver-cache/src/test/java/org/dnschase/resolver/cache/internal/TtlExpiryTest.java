package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.hitRRset;
import static org.dnschase.resolver.cache.internal.Records.hitTtl;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.rrset;
import static org.dnschase.resolver.cache.internal.Records.signature;

import java.time.Duration;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.RRsetCacheBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

@DisplayName("TTL expiry (RFC 1035 §3.2.1, RFC 2181 §5.2)")
class TtlExpiryTest {

  private final FakeTicker ticker = new FakeTicker();

  private RRsetCache cache(RRsetCacheBuilder builder) {
    return builder.timeSource(ticker).executor(Runnable::run).recordStats().build();
  }

  private final RRsetCache cache = cache(RRsetCache.builder());

  private CacheLookup lookupWww(RRsetCache in) {
    return in.lookup(name("www.example."), Type.A, DClass.IN);
  }

  /* ---- remaining TTL ---- */

  @Test
  @DisplayName("RFC 1035 §3.2.1: the TTL handed out counts down as time passes")
  void remainingTtl_decreasesAsTimePasses() {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    assertThat(hitTtl(lookupWww(cache))).isEqualTo(300);
    ticker.advanceSeconds(100);
    assertThat(hitTtl(lookupWww(cache))).isEqualTo(200);
    ticker.advanceSeconds(199);
    assertThat(hitTtl(lookupWww(cache))).isEqualTo(1);
  }

  @Test
  @DisplayName("The remaining TTL is whole seconds, rounded up: the stored TTL until a second has passed")
  void remainingTtl_roundsUp() {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    ticker.advanceNanos(1);
    assertThat(hitTtl(lookupWww(cache))).isEqualTo(300);
    ticker.advance(Duration.ofMillis(1500));
    assertThat(hitTtl(lookupWww(cache))).isEqualTo(299);
  }

  @Test
  @DisplayName("RFC 1035 §3.2.1: in its last second an entry is answered with TTL 1, never 0 (not to be cached)")
  void remainingTtl_isOneInTheLastSecond() {
    cache.put(rrset(a("www.example.", 10, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    ticker.advance(Duration.ofMillis(9_500));
    assertThat(hitTtl(lookupWww(cache))).isEqualTo(1);
  }

  @Test
  @DisplayName("RFC 2181 §5.2: every record and signature of the set carries the remaining TTL")
  void remainingTtl_appliesToEveryRecordAndSignature() {
    RRset rrset = rrset(a("www.example.", 300, "192.0.2.1"), a("www.example.", 300, "192.0.2.2"));
    rrset.addRR(signature("www.example.", Type.A, 300));
    cache.put(rrset, AUTHORITATIVE_ANSWER);

    ticker.advanceSeconds(10);
    RRset hit = hitRRset(lookupWww(cache));

    assertThat(hit.rrs(false)).hasSize(2).extracting(Record::getTTL).containsOnly(290L);
    assertThat(hit.sigs()).hasSize(1).extracting(Record::getTTL).containsOnly(290L);
  }

  @Test
  @DisplayName("RFC 2181 §5.2: an RRset is cached for the lowest TTL among its records")
  void rrsetTtl_isTheLowestOfItsRecords() {
    RRset rrset = rrset(a("www.example.", 300, "192.0.2.1"));
    rrset.addRR(a("www.example.", 100, "192.0.2.2"));
    cache.put(rrset, AUTHORITATIVE_ANSWER);

    assertThat(hitTtl(lookupWww(cache))).isEqualTo(100);
    ticker.advanceSeconds(100);
    assertThat(lookupWww(cache)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  /* ---- expiry ---- */

  @Test
  @DisplayName("RFC 1035 §3.2.1: an entry is answered until exactly its TTL has passed")
  void entry_expiresAtExactlyItsTtl() {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    ticker.advance(Duration.ofSeconds(300).minusNanos(1));
    assertThat(lookupWww(cache)).isInstanceOf(CacheLookup.Hit.class);
    ticker.advanceNanos(1);
    assertThat(lookupWww(cache)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("Caffeine expires entries on the injected ticker, the same one the TTLs use")
  void caffeine_usesTheInjectedTicker() {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(299);
    cache.cleanUp();
    assertThat(cache.stats().entries()).isOne();

    ticker.advanceSeconds(1);
    cache.cleanUp();
    assertThat(cache.stats().entries()).isZero();
    assertThat(cache.stats().expirations()).isOne();
  }

  /* ---- caps ---- */

  @Test
  @DisplayName("Max TTL caps a long TTL (Unbound cache-max-ttl)")
  void maxTtl_capsLongTtls() {
    RRsetCache capped = cache(RRsetCache.builder().maxTtl(Duration.ofHours(1)));
    capped.put(rrset(a("www.example.", 7 * 86_400, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    assertThat(hitTtl(lookupWww(capped))).isEqualTo(3600);
    ticker.advanceSeconds(3600);
    assertThat(lookupWww(capped)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("The default max TTL is one day")
  void defaultMaxTtl_isOneDay() {
    cache.put(rrset(a("www.example.", 7 * 86_400, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    assertThat(hitTtl(lookupWww(cache))).isEqualTo(86_400);
  }

  @Test
  @DisplayName("Min TTL raises a short TTL (Unbound cache-min-ttl)")
  void minTtl_raisesShortTtls() {
    RRsetCache floored = cache(RRsetCache.builder().minTtl(Duration.ofSeconds(60)));
    floored.put(rrset(a("www.example.", 5, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    assertThat(hitTtl(lookupWww(floored))).isEqualTo(60);
  }

  /* ---- TTL 0 ---- */

  @Test
  @DisplayName("RFC 1035 §3.2.1: an RR with TTL 0 is not cached")
  void ttlZero_isNotCached() {
    boolean stored = cache.put(rrset(a("www.example.", 0, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    assertThat(stored).isFalse();
    assertThat(lookupWww(cache)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(cache.stats().entries()).isZero();
  }

  @Test
  @DisplayName("A min TTL that was set raises TTL 0 too (Unbound's cache-min-ttl, Knot Resolver's min_ttl); without one, 0 is not cached (RFC 1035 §3.2.1)")
  void minTtl_raisesZero_noFloorKeepsItUncached() {
    RRsetCache floored = cache(RRsetCache.builder().minTtl(Duration.ofSeconds(60)));
    RRsetCache unfloored = cache(RRsetCache.builder());

    assertThat(floored.put(rrset(a("www.example.", 0, "192.0.2.1")), AUTHORITATIVE_ANSWER)).isTrue();
    assertThat(lookupWww(floored)).isInstanceOf(CacheLookup.Hit.class);
    assertThat(unfloored.put(rrset(a("www.example.", 0, "192.0.2.1")), AUTHORITATIVE_ANSWER)).isFalse();
    assertThat(lookupWww(unfloored)).isSameAs(CacheLookup.Miss.INSTANCE);
  }
}
