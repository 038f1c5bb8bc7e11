package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.ADDITIONAL_DATA;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITY_DATA;
import static org.dnschase.resolver.cache.TrustRank.GLUE;
import static org.dnschase.resolver.cache.TrustRank.NON_AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.TrustRank.REFERRAL_NS;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.hitRRset;
import static org.dnschase.resolver.cache.internal.Records.hitTtl;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.negative;
import static org.dnschase.resolver.cache.internal.Records.rrset;
import static org.dnschase.resolver.cache.internal.Records.soa;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TrustRank;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

@DisplayName("Trust ranks (RFC 2181 §5.4.1)")
class TrustRankTest {

  private final FakeTicker ticker = new FakeTicker();
  private final RRsetCache cache =
      RRsetCache.builder().timeSource(ticker).executor(Runnable::run).build();

  private CacheLookup lookupWww() {
    return cache.lookup(name("www.example."), Type.A, DClass.IN);
  }

  private boolean putWww(String address, long ttl, TrustRank rank) {
    return cache.put(rrset(a("www.example.", ttl, address)), rank);
  }

  private String addressOfWww() {
    return ((ARecord) hitRRset(lookupWww()).first()).getAddress().getHostAddress();
  }

  /** Every (higher, lower) pair of ranks. */
  static Stream<Arguments> higherThenLower() {
    List<Arguments> pairs = new ArrayList<>();
    TrustRank[] ranks = TrustRank.values();
    for (int i = 0; i < ranks.length; i++) {
      for (int j = i + 1; j < ranks.length; j++) {
        pairs.add(Arguments.of(ranks[i], ranks[j]));
      }
    }
    return pairs.stream();
  }

  /* ---- the order ---- */

