package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.dnschase.resolver.CacheLab.ALIAS;
import static org.dnschase.resolver.CacheLab.WWW;
import static org.dnschase.resolver.CacheLab.WWW_TTL;

import java.time.Duration;
import org.dnschase.resolver.internal.servers.FakeTicker;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Type;

/**
 * When expired data answers (RFC 8767 §4): at once with a zero stale answer timeout, at the
 * timeout when upstream is slow, at once while a failure is remembered (RFC 9520 §3.2); in each
 * case the cache is refreshed behind the answer.
 */
class StaleAnswerTimingTest {

  private static final Resolver.QueryOptions CACHE_ONLY = Resolver.QueryOptions.DEFAULTS.withCacheOnly(true);
  /** Long enough for a slow server's reply to arrive late, far beyond a loopback exchange. */
  private static final Budgets PATIENT = Budgets.DEFAULTS.withQueryTimeout(Duration.ofSeconds(5));

  @Lab("CacheLab#start") private static TestHierarchy lab;
  private final FakeTicker ticker = new FakeTicker();
  private Resolver resolver;

  @BeforeEach
  void clear() {
    lab.clearQueries();
  }

  @AfterEach
  void reviveAndClose() {
    CacheLab.reviveUpstream(lab);
    resolver.close();
  }

  /** Resolves WWW once, lets it expire, and clears the servers' logs. */
  private void cacheThenExpire() {
    assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
    ticker.advanceSeconds(WWW_TTL + 1);
    lab.clearQueries();
  }

  /** Waits until the cache alone answers WWW: the refresh behind a stale answer has landed. */
  private void awaitRefresh() {
    CacheLab.awaitUntil("the refresh of " + WWW, () -> resolver.resolve(WWW, Type.A, CACHE_ONLY)
        instanceof Resolution.Answer answer && !CacheLab.isStale(answer));
  }

  /* ---- the stale answer timeout ---- */

  @Test
  @DisplayName("RFC 8767 §4: with a zero timeout, expired data answers before any server is asked, then is refreshed")
  void zeroTimeout_answersStaleAtOnce_thenRefreshes() {
    resolver = CacheLab.resolverFor(lab, ticker).serveStale(Duration.ofHours(1))
        .staleAnswerTimeout(Duration.ZERO).build();
    cacheThenExpire();

    Resolution stale = resolver.resolve(WWW, Type.A);

    assertThat(CacheLab.isStale(stale)).isTrue();
    assertThat(stale.upstreamQueries()).isZero();
    awaitRefresh();
    assertThat(resolver.resolve(WWW, Type.A).ttl()).isEqualTo(Duration.ofSeconds(WWW_TTL));
  }

  @Test
  @DisplayName("RFC 8767 §4: a server slower than the timeout gets the expired data answered, and the resolution still refreshes the cache")
  void slowServer_answersStaleAtTheTimeout_andTheResolutionGoesOn() {
    resolver = CacheLab.resolverFor(lab, ticker).budgets(PATIENT).serveStale(Duration.ofHours(1))
        .staleAnswerTimeout(Duration.ofMillis(100)).build();
    cacheThenExpire();
    lab.servers().forEach(server -> server.setFault(new Fault.Delay(Duration.ofMillis(1500))));

    Resolution stale = resolver.resolve(WWW, Type.A);

    assertThat(stale).isInstanceOf(Resolution.Answer.class);
    assertThat(CacheLab.isStale(stale)).isTrue();
    awaitRefresh();
  }

