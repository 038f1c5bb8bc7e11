package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.EXAMPLE_SOA;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS1;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;

import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.internal.reply.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * An operator's {@code flush NAME} and {@code flush_negative}: the resolver forgets what it holds
 * at one name, or every negative answer, finished resolutions built on them included, and keeps
 * the rest, so only the forgotten data is asked for again.
 */
@DisplayName("invalidate(name) and invalidateNegative: only what was forgotten is asked again")
class InvalidateNameTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();
  private final Resolver resolver = tree.resolver(Budgets.DEFAULTS);

  @Test
  @DisplayName("invalidate(name): the next question for the name asks its zone's server, and no one above it")
  void invalidateName_asksOnlyTheNamesServerAgain() {
    forgetsWwwExampleTest(() -> resolver.invalidate(Name.fromConstantString("WWW.example.test.")));
  }

  @Test
  @DisplayName("invalidateNegative: an NXDOMAIN is asked again, a cached answer is not")
  void invalidateNegative_asksForTheNegativeAnswerAgain() {
    tree.walksToExample("gone.example.test.");
    transport.expect(NS1, "gone.example.test.", Type.A)
        .respond(Reply.nxDomain().authoritative().authority(EXAMPLE_SOA));
    tree.answers(NS1, "www.example.test.", "192.0.2.1");
    assertThat(resolver.resolve("gone.example.test.", Type.A)).isInstanceOf(Resolution.NxDomain.class);
    resolver.resolve("www.example.test.", Type.A);
    transport.clearExchanges();

    resolver.invalidateNegative();
    tree.answers(NS1, "gone.example.test.", "192.0.2.3");

    assertThat(addresses(resolver.resolve("gone.example.test.", Type.A))).containsExactly("192.0.2.3");
    assertThat(resolver.resolve("www.example.test.", Type.A).upstreamQueries()).isZero();
    assertThat(transport.exchanges()).hasSize(1);
  }

  /* ---- the name as text: the rules of resolve(String, type) ---- */

  @ParameterizedTest(name = "invalidate(\"{0}\")")
  @ValueSource(strings = {"www.example.test.", "www.example.test", "WWW.Example.Test"})
  @DisplayName("invalidate(text), absolute or not (never searched): the name is asked of its zone's server again")
  void invalidateText_absoluteOrRelative_forgetsTheName(String text) {
    forgetsWwwExampleTest(() -> resolver.invalidate(text));
  }

  @Test
  @DisplayName("RFC 1035 §5.1: text that is no name in presentation format is refused with the reason, and nothing is forgotten")
  void invalidateText_malformed_isRefusedWithTheReasonAndForgetsNothing() {
    tree.walksToExample("www.example.test.");
    tree.answers(NS1, "www.example.test.", "192.0.2.1");
    resolver.resolve("www.example.test.", Type.A);
    transport.clearExchanges();
    String longLabel = "a".repeat(64) + ".example.test.";

    assertThatIllegalArgumentException().isThrownBy(() -> resolver.invalidate("@"))
        .withMessageContaining("'@'").withMessageContaining("the root is '.'");
    assertThatIllegalArgumentException().isThrownBy(() -> resolver.invalidate("ü.example.test."))
        .withMessageContaining("'ü' at 0 is not ASCII");
    assertThatIllegalArgumentException().isThrownBy(() -> resolver.invalidate(longLabel))
        .withMessageContaining("malformed name '" + longLabel + "'");
    assertThatIllegalArgumentException().isThrownBy(() -> resolver.invalidate(""))
        .withMessage("name is empty");
    assertThatIllegalArgumentException().isThrownBy(() -> resolver.invalidate("a..example.test."))
        .withMessage("malformed name 'a..example.test.': invalid empty label");

    assertThat(resolver.resolve("www.example.test.", Type.A).upstreamQueries()).as("still cached").isZero();
    assertThat(resolver.resolve(".", Type.NS).upstreamQueries()).as("the root's NS set still cached").isZero();
    assertThat(transport.exchanges()).isEmpty();
  }

  /** Caches www.example.test.'s address, runs {@code invalidate}, and sees the name alone asked again. */
  private void forgetsWwwExampleTest(Runnable invalidate) {
    tree.walksToExample("www.example.test.");
    tree.answers(NS1, "www.example.test.", "192.0.2.1");
    resolver.resolve("www.example.test.", Type.A);
    assertThat(resolver.resolve("www.example.test.", Type.A).upstreamQueries()).isZero();
    transport.clearExchanges();

    invalidate.run();
    tree.answers(NS1, "www.example.test.", "192.0.2.2");

    assertThat(addresses(resolver.resolve("www.example.test.", Type.A))).containsExactly("192.0.2.2");
    assertThat(transport.exchanges()).hasSize(1);
  }
}
