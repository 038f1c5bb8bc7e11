package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.TrustRank.GLUE;
import static org.dnschase.resolver.cache.TrustRank.NON_AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.hitTtl;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.negative;
import static org.dnschase.resolver.cache.internal.Records.rrset;
import static org.dnschase.resolver.cache.internal.Records.soa;

import java.time.Duration;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.CacheLookup.NegativeHit.Kind;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.RRsetCacheBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

@DisplayName("Negative caching (RFC 2308)")
class NegativeCachingTest {

  private static final Name GONE = name("gone.example.");

  private final FakeTicker ticker = new FakeTicker();
  private final RRsetCache cache = cache(RRsetCache.builder());

  private RRsetCache cache(RRsetCacheBuilder builder) {
    return builder.timeSource(ticker).executor(Runnable::run).build();
  }

  private CacheLookup lookup(RRsetCache in, Name name, int type) {
    return in.lookup(name, type, DClass.IN);
  }

  /* ---- negative TTL ---- */

  @Test
  @DisplayName("RFC 2308 §5: the negative TTL is the SOA's TTL when that is below its MINIMUM")
  void negativeTtl_isSoaTtl_whenBelowMinimum() {
    cache.putNxDomain(GONE, DClass.IN, soa("example.", 60, 300), AUTHORITATIVE_ANSWER);

    assertThat(negative(lookup(cache, GONE, Type.A)).soa().getTTL()).isEqualTo(60);
    ticker.advanceSeconds(60);
    assertThat(lookup(cache, GONE, Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("RFC 2308 §5: the negative TTL is the SOA's MINIMUM when that is below its TTL")
  void negativeTtl_isSoaMinimum_whenBelowTtl() {
    cache.putNoData(GONE, Type.AAAA, DClass.IN, soa("example.", 3600, 300), AUTHORITATIVE_ANSWER);

    CacheLookup.NegativeHit hit = negative(lookup(cache, GONE, Type.AAAA));
    assertThat(hit.soa().getTTL()).isEqualTo(300);
    assertThat(hit.soa().getMinimum()).as("MINIMUM is kept as received").isEqualTo(300);
    ticker.advanceSeconds(300);
    assertThat(lookup(cache, GONE, Type.AAAA)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("RFC 2308 §5: the negative TTL is capped, by default at one hour")
  void negativeTtl_isCappedAtOneHourByDefault() {
    cache.putNxDomain(GONE, DClass.IN, soa("example.", 86_400, 86_400), AUTHORITATIVE_ANSWER);

    assertThat(negative(lookup(cache, GONE, Type.A)).soa().getTTL()).isEqualTo(3600);
  }

  @Test
  @DisplayName("RFC 2308 §5: the negative TTL is capped by maxNegativeTtl")
  void negativeTtl_isCappedByMaxNegativeTtl() {
    RRsetCache capped = cache(RRsetCache.builder().maxNegativeTtl(Duration.ofMinutes(10)));
    capped.putNxDomain(GONE, DClass.IN, soa("example.", 3600, 3600), AUTHORITATIVE_ANSWER);

    assertThat(negative(lookup(capped, GONE, Type.A)).soa().getTTL()).isEqualTo(600);
    ticker.advanceSeconds(600);
    assertThat(lookup(capped, GONE, Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("RFC 2308 §5: a NODATA without SOA is not cached by default")
  void noDataWithoutSoa_isNotCachedByDefault() {
    assertThat(cache.putNoData(GONE, Type.A, DClass.IN, null, AUTHORITATIVE_ANSWER)).isFalse();

    assertThat(lookup(cache, GONE, Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("A NODATA without SOA is kept for a configured minimum TTL, as Knot Resolver's min_ttl")
  void noDataWithoutSoa_isKeptForTheMinimumTtl() {
    RRsetCache floored = cache(RRsetCache.builder().minTtl(Duration.ofSeconds(5)));
    assertThat(floored.putNoData(GONE, Type.A, DClass.IN, null, AUTHORITATIVE_ANSWER)).isTrue();

    ticker.advanceSeconds(4);
    CacheLookup.NegativeHit hit = negative(lookup(floored, GONE, Type.A));
    assertThat(hit.kind()).isEqualTo(Kind.NODATA);
    assertThat(hit.soa()).isNull();
    assertThat(hit.ttl()).isEqualTo(1);
    ticker.advanceSeconds(1);
    assertThat(lookup(floored, GONE, Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("RFC 2308 §5: the SOA handed out carries the remaining negative TTL")
  void negativeHit_soaCarriesRemainingTtl() {
    cache.putNxDomain(GONE, DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);

    ticker.advanceSeconds(100);
    assertThat(negative(lookup(cache, GONE, Type.A)).soa().getTTL()).isEqualTo(200);
    ticker.advanceSeconds(199);
    assertThat(negative(lookup(cache, GONE, Type.MX)).soa().getTTL()).isEqualTo(1);
  }

  @Test
  @DisplayName("RFC 2308 §5: a negative TTL of 0 is not cached")
  void negativeTtlZero_isNotCached() {
    assertThat(cache.putNxDomain(GONE, DClass.IN, soa("example.", 300, 0), AUTHORITATIVE_ANSWER))
        .isFalse();
    assertThat(cache.putNoData(GONE, Type.A, DClass.IN, soa("example.", 0, 300), GLUE)).isFalse();
    assertThat(lookup(cache, GONE, Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("RFC 2308 §5: maxNegativeTtl 0 turns negative caching off")
  void maxNegativeTtlZero_turnsNegativeCachingOff() {
    RRsetCache off = cache(RRsetCache.builder().maxNegativeTtl(Duration.ZERO));

    assertThat(off.putNxDomain(GONE, DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER))
        .isFalse();
    assertThat(lookup(off, GONE, Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  /* ---- NXDOMAIN and NODATA scope ---- */

  @ParameterizedTest(name = "type {0}")
  @ValueSource(ints = {Type.A, Type.AAAA, Type.MX, Type.CNAME, Type.TXT, Type.NS, Type.ANY})
  @DisplayName("RFC 2308 §5: an NXDOMAIN answers every type of the name")
  void nxDomain_answersEveryTypeOfTheName(int type) {
    cache.putNxDomain(GONE, DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);

    CacheLookup.NegativeHit hit = negative(lookup(cache, GONE, type));
    assertThat(hit.kind()).isEqualTo(Kind.NXDOMAIN);
    assertThat(hit.name()).isEqualTo(GONE);
    assertThat(hit.rank()).isEqualTo(AUTHORITATIVE_ANSWER);
    assertThat(hit.soa().getName()).isEqualTo(name("example."));
  }

  @Test
  @DisplayName("RFC 2308 §5: an NXDOMAIN is for its name and class only")
  void nxDomain_coversOnlyItsNameAndClass() {
    cache.putNxDomain(GONE, DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);

    assertThat(lookup(cache, name("other.example."), Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(cache.lookup(GONE, Type.A, DClass.CH)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("RFC 2308 §5: a NODATA answers its own type only")
  void noData_answersItsTypeOnly() {
    cache.putNoData(GONE, Type.AAAA, DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);

    assertThat(negative(lookup(cache, GONE, Type.AAAA)).kind()).isEqualTo(Kind.NODATA);
    assertThat(lookup(cache, GONE, Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(lookup(cache, GONE, Type.ANY)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("RFC 2308 §5: data cached for a type shadows the name's NXDOMAIN for that type")
  void data_answersBeforeNxDomainOfItsName() {
    cache.put(rrset(a("gone.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    cache.putNxDomain(GONE, DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);

    assertThat(hitTtl(lookup(cache, GONE, Type.A))).isEqualTo(300);
    assertThat(negative(lookup(cache, GONE, Type.AAAA)).kind()).isEqualTo(Kind.NXDOMAIN);
  }

  /* ---- data proves the name exists ---- */

  @Test
  @DisplayName("RFC 2308 §5: data of no lower rank clears the NXDOMAIN of its name")
  void data_clearsNxDomainOfNoHigherRank() {
    cache.putNxDomain(GONE, DClass.IN, soa("example.", 300, 300), NON_AUTHORITATIVE_ANSWER);

    assertThat(cache.put(rrset(a("gone.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER))
        .isTrue();
    assertThat(hitTtl(lookup(cache, GONE, Type.A))).isEqualTo(300);
    assertThat(lookup(cache, GONE, Type.AAAA)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: data of a lower rank is refused while a higher NXDOMAIN lives")
  void data_isRefusedByHigherRankedNxDomain() {
    cache.putNxDomain(GONE, DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);

    assertThat(cache.put(rrset(a("gone.example.", 300, "192.0.2.1")), GLUE)).isFalse();
    assertThat(negative(lookup(cache, GONE, Type.A)).kind()).isEqualTo(Kind.NXDOMAIN);
  }

  @Test
  @DisplayName("RFC 2308 §5: a NODATA proves the name exists and clears its NXDOMAIN")
  void noData_clearsNxDomainOfNoHigherRank() {
    cache.putNxDomain(GONE, DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);

    assertThat(cache.putNoData(GONE, Type.MX, DClass.IN, soa("example.", 300, 300),
            AUTHORITATIVE_ANSWER))
        .isTrue();
    assertThat(negative(lookup(cache, GONE, Type.MX)).kind()).isEqualTo(Kind.NODATA);
    assertThat(lookup(cache, GONE, Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("RFC 2308 §5: a NODATA is replaced by data of the same rank at its type")
  void noData_isReplacedByData() {
    cache.putNoData(GONE, Type.A, DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);

    assertThat(cache.put(rrset(a("gone.example.", 120, "192.0.2.1")), AUTHORITATIVE_ANSWER))
        .isTrue();
    assertThat(hitTtl(lookup(cache, GONE, Type.A))).isEqualTo(120);
  }

  @Test
  @DisplayName("RFC 2308 §5: an NXDOMAIN expires after its negative TTL, then lookups miss")
  void nxDomain_expires() {
    cache.putNxDomain(GONE, DClass.IN, soa("example.", 30, 30), AUTHORITATIVE_ANSWER);

    ticker.advance(Duration.ofSeconds(30).minusNanos(1));
    assertThat(negative(lookup(cache, GONE, Type.A)).soa().getTTL()).isEqualTo(1);
    ticker.advanceNanos(1);
    assertThat(lookup(cache, GONE, Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
  }
}
