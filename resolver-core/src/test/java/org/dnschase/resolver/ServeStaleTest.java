package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;
import static org.dnschase.resolver.CacheLab.ALIAS;
import static org.dnschase.resolver.CacheLab.MISSING;
import static org.dnschase.resolver.CacheLab.WWW;
import static org.dnschase.resolver.CacheLab.WWW_TTL;

import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.servers.FakeTicker;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Serve-stale over loopback: an upstream that dies after the first resolution (RFC 8767). */
class ServeStaleTest {

  @Lab("CacheLab#start") private static TestHierarchy lab;
  private final FakeTicker ticker = new FakeTicker();
  private Resolver resolver;

  @BeforeEach
  void newResolver() {
    resolver = CacheLab.resolverFor(lab, ticker).budgets(CacheLab.FAST_FAILING)
        .serveStale(Duration.ofHours(1)).recordTrace(true).build();
    lab.clearQueries();
  }

  @AfterEach
  void reviveAndClose() {
    CacheLab.reviveUpstream(lab);
    resolver.close();
  }

  /* ---- the outage ---- */

  @Test
  @DisplayName("RFC 8767 §4: with upstream dead and the data expired, the stale answer comes back with TTL 30")
  void deadUpstream_servesStaleAnswer_thenFreshOnceBack() {
    assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
    CacheLab.killUpstream(lab);
    ticker.advanceSeconds(WWW_TTL + 1);

    Resolution stale = resolver.resolve(WWW, Type.A);

    assertThat(stale).isInstanceOfSatisfying(Resolution.Answer.class, answer -> {
      assertThat(answer.ttl()).isEqualTo(Duration.ofSeconds(30));
      assertThat(answer.rrset().getTTL()).isEqualTo(30);
      assertThat(answer.records()).singleElement()
          .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("192.0.2.80"));
    });
    assertThat(CacheLab.isStale(stale)).isTrue();
    assertThat(stale.upstreamQueries()).as("it tried the servers first").isPositive();
    assertThat(stale.trace()).last().hasToString("cache www.shop.test. A: stale 1 record(s)");

    CacheLab.reviveUpstream(lab);
    // The failed refresh is remembered for a moment (RFC 9520 §3.2), answered stale meanwhile.
    ticker.advance(Defaults.FAILURE_TTL);
    Resolution fresh = resolver.resolve(WWW, Type.A);