  @ParameterizedTest(name = "stale answer timeout {0} ms")
  @ValueSource(longs = {100, 5_000})
  @DisplayName("RFC 8767 §4: an alias whose CNAME and data both expired is answered stale along its chain, at the "
      + "stale answer timeout, and at the deadline where that timeout is past it")
  void slowServer_expiredAlias_answeredStaleAlongItsChain(long staleAnswerTimeoutMillis) {
    resolver = CacheLab.resolverFor(lab, ticker).budgets(PATIENT.withDeadline(Duration.ofMillis(600)))
        .serveStale(Duration.ofHours(1)).staleAnswerTimeout(Duration.ofMillis(staleAnswerTimeoutMillis)).build();
    assertThat(resolver.resolve(ALIAS, Type.A)).isInstanceOf(Resolution.Answer.class);
    ticker.advanceSeconds(WWW_TTL + 1);
    lab.servers().forEach(server -> server.setFault(new Fault.Delay(Duration.ofMillis(1500))));

    Resolution stale = resolver.resolve(ALIAS, Type.A);

    assertThat(stale).isInstanceOfSatisfying(Resolution.Answer.class, answer -> {
      assertThat(answer.chain()).extracting(Hop::owner, Hop::target).containsExactly(tuple(ALIAS, WWW));
      assertThat(answer.records()).singleElement()
          .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("192.0.2.80"));
    });
    assertThat(CacheLab.isStale(stale)).isTrue();
  }

  @Test
  @DisplayName("RFC 8767 §4: a server that answers within the timeout gets its fresh answer through")
  void fastServer_answersFresh() {
    resolver = CacheLab.resolverFor(lab, ticker).serveStale(Duration.ofHours(1))
        .staleAnswerTimeout(Duration.ofSeconds(30)).build();
    cacheThenExpire();

    Resolution fresh = resolver.resolve(WWW, Type.A);

    assertThat(CacheLab.isStale(fresh)).isFalse();
    assertThat(fresh.upstreamQueries()).isPositive();
  }

  /* ---- a failure remembered ---- */

  @Test
  @DisplayName("RFC 9520 §3.2: a question whose servers all failed fails again at once, asking nobody, until FAILURE_TTL has passed")
  void failure_isRememberedForFailureTtl() {
    resolver = CacheLab.resolverFor(lab, ticker).budgets(CacheLab.FAST_FAILING).build();
    CacheLab.killUpstream(lab);
    assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Failure.class);
    CacheLab.reviveUpstream(lab);
    lab.clearQueries();

    Resolution again = resolver.resolve(WWW, Type.A);

    assertThat(again).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED);
      assertThat(failure.detail()).contains("not asked again");
    });
    assertThat(lab.queryCount()).isZero();
    ticker.advance(Defaults.FAILURE_TTL);
    assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
  }

  @Test
  @DisplayName("RFC 8767 §4: while a failed refresh is remembered, expired data answers at once and nothing is refreshed")
  void failedRefresh_answersStaleAtOnce_withoutRefresh() {
    resolver = CacheLab.resolverFor(lab, ticker).budgets(CacheLab.FAST_FAILING).serveStale(Duration.ofHours(1))
        .staleAnswerTimeout(Duration.ofSeconds(30)).build();
    cacheThenExpire();
    CacheLab.killUpstream(lab);
    assertThat(CacheLab.isStale(resolver.resolve(WWW, Type.A))).isTrue();
    CacheLab.reviveUpstream(lab);
    lab.clearQueries();

    Resolution stale = resolver.resolve(WWW, Type.A);

    assertThat(CacheLab.isStale(stale)).isTrue();
    assertThat(stale.upstreamQueries()).isZero();
    assertThat(lab.queryCount()).isZero();
  }

  /* ---- the stale answer's TTL ---- */

  @Test
  @DisplayName("RFC 8767 §4: a stale answer carries the configured TTL, never more than the data's own")
  void staleAnswer_carriesTheConfiguredTtl() {
    resolver = CacheLab.resolverFor(lab, ticker).serveStale(Duration.ofHours(1), Duration.ofSeconds(7))
        .staleAnswerTimeout(Duration.ZERO).build();
    cacheThenExpire();

    assertThat(resolver.resolve(WWW, Type.A).ttl()).isEqualTo(Duration.ofSeconds(7));
  }
}
