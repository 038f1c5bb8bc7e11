package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.FaultToleranceTest.addresses;

import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.zones.ForwardZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * RFC 1035 §4.2.1 and RFC 1536 §1: the wait for a server's reply is based on what its replies took
 * (RFC 6298's estimator, as Unbound's infra cache keeps it), with exponential back-off, rather than
 * one fixed timeout that a slow server never meets and a dead one always costs in full. Default
 * budgets throughout: the waits are the resolver's own.
 */
class AdaptiveTimeoutTest extends FaultLabFixture {

  /** Fresh resolvers tried until one picks the silent server first (the choice is random): 2^-20 to miss. */
  private static final int ATTEMPTS = 20;

  @Test
  @DisplayName("RFC 6298 §5.5: a server that always answers after 2 s is answered once its wait has doubled past that, and waited for at once next time")
  void slowServer_answeredAfterBackingOff() {
    AuthServer slow = lab.server(FaultLab.address(FaultLab.ONE_SERVER));
    slow.setFault(new Fault.Delay(Duration.ofSeconds(2)));
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      Resolution first = resolver.resolve("www.one.test.", Type.A);

      assertThat(addresses(first)).as("%s", first).containsExactly("192.0.2.3");
      assertThat(first.diagnostics()).filteredOn(d -> d.kind() == Diagnostic.Oddity.SERVER_TIMEOUT).isNotEmpty();

      slow.clearQueries();
      Resolution next = resolver.resolve(FaultLab.LONG_LABEL + ".one.test.", Type.A);

      assertThat(addresses(next)).as("%s", next).containsExactly("192.0.2.5");
      assertThat(slow.queryCount()).as("the wait it earned is kept").isEqualTo(1);
    }
  }

  @Test
  @DisplayName("RFC 1536 §1: the reply to an attempt whose wait ran out still counts while the retry is out: a server that answers in 2.9 s is answered within a 3 s deadline, by its first query")
  void slowServerAtTheDeadline_answeredByTheAttemptThatTimedOut() {
    AuthServer slow = lab.server(FaultLab.address(FaultLab.ONE_SERVER));
    slow.setFault(new Fault.Delay(Duration.ofMillis(2900)));
    try (Resolver resolver = ChainLab.resolverFor(lab).forwardZone(ForwardZone.of("one.test.", FaultLab.ONE_SERVER))
        .budgets(Budgets.DEFAULTS.withDeadline(Duration.ofSeconds(3))).recordTrace(true).build()) {
      Resolution first = resolver.resolve("www.one.test.", Type.A);

      assertThat(addresses(first)).as("%s", first).containsExactly("192.0.2.3");
      assertThat(slow.queryCount()).as("the first query, and its retry after the first wait (1 s)").isEqualTo(2);
      assertThat(first.upstreamQueries()).isEqualTo(2);
      List<TraceEvent.Exchange> exchanges = first.trace().stream().filter(TraceEvent.Exchange.class::isInstance)
          .map(TraceEvent.Exchange.class::cast).toList();
      assertThat(exchanges).extracting(TraceEvent.Exchange::outcome).containsExactly("timeout", "ANSWER");
      assertThat(exchanges.get(1).rtt()).as("the reply's round trip is its own query's")
          .isGreaterThanOrEqualTo(Duration.ofMillis(2900));

      slow.clearQueries();
      Resolution next = resolver.resolve(FaultLab.LONG_LABEL + ".one.test.", Type.A);

      assertThat(addresses(next)).as("the late reply's round trip is learnt, and the server not marked down: %s", next)
          .containsExactly("192.0.2.5");
      assertThat(slow.queryCount()).as("waited for as long as its replies take").isEqualTo(1);
    }
  }

  @Test
  @DisplayName("RFC 6298 §2.1: a silent server never asked before costs the first wait (1 s), not the fixed 1.5 s, and is asked last next time")
  void silentServerBesideLiveOne_costsLittleAndIsBackedOff() {
    first.setFault(new Fault.Drop());
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      lab.clearQueries();
      try (Resolver resolver = ChainLab.resolverFor(lab).recordTrace(true).build()) {
        Resolution result = resolver.resolve("www.two.test.", Type.A);
        assertThat(addresses(result)).as("%s", result).containsExactly("192.0.2.1");
        List<Duration> waits = result.trace().stream()
            .filter(event -> event instanceof TraceEvent.Exchange exchange && exchange.outcome().equals("timeout"))
            .map(event -> ((TraceEvent.Exchange) event).rtt()).toList();
        if (waits.isEmpty()) {
          continue; // the live server was picked first: the silent one never showed itself
        }
        assertThat(waits).singleElement().satisfies(wait -> assertThat(wait).isLessThan(Duration.ofMillis(1500)));

        int asked = first.queryCount();
        for (int i = 1; i <= 3; i++) {
          assertThat(addresses(resolver.resolve("n" + i + ".two.test.", Type.A))).hasSize(1);
        }
        assertThat(first.queryCount()).as("the silent server is asked after the live one").isEqualTo(asked);
        return;
      }
    }
    throw new AssertionError("the silent server was never picked first in " + ATTEMPTS + " attempts");
  }
}