    assertThat(fresh).isInstanceOf(Resolution.Answer.class);
    assertThat(fresh.ttl()).isEqualTo(Duration.ofSeconds(WWW_TTL));
    assertThat(CacheLab.isStale(fresh)).isFalse();
    assertThat(resolver.cacheStats().staleHits()).isOne();
  }

  @Test
  @DisplayName("RFC 8767 §4: an alias whose CNAME and data both expired is answered stale along its chain, "
      + "and again at once while the failure is remembered (RFC 9520 §3.2)")
  void deadUpstream_expiredAlias_servedStaleWithItsChain() {
    assertThat(resolver.resolve(ALIAS, Type.A)).isInstanceOf(Resolution.Answer.class);
    CacheLab.killUpstream(lab);
    ticker.advanceSeconds(WWW_TTL + 1);

    for (Resolution stale : List.of(resolver.resolve(ALIAS, Type.A), resolver.resolve(ALIAS, Type.A))) {
      assertThat(stale).isInstanceOfSatisfying(Resolution.Answer.class, answer -> {
        assertThat(answer.chain()).extracting(Hop::owner, Hop::target).containsExactly(tuple(ALIAS, WWW));
        assertThat(answer.records()).singleElement()
            .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("192.0.2.80"));
      });
      assertThat(CacheLab.isStale(stale)).isTrue();
    }
  }

  @Test
  @DisplayName("renewStaleOnFailure (Unbound's serve-expired-ttl-reset): past its window, data is served again once upstream failed, and for another window")
  void pastTheWindow_failureRenewsTheStaleData() {
    RRsetCache renewing = RRsetCache.builder().timeSource(ticker).serveStale(Duration.ofSeconds(10))
        .renewStaleOnFailure().build();
    try (Resolver renewed = CacheLab.resolverFor(lab, ticker).budgets(CacheLab.FAST_FAILING).cache(renewing).build()) {
      assertThat(renewed.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
      CacheLab.killUpstream(lab);
      ticker.advanceSeconds(WWW_TTL + 60);

      Resolution stale = renewed.resolve(WWW, Type.A);

      assertThat(stale).isInstanceOf(Resolution.Answer.class);
      assertThat(CacheLab.isStale(stale)).isTrue();
      assertThat(stale.upstreamQueries()).as("it tried the servers first").isPositive();
      ticker.advanceSeconds(9);
      assertThat(renewed.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
    }
  }

  @Test
  @DisplayName("RFC 8767 §4: an expired NXDOMAIN is served stale too, with a TTL of at most 30")
  void deadUpstream_servesStaleNxDomain() {
    assertThat(resolver.resolve(MISSING, Type.A)).isInstanceOf(Resolution.NxDomain.class);
    CacheLab.killUpstream(lab);
    ticker.advanceSeconds(61);

    Resolution stale = resolver.resolve(MISSING, Type.A);

    assertThat(stale).isInstanceOf(Resolution.NxDomain.class);
    assertThat(stale.ttl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(CacheLab.isStale(stale)).isTrue();
  }

  @Test
  @DisplayName("RFC 8767 §4: fresh data is answered as it is, never as stale, even with upstream dead")
  void freshData_isNeverServedStale() {
    resolver.resolve(WWW, Type.A);
    CacheLab.killUpstream(lab);
    lab.clearQueries();
    ticker.advanceSeconds(WWW_TTL - 1);

    Resolution cached = resolver.resolve(WWW, Type.A);

    assertThat(cached).isInstanceOf(Resolution.Answer.class);
    assertThat(cached.ttl()).isEqualTo(Duration.ofSeconds(1));
    assertThat(CacheLab.isStale(cached)).isFalse();
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("RFC 8767 §5: past the stale window the failure stands")
  void pastTheWindow_theFailureStands() {
    resolver.resolve(WWW, Type.A);
    CacheLab.killUpstream(lab);
    ticker.advanceSeconds(WWW_TTL + Duration.ofHours(1).toSeconds());

    Resolution result = resolver.resolve(WWW, Type.A);

    assertThat(result).isInstanceOfSatisfying(Resolution.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED));
  }

  /* ---- off by default ---- */

  @Test
  @DisplayName("Without serve-stale the outage is a failure: expired data is gone")
  void serveStaleOff_byDefault() {
    try (Resolver plain = CacheLab.resolverFor(lab, ticker).budgets(CacheLab.FAST_FAILING).build()) {
      plain.resolve(WWW, Type.A);
      CacheLab.killUpstream(lab);
      ticker.advanceSeconds(WWW_TTL + 1);

      Resolution result = plain.resolve(WWW, Type.A);

      assertThat(result).isInstanceOf(Resolution.Failure.class);
      assertThat(plain.cacheStats().staleHits()).isZero();
    }
  }

  @Test
  @DisplayName("serveStale configures the default cache, so it conflicts with a cache given")
  void serveStale_conflictsWithAGivenCache() {
    ResolverBuilder withCache = Resolver.builder().cache(RRsetCache.builder().build());
    assertThatIllegalStateException()
        .isThrownBy(() -> withCache.serveStale(Duration.ofHours(1)))
        .withMessageContaining("a cache was given");

    ResolverBuilder withStale = Resolver.builder().serveStale(Duration.ofHours(1));
    assertThatIllegalStateException()
        .isThrownBy(() -> withStale.cache(RRsetCache.builder().build()))
        .withMessageContaining("serveStale was set to PT1H");
  }
}
