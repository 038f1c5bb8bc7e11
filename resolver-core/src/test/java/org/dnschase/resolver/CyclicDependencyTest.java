package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * tsuNAME (RFC 9520): two zones whose only name servers live in each other, without glue. The
 * resolution ends in a typed failure naming the cycle, and the failure is cached for a while so a
 * repeated question sends nothing upstream.
 */
class CyclicDependencyTest {

  /**
   * cyc-a.test is served by ns.cyc-b.test and cyc-b.test by ns.cyc-a.test: no glue for either. The
   * delegations live 2 s, so after that only the cached failure keeps a repeat from asking test.
   */
  static final ZoneTree TREE = LabZones.rootAndTest()
      .zone("cyc-a.test.", a -> a.server("ns.cyc-b.test.", "127.53.31.2").delegationTtl(2)
          .records("www A 192.0.2.1"))
      .zone("cyc-b.test.", b -> b.server("ns.cyc-a.test.", "127.53.31.1").delegationTtl(2)
          .records("www A 192.0.2.2"))
      .zone("fine.test.", "ns", "127.53.32.1", "www A 192.0.2.3")
      .build();

  @Lab static TestHierarchy lab;
  final AtomicLong nanos = new AtomicLong();
  /** Moves only when a test says so: the failure TTL and the cache TTLs are read from it. */
  final TimeSource ticker = TimeSource.ofNanos(Instant.EPOCH, nanos::get);
  Resolver resolver;

  @BeforeEach
  void newResolver() {
    // The frozen ticker never passes the deadline; every server here answers, so nothing waits on it.
    resolver = ChainLab.resolverFor(lab).timeSource(ticker).build();
    lab.clearQueries();
  }

  @AfterEach
  void closeResolver() {
    resolver.close();
  }

  @Test
  @DisplayName("RFC 9520: a cyclic glueless dependency ends typed, naming the cycle, with bounded queries")
  void cyclicPair_endsTyped() {
    Resolution result = resolver.resolve("www.cyc-a.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    Resolution.Failure failure = (Resolution.Failure) result;
    assertThat(failure.reason()).isEqualTo(FailureReason.CYCLIC_DEPENDENCY);
    assertThat(failure.detail()).contains("ns.cyc-b.test. (for cyc-a.test.) -> ns.cyc-a.test. (for cyc-b.test.)"
        + " -> ns.cyc-b.test. (for cyc-a.test.)");
    // Priming, the root, test. for cyc-a, test. for cyc-b: the cycle is seen before a single query
    // goes to a server the cycle hides (and before the depth limit would have stopped it).
    assertThat(lab.queryCount()).isLessThanOrEqualTo(4);
  }

  @Test
  @DisplayName("RFC 9520 §3: repeating the question within the failure TTL sends no query, though the delegations expired")
  void repeatWithinTtl_sendsNothing() {
    resolver.resolve("www.cyc-a.test.", Type.A);
    lab.clearQueries();
    nanos.addAndGet(Duration.ofSeconds(4).toNanos());

    Resolution again = resolver.resolve("www.cyc-a.test.", Type.A);
    Resolution other = resolver.resolve("ns.cyc-a.test.", Type.A);

    assertThat(again).extracting(r -> ((Resolution.Failure) r).reason()).isEqualTo(FailureReason.CYCLIC_DEPENDENCY);
    assertThat(other).extracting(r -> ((Resolution.Failure) r).reason()).isEqualTo(FailureReason.CYCLIC_DEPENDENCY);
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("RFC 9520 §3: once the failure TTL has passed the question is asked again")
  void afterTtl_asksAgain() {
    resolver.resolve("www.cyc-a.test.", Type.A);
    lab.clearQueries();
    nanos.addAndGet(Duration.ofSeconds(6).toNanos());

    Resolution again = resolver.resolve("www.cyc-a.test.", Type.A);

    assertThat(again).extracting(r -> ((Resolution.Failure) r).reason()).isEqualTo(FailureReason.CYCLIC_DEPENDENCY);
    assertThat(lab.queryCount()).isPositive();
  }

  @Test
  @DisplayName("a zone beside the cycle is not affected by its cached failure")
  void unrelatedZone_stillResolves() {
    resolver.resolve("www.cyc-a.test.", Type.A);

    assertThat(resolver.resolve("www.fine.test.", Type.A)).isInstanceOf(Resolution.Answer.class);
  }
}
