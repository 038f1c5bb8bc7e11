package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.internal.servers.FakeTicker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * The resolution cache: a fully cached chain is answered whole, with the TTLs the hop-by-hop walk
 * would give, and never once an entry it was built from changed. A whole hit shows in the trace as
 * one cache event; the walk shows one per hop.
 */
@DisplayName("Resolution cache: whole hits, and every way they are invalidated")
class ResolutionCacheTest extends ChainLabTest {

  private static final Name START = Name.fromConstantString("start.alpha.lab.");
  private static final Name HOP1 = Name.fromConstantString("hop1.beta.lab.");
  private static final Name HOP2 = Name.fromConstantString("hop2.gamma.test.");
  private static final Name FINAL = Name.fromConstantString("final.alpha.lab.");

  private final FakeTicker ticker = new FakeTicker();
  private final RRsetCache cache = RRsetCache.builder().timeSource(ticker).build();
  private Resolver cached;

  @BeforeEach
  void warm() {
    cached = ChainLab.resolverFor(lab).timeSource(ticker).cache(cache).recordTrace(true).build();
    assertThat(cached.resolve(START, Type.A).upstreamQueries()).isPositive();
    lab.clearQueries();
  }

  @AfterEach
  void closeCached() {
    cached.close();
  }

  private static boolean whole(Resolution resolution) {
    return resolution.trace().size() == 1
        && resolution.trace().get(0) instanceof TraceEvent.CacheHit hit
        && hit.what().contains("resolution cache");
  }

  private static List<Long> hopTtls(Resolution resolution) {
    return resolution.chain().stream().map(hop -> hop.ttl().toSeconds()).toList();
  }

  @Test
  @DisplayName("A warm chain is one whole hit, with remaining TTLs, hops from the cache, no query")
  void warmChain_isWholeHit_withRemainingTtls() {
    ticker.advanceSeconds(10);
    Resolution hit = cached.resolve(START, Type.A);

    assertThat(whole(hit)).as("trace %s", hit.trace()).isTrue();
    assertThat(hit).isInstanceOfSatisfying(Resolution.Answer.class, answer ->
        assertThat(answer.records()).singleElement().satisfies(a -> assertThat(a.getTTL()).isEqualTo(3590)));
    assertThat(hopTtls(hit)).containsExactly(290L, 110L, 50L, 190L);
    assertThat(hit.chain()).allSatisfy(hop -> assertThat(hop.fromCache()).isTrue());
    assertThat(hit.chain()).allSatisfy(hop -> assertThat(hop.record().getTTL()).isEqualTo(hop.ttl().toSeconds()));
    assertThat(hit.ttl()).isEqualTo(Duration.ofSeconds(50));
    assertThat(hit.upstreamQueries()).isZero();
    assertThat(lab.queries()).isEmpty();
  }

  @Test
  @DisplayName("Untraced hits share one immutable outcome while its TTLs hold, and a new one a second later")
  void untracedHits_shareOneOutcomePerSecond() {
    try (Resolver untraced = ChainLab.resolverFor(lab).timeSource(ticker).cache(cache).build()) {
      untraced.resolve(START, Type.A); // walks, and keeps the chain
      ticker.advance(Duration.ofMillis(1));
      Resolution first = untraced.resolve(START, Type.A);
      ticker.advance(Duration.ofMillis(998));
      Resolution sameSecond = untraced.resolve(START, Type.A);
      ticker.advance(Duration.ofMillis(2));
      Resolution nextSecond = untraced.resolve(START, Type.A);

      assertThat(sameSecond).isSameAs(first);
      assertThat(nextSecond).isNotSameAs(first);
      assertThat(nextSecond.ttl()).isEqualTo(first.ttl().minusSeconds(1));
      Resolution.Answer answer = (Resolution.Answer) first;
      RRset handedOut = answer.rrset();
      handedOut.clear();
      assertThat(answer.records()).as("a caller's copy, not the shared set").hasSize(1);
    }
  }

  @Test
  @DisplayName("Same as the walk: the hit equals what a resolver without it reads hop by hop")
  void wholeHit_equalsTheWalk() {
    ticker.advanceSeconds(7);
    Resolution hit = cached.resolve(START, Type.A);
    cache.invalidate(FINAL, Type.A, DClass.IN); // forces the walk once, and refetches the A
    Resolution walked = cached.resolve(START, Type.A);
    Resolution hitAgain = cached.resolve(START, Type.A);

    assertThat(whole(hit)).isTrue();
    assertThat(whole(walked)).isFalse();
    assertThat(whole(hitAgain)).isTrue();
    assertThat(hitAgain.chain()).isEqualTo(walked.chain());
    assertThat(hit.chainRecords()).isEqualTo(walked.chainRecords());
    assertThat(hitAgain.ttl()).isEqualTo(walked.ttl());
  }

