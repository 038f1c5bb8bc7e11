package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS1;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

/**
 * A resolution that ends before the reply it waits for (at its deadline, or pushed out of its slot
 * by a newer question) cancels that exchange's future once its own answer is given, so the
 * transport frees the exchange's socket then, not at the exchange's timeout; the answer stays the
 * one the deadline or the push gave.
 */
class AbandonedResolutionTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();

  @Test
  @DisplayName("a resolution ended at its deadline cancels the exchange it waits for, and answers TIMEOUT as the deadline says")
  void deadline_cancelsTheAwaitedExchange() throws InterruptedException {
    tree.walksToExample("www.example.test.");
    CompletableFuture<Message> awaited = transport.expect(NS1, "www.example.test.", Type.A).hangs();
    Resolver resolver = tree.resolver(Budgets.DEFAULTS.withDeadline(Duration.ofMillis(300)));

    Resolution result = resolver.resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
      assertThat(failure.detail()).startsWith("deadline of PT0.3S passed while resolving www.example.test.");
    });
    awaitCancelled(awaited);
  }

  @Test
  @DisplayName("Unbound jostle-timeout: a resolution pushed out of its slot cancels the exchange it waits for, and answers OVERLOADED")
  void pushedOut_cancelsTheAwaitedExchange() throws InterruptedException {
    tree.walksToExample("a.example.test.");
    CompletableFuture<Message> held = transport.expect(NS1, "a.example.test.", Type.A).hangs();
    CompletableFuture<Message> pushed = transport.expect(NS1, "b.example.test.", Type.A).hangs();
    tree.answers(NS1, "c.example.test.", "192.0.2.3");
    Resolver resolver = tree.resolver(builder -> builder.loopbackOnly()
        .maxResolutionsInFlight(2, Duration.ofMillis(200)));

    resolver.resolveAsync("a.example.test.", Type.A); // holds its slot to the end
    CompletableFuture<Resolution> jostled = resolver.resolveAsync("b.example.test.", Type.A);
    tree.ticker().advance(Duration.ofMillis(250));
    Resolution newer = resolver.resolve("c.example.test.", Type.A);

    assertThat(addresses(newer)).containsExactly("192.0.2.3");
    assertThat(jostled.join()).isInstanceOfSatisfying(Resolution.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.OVERLOADED));
    awaitCancelled(pushed);
    assertThat(held).isNotDone();
  }

  /** The cancellation follows the answer, on the thread that gave it: polled for, 5 s at most. */
  private static void awaitCancelled(CompletableFuture<Message> exchange) throws InterruptedException {
    for (int i = 0; i < 500 && !exchange.isCancelled(); i++) {
      Thread.sleep(10);
    }
    assertThat(exchange).as("the exchange's future").isCancelled();
  }
}
