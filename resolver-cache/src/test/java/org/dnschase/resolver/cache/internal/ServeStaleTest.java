package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.TrustRank.GLUE;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.hitRRset;
import static org.dnschase.resolver.cache.internal.Records.hitTtl;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.negative;
import static org.dnschase.resolver.cache.internal.Records.rrset;
import static org.dnschase.resolver.cache.internal.Records.soa;

import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.CacheLookup.NegativeHit.Kind;
import org.dnschase.resolver.cache.CacheStats;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.RRsetCacheBuilder;
import org.dnschase.resolver.cache.ValidationStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

@DisplayName("Serve-stale: expired data kept for a window, answered only on request (RFC 8767)")
class ServeStaleTest {

  private static final Duration WINDOW = Duration.ofHours(1);

  private final FakeTicker ticker = new FakeTicker();

  private RRsetCache cache(RRsetCacheBuilder builder) {
    return builder.timeSource(ticker).executor(Runnable::run).recordStats().build();
  }

  private final RRsetCache cache = cache(RRsetCache.builder().serveStale(WINDOW));

  private static CacheLookup lookupWww(RRsetCache in) {
    return in.lookup(name("www.example."), Type.A, DClass.IN);
  }

  private static CacheLookup staleWww(RRsetCache in) {
    return in.lookupStale(name("www.example."), Type.A, DClass.IN);
  }

  private static void putWww(RRsetCache in) {
    in.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
  }

  /* ---- what lookup and lookupStale answer ---- */

