package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dnschase.resolver.Resolver.QueryOptions;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Per-question options: cache only (a server's RD=0), trace, and what keeps questions apart. */
class QueryOptionsTest extends ChainLabTest {

  private static final QueryOptions CACHE_ONLY = QueryOptions.DEFAULTS.withCacheOnly(true);

  /* ---- cache only ---- */

  @Test
  @DisplayName("RFC 1035 §4.3.1 RD=0: a cold resolver answers a cache-only question with NOT_CACHED, sending nothing")
  void cacheOnly_onAColdCache_isNotCachedWithoutAQuery() {
    Resolution result = resolver.resolve("final.alpha.lab.", Type.A, CACHE_ONLY);

    assertThat(result).isInstanceOfSatisfying(Resolution.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.NOT_CACHED));
    assertThat(result.upstreamQueries()).isZero();
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("a cache-only question for a name in a cached zone stops at that zone's servers, unasked")
  void cacheOnly_belowACachedZoneCut_namesTheZoneItDidNotAsk() {
    resolver.resolve("final.alpha.lab.", Type.A);
    lab.clearQueries();

    Resolution result = resolver.resolve("nothere.alpha.lab.", Type.A, CACHE_ONLY);

    assertThat(result).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.NOT_CACHED);
      assertThat(failure.detail()).contains("alpha.lab.");
    });
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("a cached chain is answered to a cache-only question exactly as to any other, with no query")
  void cacheOnly_onACachedChain_answersFromTheCache() {
    Resolution warm = resolver.resolve("start.alpha.lab.", Type.A);
    lab.clearQueries();

    Resolution cached = resolver.resolve("start.alpha.lab.", Type.A, CACHE_ONLY);

    assertThat(cached).isInstanceOf(Resolution.Answer.class);
    assertThat(cached.answerSection()).isEqualTo(warm.answerSection());
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("a chain cached only in part ends NOT_CACHED with the hops the cache held, sending nothing")
  void cacheOnly_onAPartlyCachedChain_keepsTheCachedHops() {
    resolver.resolve("start.alpha.lab.", Type.A);
    resolver.invalidate(Name.fromConstantString("final.alpha.lab."));
    lab.clearQueries();

    Resolution partial = resolver.resolve("start.alpha.lab.", Type.A, CACHE_ONLY);

    assertThat(partial).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.NOT_CACHED);
      assertThat(failure.chain()).extracting(hop -> hop.target().toString())
          .containsExactly("hop1.beta.lab.", "hop2.gamma.test.", "hop3.delta.test.", "final.alpha.lab.");
    });
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("a cache-only question never shares the resolution of the same question going upstream")
  void cacheOnly_isNotCoalescedWithAnUpstreamResolution() {
    lab.servers().forEach(server -> server.setFault(new Fault.Delay(Duration.ofMillis(300))));
    try {
      CompletableFuture<Resolution> upstream = resolver.resolveAsync("final.alpha.lab.", Type.A);

      Resolution cacheOnly = resolver.resolve("final.alpha.lab.", Type.A, CACHE_ONLY);

      assertThat(cacheOnly).isInstanceOfSatisfying(Resolution.Failure.class,
          failure -> assertThat(failure.reason()).isEqualTo(FailureReason.NOT_CACHED));
      assertThat(upstream.join()).isInstanceOf(Resolution.Answer.class);
    } finally {
      lab.servers().forEach(AuthServer::clearFault);
    }
  }

  /* ---- trace ---- */

  @Test
  @DisplayName("a question may ask for its trace from a resolver built without traces")
  void traceOn_overridesTheResolversDefault() {
    Resolution traced = resolver.resolve("start.alpha.lab.", Type.A, QueryOptions.DEFAULTS.withTrace(true));
    Resolution untraced = resolver.resolve("start.alpha.lab.", Type.A);

    assertThat(traced.trace()).isNotEmpty();
    assertThat(untraced.trace()).isEmpty();
  }

  @Test
  @DisplayName("a question may go untraced on a resolver that traces")
  void traceOff_overridesTheResolversDefault() {
    try (Resolver tracing = ChainLab.resolverFor(lab).recordTrace(true).build()) {
      Resolution untraced = tracing.resolve("start.alpha.lab.", Type.A, QueryOptions.DEFAULTS.withTrace(false));
      Resolution traced = tracing.resolve("start.alpha.lab.", Type.A);

      assertThat(untraced.trace()).isEmpty();
      assertThat(traced.trace()).isNotEmpty();
    }
  }

  /* ---- the value ---- */

  @Test
  @DisplayName("each with* sets its own option and keeps the others")
  void withers_setOneOptionEach() {
    QueryOptions all = QueryOptions.DEFAULTS.withCacheOnly(true).withCheckingDisabled(true).withDnssecOk(true)
        .withTrace(true);

    assertThat(all).extracting(QueryOptions::cacheOnly, QueryOptions::checkingDisabled, QueryOptions::dnssecOk,
        QueryOptions::trace).containsExactly(true, true, true, QueryOptions.Trace.ON);
    assertThat(all.withCheckingDisabled(false)).extracting(QueryOptions::cacheOnly, QueryOptions::checkingDisabled,
        QueryOptions::dnssecOk, QueryOptions::trace).containsExactly(true, false, true, QueryOptions.Trace.ON);
  }

  @Test
  @DisplayName("options are a value: equal options keep equal questions together, any difference keeps them apart")
  void options_areEqualByValue() {
    QueryOptions cacheOnly = QueryOptions.DEFAULTS.withCacheOnly(true);

    assertThat(cacheOnly).isEqualTo(QueryOptions.DEFAULTS.withCacheOnly(true))
        .hasSameHashCodeAs(QueryOptions.DEFAULTS.withCacheOnly(true));
    assertThat(cacheOnly.withCacheOnly(false)).isEqualTo(QueryOptions.DEFAULTS);
    assertThat(List.of(cacheOnly.withCheckingDisabled(true), cacheOnly.withDnssecOk(true), cacheOnly.withTrace(true),
        cacheOnly.withTrace(false), QueryOptions.DEFAULTS)).doesNotContain(cacheOnly).doesNotHaveDuplicates();
  }
}