  @Test
  @DisplayName("Replaced: a new CNAME target for a hop is followed at once")
  void replacedHop_isFollowed() {
    RRset shortcut = new RRset(new CNAMERecord(HOP1, DClass.IN, 120, FINAL));
    assertThat(cache.put(shortcut, TrustRank.AUTHORITATIVE_ANSWER)).isTrue();

    Resolution after = cached.resolve(START, Type.A);

    assertThat(whole(after)).isFalse();
    assertThat(after.chain()).extracting(Hop::target).containsExactly(HOP1, FINAL);
    assertThat(whole(cached.resolve(START, Type.A))).as("the new chain is kept whole").isTrue();
  }

  @Test
  @DisplayName("Invalidated: one hop dropped from the RRset cache sends the walk upstream for it")
  void invalidatedHop_goesUpstream() {
    cache.invalidate(HOP2, Type.CNAME, DClass.IN);

    Resolution after = cached.resolve(START, Type.A);

    assertThat(whole(after)).isFalse();
    assertThat(after.upstreamQueries()).isPositive();
    assertThat(after.chain()).hasSize(4);
  }

  @Test
  @DisplayName("invalidateAll: no whole hit survives it")
  void invalidateAll_dropsWholeHits() {
    cache.invalidateAll();

    Resolution after = cached.resolve(START, Type.A);

    assertThat(whole(after)).isFalse();
    assertThat(after.upstreamQueries()).isPositive();
  }

  @Test
  @DisplayName("Expired: whole until the chain's shortest TTL (60 s) runs out, then walked again")
  void shortestTtl_endsTheWholeHit() {
    ticker.advanceSeconds(59);
    Resolution last = cached.resolve(START, Type.A);
    assertThat(whole(last)).isTrue();
    assertThat(last.ttl()).isEqualTo(Duration.ofSeconds(1));

    ticker.advanceSeconds(1);
    Resolution after = cached.resolve(START, Type.A);

    assertThat(whole(after)).isFalse();
    assertThat(lab.queries()).isNotEmpty().allSatisfy(query -> assertThat(query.qname()).isEqualTo(HOP2));
    assertThat(hopTtls(after)).containsExactly(240L, 60L, 60L, 140L);
  }

  @Test
  @DisplayName("Evicted: a hop the byte budget pushed out is never answered from the resolution cache")
  void evictedHop_isNotUsed() {
    RRsetCache small = RRsetCache.builder().timeSource(ticker).maximumBytes(32 << 10).executor(Runnable::run).build();
    try (Resolver tight = ChainLab.resolverFor(lab).timeSource(ticker).cache(small).recordTrace(true).build()) {
      tight.resolve(START, Type.A);
      for (int i = 0; i < 2_000; i++) {
        small.put(new RRset(new CNAMERecord(Name.fromConstantString("filler" + i + ".example."), DClass.IN,
            300, FINAL)), TrustRank.AUTHORITATIVE_ANSWER);
        small.lookup(Name.fromConstantString("filler" + i + ".example."), Type.CNAME, DClass.IN);
      }
      small.cleanUp();
      boolean hopsAllStored = small.lookup(HOP2, Type.CNAME, DClass.IN) instanceof CacheLookup.Hit
          && small.lookup(HOP1, Type.CNAME, DClass.IN) instanceof CacheLookup.Hit
          && small.lookup(START, Type.CNAME, DClass.IN) instanceof CacheLookup.Hit
          && small.lookup(FINAL, Type.A, DClass.IN) instanceof CacheLookup.Hit;
      assertThat(hopsAllStored).as("the fillers evicted part of the chain").isFalse();

      assertThat(whole(tight.resolve(START, Type.A))).isFalse();
    }
  }

  @Test
  @DisplayName("NXDOMAIN at the end of a chain is kept whole too, with the SOA's remaining TTL")
  void nxDomain_isWholeHit() {
    Name dangling = Name.fromConstantString("dangling.alpha.lab.");
    cached.resolve(dangling, Type.A);
    ticker.advanceSeconds(5);

    Resolution hit = cached.resolve(dangling, Type.A);

    assertThat(whole(hit)).isTrue();
    assertThat(hit).isInstanceOfSatisfying(Resolution.NxDomain.class,
        nx -> assertThat(nx.soa().getTTL()).isEqualTo(295));
    assertThat(hit.upstreamQueries()).isZero();
  }