  @Test
  @DisplayName("RFC 2181 §5.4.1: ranks run from authoritative answer down to glue")
  void ranks_runInRfc2181Order() {
    assertThat(TrustRank.values())
        .containsExactly(
            AUTHORITATIVE_ANSWER, NON_AUTHORITATIVE_ANSWER, AUTHORITY_DATA, ADDITIONAL_DATA, REFERRAL_NS, GLUE);
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: additional-section data and a referral's NS set answer no question, whoever sent them")
  void additionalDataAndReferrals_answerNoQuestion() {
    assertThat(TrustRank.values()).filteredOn(rank -> !rank.answers())
        .containsExactly(ADDITIONAL_DATA, REFERRAL_NS, GLUE);
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("higherThenLower")
  @DisplayName("RFC 2181 §5.4.1: isAtLeast and outranks follow the order")
  void isAtLeast_followsTheOrder(TrustRank higher, TrustRank lower) {
    assertThat(higher.isAtLeast(lower)).isTrue();
    assertThat(lower.isAtLeast(higher)).isFalse();
    assertThat(higher.outranks(lower)).isTrue();
    assertThat(lower.outranks(higher)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(TrustRank.class)
  @DisplayName("RFC 2181 §5.4.1: a rank is at least itself but does not outrank itself")
  void isAtLeast_holdsForTheSameRank(TrustRank rank) {
    assertThat(rank.isAtLeast(rank)).isTrue();
    assertThat(rank.outranks(rank)).isFalse();
  }

  /* ---- the rule in the cache ---- */

  @Test
  @DisplayName("RFC 2181 §5.4.1: glue never overrides an authoritative answer")
  void glue_neverOverridesAuthoritativeAnswer() {
    putWww("192.0.2.1", 300, AUTHORITATIVE_ANSWER);

    assertThat(putWww("198.51.100.66", 86_400, GLUE)).isFalse();
    assertThat(addressOfWww()).isEqualTo("192.0.2.1");
    assertThat(((CacheLookup.Hit) lookupWww()).rank()).isEqualTo(AUTHORITATIVE_ANSWER);
  }

  @ParameterizedTest(name = "{1} after {0}")
  @MethodSource("higherThenLower")
  @DisplayName("RFC 2181 §5.4.1: lower-ranked data never replaces live higher-ranked data")
  void lowerRank_neverReplacesLiveHigherRank(TrustRank higher, TrustRank lower) {
    putWww("192.0.2.1", 300, higher);

    assertThat(putWww("198.51.100.66", 300, lower)).isFalse();
    assertThat(addressOfWww()).isEqualTo("192.0.2.1");
  }

  @ParameterizedTest(name = "{0} after {1}")
  @MethodSource("higherThenLower")
  @DisplayName("RFC 2181 §5.4.1: higher-ranked data replaces lower-ranked data")
  void higherRank_replacesLowerRank(TrustRank higher, TrustRank lower) {
    putWww("198.51.100.66", 300, lower);

    assertThat(putWww("192.0.2.1", 300, higher)).isTrue();
    assertThat(addressOfWww()).isEqualTo("192.0.2.1");
    assertThat(((CacheLookup.Hit) lookupWww()).rank()).isEqualTo(higher);
  }

  @ParameterizedTest
  @EnumSource(TrustRank.class)
  @DisplayName("RFC 2181 §5.4.1: data of the same rank replaces the old data and its TTL")
  void sameRank_replaces(TrustRank rank) {
    putWww("198.51.100.66", 300, rank);
    ticker.advanceSeconds(200);

    assertThat(putWww("192.0.2.1", 300, rank)).isTrue();
    assertThat(addressOfWww()).isEqualTo("192.0.2.1");
    assertThat(hitTtl(lookupWww())).isEqualTo(300);
    ticker.advanceSeconds(299);
    cache.cleanUp();
    assertThat(cache.stats().entries()).as("Caffeine took the new deadline").isOne();
    ticker.advanceSeconds(1);
    cache.cleanUp();
    assertThat(cache.stats().entries()).as("Caffeine took the new deadline").isZero();
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: once higher-ranked data expired, lower-ranked data is stored")
  void lowerRank_isStoredOnceHigherRankExpired() {
    putWww("192.0.2.1", 60, AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(60);

    assertThat(putWww("198.51.100.66", 300, GLUE)).isTrue();
    assertThat(addressOfWww()).isEqualTo("198.51.100.66");
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: a refused write leaves the live entry's TTL running as before")
  void refusedWrite_keepsTheDeadline() {
    putWww("192.0.2.1", 300, AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(100);
    putWww("198.51.100.66", 3600, GLUE);

    ticker.advanceSeconds(199);
    assertThat(hitTtl(lookupWww())).isEqualTo(1);
    ticker.advanceSeconds(1);
    assertThat(lookupWww()).isSameAs(CacheLookup.Miss.INSTANCE);
    cache.cleanUp();
    assertThat(cache.stats().entries()).as("Caffeine kept the deadline too").isZero();
  }

  /* ---- positive against negative at one (name, type) ---- */

  @Test
  @DisplayName("RFC 2181 §5.4.1: a lower-ranked NODATA does not replace higher-ranked data")
  void lowerNoData_doesNotReplaceHigherData() {
    putWww("192.0.2.1", 300, AUTHORITATIVE_ANSWER);

    assertThat(cache.putNoData(name("www.example."), Type.A, DClass.IN, soa("example.", 300, 300),
            NON_AUTHORITATIVE_ANSWER))
        .isFalse();
    assertThat(addressOfWww()).isEqualTo("192.0.2.1");
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: lower-ranked data does not replace a higher-ranked NODATA")
  void lowerData_doesNotReplaceHigherNoData() {
    cache.putNoData(name("www.example."), Type.A, DClass.IN, soa("example.", 300, 300),
        AUTHORITATIVE_ANSWER);

    assertThat(putWww("198.51.100.66", 300, GLUE)).isFalse();
    assertThat(negative(lookupWww()).kind()).isEqualTo(CacheLookup.NegativeHit.Kind.NODATA);
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: a higher-ranked NODATA replaces lower-ranked data")
  void higherNoData_replacesLowerData() {
    putWww("198.51.100.66", 300, GLUE);

    assertThat(cache.putNoData(name("www.example."), Type.A, DClass.IN, soa("example.", 300, 300),
            AUTHORITATIVE_ANSWER))
        .isTrue();
    assertThat(negative(lookupWww()).kind()).isEqualTo(CacheLookup.NegativeHit.Kind.NODATA);
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: a lower-ranked NXDOMAIN does not replace a higher one")
  void lowerNxDomain_doesNotReplaceHigherNxDomain() {
    cache.putNxDomain(name("www.example."), DClass.IN, soa("example.", 300, 300),
        AUTHORITATIVE_ANSWER);

    assertThat(cache.putNxDomain(name("www.example."), DClass.IN, soa("example.", 900, 900),
            NON_AUTHORITATIVE_ANSWER))
        .isFalse();
    assertThat(negative(lookupWww()).soa().getTTL()).isEqualTo(300);
    assertThat(negative(lookupWww()).rank()).isEqualTo(AUTHORITATIVE_ANSWER);
  }
}
