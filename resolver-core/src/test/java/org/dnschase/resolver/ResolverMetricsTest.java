package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.CacheLab.MISSING;
import static org.dnschase.resolver.CacheLab.WWW;
import static org.dnschase.resolver.CacheLab.WWW_TTL;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.internal.servers.FakeTicker;
import org.dnschase.resolver.metrics.LatencyHistogram;
import org.dnschase.resolver.metrics.MetricsSnapshot;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * {@link Resolver#metrics()} over loopback: known traffic, counted exactly. The upstream figures
 * are checked against what the lab's servers saw.
 */
class ResolverMetricsTest {

  private static final Name OTHER = Name.fromConstantString("other.shop.test.");

  @Lab("CacheLab#start") private static TestHierarchy lab;
  private static AuthServer shop;
  private Resolver resolver;

  @BeforeAll
  static void startLab() throws Exception {
    shop = lab.server(InetAddress.getByName("127.53.40.3"));
  }

  @BeforeEach
  void clearLab() {
    lab.clearQueries();
  }

  @AfterEach
  void close() {
    CacheLab.reviveUpstream(lab);
    if (resolver != null) {
      resolver.close();
    }
  }

  private Resolver resolver(TimeSource ticker) {
    resolver = CacheLab.resolverFor(lab, ticker).build();
    return resolver;
  }

  @Test
  @DisplayName("ten questions of every kind: each is one question, a hit or a miss, and one outcome of its kind")
  void knownTraffic_isCountedExactly() {
    FakeTicker ticker = new FakeTicker();
    Resolver resolver = resolver(ticker);

    assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class); // 4 queries: priming, then root, test, shop
    ticker.advance(Duration.ofMillis(3)); // moves nothing but what a walk started now measures
    resolver.resolve(WWW, Type.A); // resolution cache
    assertThat(resolver.resolve(MISSING, Type.A)).isInstanceOf(Resolution.NxDomain.class); // 1 query
    resolver.resolve(MISSING, Type.A); // resolution cache
    assertThat(resolver.resolve("localhost.", Type.A)).isInstanceOf(Resolution.Answer.class); // at hand
    assertThat(resolver.resolve(WWW, Type.TXT)).isInstanceOf(Resolution.NoData.class); // 1 query
    resolver.resolve(WWW, Type.TXT); // resolution cache
    assertThat(resolver.resolve(WWW, Type.MX)).isInstanceOf(Resolution.NoData.class); // 1 query
    assertThat(resolver.resolve(WWW, Type.MX).upstreamQueries()).isZero(); // MX is walked over the RRset cache
    assertThat(resolver.resolve("foo.invalid.", Type.A)).isInstanceOf(Resolution.NxDomain.class); // at hand

    MetricsSnapshot metrics = resolver.metrics();

    assertThat(metrics.questions()).isEqualTo(new MetricsSnapshot.Questions(10, 6, 4, 3, 0, 0, 0, 0));
    assertThat(lab.queryCount()).isEqualTo(7);
    assertThat(metrics.upstream()).isEqualTo(new MetricsSnapshot.Upstream(7, 7, 0, 0, 0));
    assertThat(metrics.outcomes().answers()).isEqualTo(3);
    assertThat(metrics.outcomes().noData()).isEqualTo(4);
    assertThat(metrics.outcomes().nxDomain()).isEqualTo(3);
    assertThat(metrics.outcomes().failures().values()).containsOnly(0L);
    assertThat(metrics.outcomes().rcodes()).isEqualTo(Map.of("NOERROR", 7L, "NXDOMAIN", 3L));
    // the five walks (four misses and the MX walk), on a clock that stood still but once
    LatencyHistogram times = metrics.resolutionTime();
    assertThat(times.count()).isEqualTo(5);
    assertThat(times.count(0)).isEqualTo(5);
    assertThat(metrics.caches().resolutionEntries()).isEqualTo(3); // A, NXDOMAIN, TXT; never MX
    assertThat(metrics.caches().resolutionBytes()).isPositive();
    assertThat(metrics.caches().rrsetEntries()).isEqualTo(resolver.cacheStats().entries()).isPositive();
    assertThat(resolver.cacheStats().hits() + resolver.cacheStats().negativeHits())
        .as("the resolution cache's hits still show in cacheStats").isGreaterThanOrEqualTo(3);
  }

  @Test
  @DisplayName("a walk's time lands in its bucket of the histogram, read from the resolver's clock")
  void resolutionTime_isReadFromTheResolversClock() {
    FakeTicker ticker = new FakeTicker();
    Resolver resolver = resolver(ticker);
    shop.setFault(new Fault.Delay(Duration.ofMillis(50)));
    CompletableFuture<Resolution> answer = resolver.resolveAsync(WWW, Type.A);
    CacheLab.awaitUntil("the question at the shop's server", () -> shop.queryCount() == 1);
    ticker.advance(Duration.ofMillis(3)); // [2.097152 ms, 4.194304 ms): bucket 12

    assertThat(answer.join()).isInstanceOf(Resolution.Answer.class);
    // counted right after the hand-over, which join() may see first
    CacheLab.awaitUntil("the walk counted", () -> resolver.metrics().resolutionTime().count() == 1);
    LatencyHistogram times = resolver.metrics().resolutionTime();

    assertThat(times.count()).isOne();
    assertThat(times.count(12)).isOne();
    assertThat(times.total()).isEqualTo(Duration.ofMillis(3));
  }

  @Test
  @DisplayName("callbacks that run inline get the outcome before it is counted, which it is right after, timed to the hand-over")
  void inlineCallbacks_getTheOutcomeBeforeItIsCounted_timedToTheHandOver() {
    FakeTicker ticker = new FakeTicker();
    resolver = CacheLab.resolverFor(lab, ticker).callbackExecutor(Runnable::run).build();
    AtomicLong inFlightAtAnswer = new AtomicLong(-1);
    // the shop answers late, so the callback is attached before the walk ends: attached after, it
    // would run on this thread once the walk was already counted
    shop.setFault(new Fault.Delay(Duration.ofMillis(200)));

    resolver.resolveAsync(WWW, Type.A).thenAccept(resolution -> {
      inFlightAtAnswer.set(resolver.metrics().questions().inFlight());
      ticker.advance(Duration.ofMillis(3)); // the caller's own work, after the hand-over
    }).join();
    CacheLab.awaitUntil("the walk counted", () -> resolver.metrics().resolutionTime().count() == 1);
    MetricsSnapshot metrics = resolver.metrics();

    assertThat(inFlightAtAnswer).as("still in flight as the answer goes out").hasValue(1);
    assertThat(metrics.questions().inFlight()).isZero();
    assertThat(metrics.outcomes().answers()).isOne();
    assertThat(metrics.resolutionTime().total()).as("the walk's time, on a clock that stood still").isZero();
  }

  @Test
  @DisplayName("identical questions at once: one resolution in flight, two questions, two misses, one timed walk")
  void coalescedQuestions_countOneResolutionInFlight() {
    Resolver resolver = resolver(TimeSource.system());
    shop.setFault(new Fault.Delay(Duration.ofMillis(300)));

    CompletableFuture<Resolution> first = resolver.resolveAsync(WWW, Type.A);
    CompletableFuture<Resolution> second = resolver.resolveAsync(WWW, Type.A);
    CacheLab.awaitUntil("the question at the shop's server", () -> shop.queryCount() == 1);
    assertThat(resolver.metrics().questions().inFlight()).isOne();
    first.join();
    second.join();
    MetricsSnapshot metrics = resolver.metrics();

    assertThat(metrics.questions()).isEqualTo(new MetricsSnapshot.Questions(2, 0, 2, 0, 0, 0, 0, 0));
    assertThat(metrics.outcomes().answers()).isEqualTo(2);
    assertThat(metrics.resolutionTime().count()).isOne();
    assertThat(metrics.upstream().queries()).isEqualTo(4).isEqualTo(lab.queryCount());
  }

  @Test
  @DisplayName("a truncated reply asked again over TCP: one exchange, counted once over UDP and once over TCP")
  void truncatedReply_countsUdpAndTcp() {
    Resolver resolver = resolver(TimeSource.system());
    shop.setFault(new Fault.TruncateUdp());

    assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
    MetricsSnapshot.Upstream upstream = resolver.metrics().upstream();

    assertThat(lab.queries()).filteredOn(query -> query.transport() == RecordedQuery.Transport.TCP).hasSize(1);
    assertThat(upstream).isEqualTo(new MetricsSnapshot.Upstream(4, 4, 1, 0, 0));
  }

  @Test
  @DisplayName("a server that drops everything: each query to it times out, and each but the first is a retry")
  void droppedQueries_countTimeoutsAndRetries() {
    resolver = CacheLab.resolverFor(lab, TimeSource.system())
        .budgets(Budgets.DEFAULTS.withQueryTimeout(Duration.ofMillis(100))).build();
    resolver.resolve(WWW, Type.A); // the delegations are cached: only the shop's server is asked below
    lab.clearQueries();
    MetricsSnapshot before = resolver.metrics();
    shop.setFault(new Fault.Drop());

    Resolution failed = resolver.resolve(OTHER, Type.A);
    MetricsSnapshot after = resolver.metrics();

    assertThat(failed).isInstanceOf(Resolution.Failure.class);
    int asked = lab.queryCount();
    assertThat(lab.queries()).allSatisfy(query -> assertThat(query.server()).isEqualTo(shop.address()));
    assertThat(asked).isGreaterThan(1);
    assertThat(after.upstream().queries() - before.upstream().queries()).isEqualTo(asked);
    assertThat(after.upstream().timeouts()).isEqualTo(asked);
    assertThat(after.upstream().retries()).isEqualTo(asked - 1);
    assertThat(after.outcomes().failures().get(((Resolution.Failure) failed).reason())).isOne();
    assertThat(after.outcomes().rcodes()).containsEntry("SERVFAIL", 1L);
  }

  @Test
  @DisplayName("serve-stale: an outcome from expired data is counted as a stale answer")
  void staleAnswer_isCounted() {
    FakeTicker ticker = new FakeTicker();
    resolver = CacheLab.resolverFor(lab, ticker).cache(RRsetCache.builder().timeSource(ticker)
        .serveStale(Duration.ofDays(1)).build()).budgets(CacheLab.FAST_FAILING).build();
    resolver.resolve(WWW, Type.A);
    ticker.advanceSeconds(WWW_TTL + 1);
    CacheLab.killUpstream(lab);

    Resolution stale = resolver.resolve(WWW, Type.A);

    assertThat(stale).isInstanceOf(Resolution.Answer.class);
    assertThat(resolver.metrics().questions().staleAnswers()).isOne();
  }

  @Test
  @DisplayName("recordMetrics(false): the same traffic counts nothing")
  void recordMetricsOff_countsNothing() {
    resolver = CacheLab.resolverFor(lab, TimeSource.system()).recordMetrics(false).build();
    resolver.resolve(WWW, Type.A);
    resolver.resolve(WWW, Type.A);
    MetricsSnapshot metrics = resolver.metrics();

    assertThat(metrics.questions()).isEqualTo(new MetricsSnapshot.Questions(0, 0, 0, 0, 0, 0, 0, 0));
    assertThat(metrics.upstream()).isEqualTo(new MetricsSnapshot.Upstream(0, 0, 0, 0, 0));
    assertThat(metrics.outcomes().total()).isZero();
    assertThat(metrics.resolutionTime().count()).isZero();
  }
}