  @Test
  @DisplayName("RFC 8767 §4: once expired, lookup misses and lookupStale answers with TTL 30")
  void expiredEntry_isAnsweredOnlyByLookupStale() {
    putWww(cache);
    ticker.advanceSeconds(300);

    assertThat(lookupWww(cache)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(hitTtl(staleWww(cache))).isEqualTo(30);
    assertThat(hitRRset(staleWww(cache)).first().rdataToString()).isEqualTo("192.0.2.1");
  }

  @Test
  @DisplayName("RFC 8767 §4: fresh data is never answered as stale")
  void liveEntry_isNotStale() {
    putWww(cache);
    ticker.advanceSeconds(299);

    assertThat(staleWww(cache)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(hitTtl(lookupWww(cache))).isEqualTo(1);
  }

  @Test
  @DisplayName("RFC 8767 §5: stale data is answered until exactly the window has passed")
  void staleEntry_lastsExactlyTheWindow() {
    putWww(cache);
    ticker.advanceSeconds(300).advance(WINDOW).advanceNanos(-1);
    assertThat(hitTtl(staleWww(cache))).isEqualTo(30);

    ticker.advanceNanos(1);
    assertThat(staleWww(cache)).isSameAs(CacheLookup.Miss.INSTANCE);
    cache.cleanUp();
    assertThat(cache.stats().entries()).as("Caffeine dropped it too").isZero();
  }

  @Test
  @DisplayName("RFC 8767 §5: during the window Caffeine keeps the expired entry")
  void staleEntry_isKeptByCaffeine() {
    putWww(cache);
    ticker.advanceSeconds(300 + 60);
    cache.cleanUp();

    assertThat(cache.stats().entries()).isOne();
    assertThat(cache.stats().expirations()).isZero();
  }

  @Test
  @DisplayName("Without serveStale, expired data is gone at once and lookupStale misses")
  void withoutServeStale_nothingIsKept() {
    RRsetCache plain = cache(RRsetCache.builder());
    putWww(plain);
    ticker.advanceSeconds(300);
    plain.cleanUp();

    assertThat(staleWww(plain)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(plain.stats().entries()).isZero();
  }

  @Test
  @DisplayName("RFC 8767 §4: an expired NXDOMAIN is answered stale, its SOA with TTL 30")
  void expiredNxDomain_isAnsweredStale() {
    cache.putNxDomain(name("gone.example."), DClass.IN, soa("example.", 600, 600),
        AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(600);

    CacheLookup.NegativeHit stale =
        negative(cache.lookupStale(name("gone.example."), Type.AAAA, DClass.IN));
    assertThat(stale.kind()).isEqualTo(Kind.NXDOMAIN);
    assertThat(stale.soa().getTTL()).isEqualTo(30);
    assertThat(cache.lookup(name("gone.example."), Type.AAAA, DClass.IN))
        .isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("RFC 8767 §4: stale answers carry the configured TTL, or the data's own where that is shorter")
  void staleAnswerTtl_isConfiguredButNeverAboveTheDataTtl() {
    RRsetCache configured = cache(RRsetCache.builder().serveStale(WINDOW, Duration.ofSeconds(123)));
    putWww(configured);
    configured.put(rrset(a("short.example.", 100, "192.0.2.2")), AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(300);

    assertThat(hitTtl(staleWww(configured))).isEqualTo(123);
    assertThat(hitTtl(configured.lookupStale(name("short.example."), Type.A, DClass.IN))).isEqualTo(100);
  }

  /* ---- newer answers that may not be cached ---- */

  @Test
  @DisplayName("RFC 1035 §3.2.1: data with TTL 0 is not kept, but it is newer than stale data, which goes")
  void zeroTtlData_dropsStaleData() {
    putWww(cache);
    ticker.advanceSeconds(300);

    assertThat(cache.put(rrset(a("www.example.", 0, "192.0.2.7")), AUTHORITATIVE_ANSWER)).isFalse();
    assertThat(staleWww(cache)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("RFC 2308 §5: data with TTL 0 proves its name exists, so a stale NXDOMAIN for it goes")
  void zeroTtlData_dropsStaleNxDomain() {
    cache.putNxDomain(name("www.example."), DClass.IN, soa("example.", 60, 60), AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(60);

    cache.put(rrset(a("www.example.", 0, "192.0.2.7")), AUTHORITATIVE_ANSWER);
    assertThat(staleWww(cache)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("Data with TTL 0 leaves live data alone")
  void zeroTtlData_keepsLiveData() {
    putWww(cache);

    cache.put(rrset(a("www.example.", 0, "192.0.2.7")), AUTHORITATIVE_ANSWER);
    assertThat(hitRRset(lookupWww(cache)).first().rdataToString()).isEqualTo("192.0.2.1");
  }

  /* ---- rank rule and counters ---- */

  @Test
  @DisplayName("RFC 2181 §5.4.1: expired data kept for serve-stale no longer outranks new data")
  void staleEntry_doesNotBlockLowerRankedData() {
    putWww(cache);
    ticker.advanceSeconds(300);

    assertThat(cache.put(rrset(a("www.example.", 60, "192.0.2.9")), GLUE)).isTrue();
    assertThat(hitRRset(lookupWww(cache)).first().rdataToString()).isEqualTo("192.0.2.9");
  }

  @Test
  @DisplayName("RFC 2308 §5: an expired NXDOMAIN kept for serve-stale does not refuse data")
  void staleNxDomain_doesNotRefuseData() {
    cache.putNxDomain(name("www.example."), DClass.IN, soa("example.", 60, 60),
        AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(60);

    assertThat(cache.put(rrset(a("www.example.", 300, "192.0.2.1")), GLUE)).isTrue();
    assertThat(hitTtl(lookupWww(cache))).isEqualTo(300);
  }

  @Test
  @DisplayName("Stale answers are counted apart, not as hits or misses")
  void staleHits_areCountedApart() {
    putWww(cache);
    ticker.advanceSeconds(300);
    staleWww(cache);
    staleWww(cache);
    cache.lookupStale(name("other.example."), Type.A, DClass.IN);

    CacheStats stats = cache.stats();
    assertThat(stats.staleHits()).isEqualTo(2);
    assertThat(stats.lookups()).isZero();
    assertThat(stats.prefetches()).as("a cache never refreshes itself").isZero();
  }

  /* ---- renewal after an upstream failure (renewStaleOnFailure) ---- */

  @Test
  @DisplayName("renewStaleOnFailure: an upstream failure past the window makes the data servable for another window from then")
  void renewal_servesPastTheFirstWindow() {
    RRsetCache renewing = cache(RRsetCache.builder().serveStale(Duration.ofSeconds(10)).renewStaleOnFailure());
    putWww(renewing);
    ticker.advanceSeconds(300 + 15);
    assertThat(staleWww(renewing)).isSameAs(CacheLookup.Miss.INSTANCE);

    renewing.renewStale(name("www.example."), Type.A, DClass.IN);

    assertThat(hitTtl(staleWww(renewing))).isEqualTo(30);
    ticker.advanceSeconds(9);
    assertThat(hitTtl(staleWww(renewing))).isEqualTo(30);
    ticker.advanceSeconds(1);
    assertThat(staleWww(renewing)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("without renewStaleOnFailure, a failure renews nothing: the data goes at the end of its window")
  void withoutRenewal_dataGoesAtTheEndOfItsWindow() {
    RRsetCache plain = cache(RRsetCache.builder().serveStale(Duration.ofSeconds(10)));
    putWww(plain);
    ticker.advanceSeconds(300 + 15);

    plain.renewStale(name("www.example."), Type.A, DClass.IN);

    assertThat(staleWww(plain)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("renewing leaves live data alone: it is not turned stale")
  void renewal_leavesLiveDataAlone() {
    RRsetCache renewing = cache(RRsetCache.builder().serveStale(Duration.ofSeconds(10)).renewStaleOnFailure());
    putWww(renewing);
    ticker.advanceSeconds(100);

    renewing.renewStale(name("www.example."), Type.A, DClass.IN);

    assertThat(hitTtl(lookupWww(renewing))).isEqualTo(200);
  }

  @Test
  @DisplayName("renewing keeps what proves the data: a wildcard answer's NSEC and an NXDOMAIN's NSEC stay with their renewed entries")
  void renewal_keepsTheProofs() throws Exception {
    RRsetCache renewing = cache(RRsetCache.builder().serveStale(Duration.ofSeconds(10)).renewStaleOnFailure());
    Record nsec = Record.fromString(name("a.example."), Type.NSEC, DClass.IN, 300, "z.example. A RRSIG NSEC", Name.root);
    renewing.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER, ValidationStatus.SECURE, List.of(nsec));
    renewing.putNxDomain(name("nx.example."), DClass.IN, soa("example.", 300, 300), List.of(nsec), AUTHORITATIVE_ANSWER,
        ValidationStatus.SECURE);
    ticker.advanceSeconds(300 + 15);

    renewing.renewStale(name("www.example."), Type.A, DClass.IN);
    renewing.renewStale(name("nx.example."), Type.A, DClass.IN);

    assertThat(((CacheLookup.Hit) staleWww(renewing)).proof()).extracting(Record::getName).containsExactly(nsec.getName());
    assertThat(((CacheLookup.NegativeHit) renewing.lookupStale(name("nx.example."), Type.A, DClass.IN)).proof())
        .extracting(Record::getName).containsExactly(nsec.getName());
  }
}