  @Test
  @DisplayName("Another spelling of the name is walked, so the chain keeps the spelling asked for")
  void otherSpelling_isWalked() {
    Resolution upper = cached.resolve(Name.fromConstantString("START.alpha.lab."), Type.A);

    assertThat(whole(upper)).isFalse();
    assertThat(upper.chain().get(0).owner().toString()).isEqualTo("START.alpha.lab.");
    assertThat(upper.upstreamQueries()).isZero();
  }

  @Test
  @DisplayName("Callbacks that run inline (a server's) get the answer before the chain is kept whole, which it is right after")
  void inlineCallbacks_getTheAnswerFirst_andTheChainIsKeptRightAfter() throws Exception {
    try (Resolver inline = ChainLab.resolverFor(lab).callbackExecutor(Runnable::run).build()) {
      AtomicLong keptAtAnswer = new AtomicLong(-1);
      Resolution answer = inline.resolveAsync(START, Type.A).thenApply(resolution -> {
        keptAtAnswer.set(inline.metrics().caches().resolutionEntries());
        return resolution;
      }).get(10, TimeUnit.SECONDS);

      assertThat(answer).isInstanceOf(Resolution.Answer.class);
      assertThat(keptAtAnswer).as("nothing kept yet as the answer goes out").hasValue(0);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (inline.metrics().caches().resolutionEntries() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(inline.metrics().caches().resolutionEntries()).as("kept by the thread that answered").isEqualTo(1);
    }
  }

  @Test
  @DisplayName("Callbacks that run inline get the answer before the last reply's data is cached, which it is before the chain is kept")
  void inlineCallbacks_getTheAnswerFirst_andTheLastReplyIsCachedRightAfter() throws Exception {
    RRsetCache fresh = RRsetCache.builder().build();
    try (Resolver inline = ChainLab.resolverFor(lab).cache(fresh).callbackExecutor(Runnable::run).build()) {
      AtomicBoolean cachedAtAnswer = new AtomicBoolean(true);
      Resolution answer = inline.resolveAsync(START, Type.A).thenApply(resolution -> {
        cachedAtAnswer.set(fresh.lookup(FINAL, Type.A, DClass.IN) instanceof CacheLookup.Hit);
        return resolution;
      }).get(10, TimeUnit.SECONDS);

      assertThat(answer).isInstanceOf(Resolution.Answer.class);
      assertThat(cachedAtAnswer).as("the final data not cached yet as the answer goes out").isFalse();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (inline.metrics().caches().resolutionEntries() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(inline.metrics().caches().resolutionEntries()).as("the chain kept whole, from the data").isEqualTo(1);
      assertThat(fresh.lookup(FINAL, Type.A, DClass.IN)).isInstanceOf(CacheLookup.Hit.class);
    }
  }

  @Test
  @DisplayName("Asked again from callbacks that run inline, before the chain is kept, the question joins the resolution"
      + " in flight: nothing is asked again upstream")
  void inlineCallbacks_askingAgain_joinTheResolutionInFlight() throws Exception {
    RRsetCache fresh = RRsetCache.builder().build();
    try (Resolver inline = ChainLab.resolverFor(lab).cache(fresh).callbackExecutor(Runnable::run).build()) {
      lab.clearQueries();
      AtomicReference<CompletableFuture<Resolution>> again = new AtomicReference<>();
      Resolution answer = inline.resolveAsync(START, Type.A).thenApply(resolution -> {
        again.set(inline.resolveAsync(START, Type.A));
        return resolution;
      }).get(10, TimeUnit.SECONDS);
      int queries = lab.queryCount();

      Resolution second = again.get().get(10, TimeUnit.SECONDS);

      assertThat(second.answerSection()).isEqualTo(answer.answerSection());
      assertThat(lab.queryCount()).as("no query for the data the last reply brought").isEqualTo(queries);
    }
  }

  @Test
  @DisplayName("A synchronous caller gets the answer once the last reply's data is cached")
  void synchronousCaller_getsTheAnswerOnceTheDataIsCached() {
    RRsetCache fresh = RRsetCache.builder().build();
    try (Resolver walking = ChainLab.resolverFor(lab).cache(fresh).build()) {
      assertThat(walking.resolve(START, Type.A).upstreamQueries()).isPositive();

      assertThat(fresh.lookup(FINAL, Type.A, DClass.IN)).isInstanceOf(CacheLookup.Hit.class);
    }
  }

  @Test
  @DisplayName("A synchronous caller gets the answer once the chain is kept whole")
  void synchronousCaller_getsTheAnswerOnceKept() {
    Resolution walked = resolver.resolve(START, Type.A);

    assertThat(walked.upstreamQueries()).isPositive();
    assertThat(resolver.metrics().caches().resolutionEntries()).isEqualTo(1);
  }
}
