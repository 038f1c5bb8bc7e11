package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS1;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;

import java.time.Duration;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * A zone whose one server stopped answering (Unbound's infra cache: a server whose timeout reached
 * its cap is not asked until its entry runs out, then probed): after 3 timeouts in a row, the last
 * at the ceiling of its wait, the server is marked down, and a question that only it could answer
 * fails at once, naming it, instead of waiting for it again; once the mark runs out one question
 * probes it. Default budgets: the server is waited for 1, 2 and 3 s.
 */
class DownServerTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();
  private Resolver resolver;

  /** a.example.test. costs NS1 its 3 timeouts in a row: it is marked down for 5 s from then. */
  @BeforeEach
  void serverGoesSilent() {
    tree.walksToExample("a.example.test.");
    for (int i = 0; i < 3; i++) {
      transport.expect(NS1, "a.example.test.", Type.A).timeout();
    }
    resolver = tree.resolver(Budgets.DEFAULTS);

    Resolution first = resolver.resolve("a.example.test.", Type.A);

    assertFailedWithServerDown(first);
    assertThat(tree.ticker().elapsed()).as("waited 1 + 2 + 3 s").isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  @DisplayName("Unbound infra cache: the next name of a zone whose one server is marked down fails at once, sending nothing")
  void nextName_failsAtOnce() {
    transport.clearExchanges();

    Resolution next = resolver.resolve("b.example.test.", Type.A);

    assertFailedWithServerDown(next);
    assertThat(((Resolution.Failure) next).detail()).contains("asked again in 5.0 s");
    assertThat(transport.exchanges()).isEmpty();
    assertThat(tree.ticker().elapsed()).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  @DisplayName("Unbound's probe: once the mark has run out the server is asked again, and used by every query once it answers")
  void markRunsOut_serverAskedAgain_andUsedOnceItAnswers() {
    tree.ticker().advanceSeconds(5);
    tree.answers(NS1, "c.example.test.", "192.0.2.3");
    tree.answers(NS1, "d.example.test.", "192.0.2.4");

    assertThat(addresses(resolver.resolve("c.example.test.", Type.A))).containsExactly("192.0.2.3");
    assertThat(addresses(resolver.resolve("d.example.test.", Type.A))).containsExactly("192.0.2.4");
  }

  @Test
  @DisplayName("Unbound's probe: a probe that times out marks the server down again, for twice as long")
  void failedProbe_marksDownForTwiceAsLong() {
    tree.ticker().advanceSeconds(5);
    transport.expect(NS1, "c.example.test.", Type.A).timeout();
    assertFailedWithServerDown(resolver.resolve("c.example.test.", Type.A));

    tree.ticker().advanceSeconds(9);
    transport.clearExchanges();
    assertFailedWithServerDown(resolver.resolve("d.example.test.", Type.A));
    assertThat(transport.exchanges()).as("still down 9 s after the probe").isEmpty();

    tree.ticker().advanceSeconds(1);
    tree.answers(NS1, "e.example.test.", "192.0.2.5");
    assertThat(addresses(resolver.resolve("e.example.test.", Type.A))).containsExactly("192.0.2.5");
  }

  private static void assertFailedWithServerDown(Resolution result) {
    assertThat(result).isInstanceOf(Resolution.Failure.class);
    Resolution.Failure failure = (Resolution.Failure) result;
    assertThat(failure.reason()).as("%s", failure).isEqualTo(FailureReason.ALL_SERVERS_FAILED);
    assertThat(failure.detail()).contains(NS1 + " is marked down, having timed out");
  }
}
