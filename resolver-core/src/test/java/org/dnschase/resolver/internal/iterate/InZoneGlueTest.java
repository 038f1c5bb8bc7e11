package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.TLD;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;

import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.internal.reply.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * Glue, the addresses a referral gives for name servers: a referral whose only name server lies
 * inside the delegated zone but comes without glue has the address looked up as a last resort,
 * through the parent's servers, which may hold the glue their referral left out (Unbound's
 * fetch_glue); and glue in the cache answers no user's question.
 */
class InZoneGlueTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();

  @Test
  @DisplayName("RFC 1034 §4.2.1: an in-zone name server without glue is looked up through the parent zone's servers")
  void inZoneNameServerWithoutGlue_isLookedUpThroughTheParent() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A)
        .respond(Reply.noError().authority("example.test. 86400 NS ns.example.test."));
    transport.expect(TLD, "ns.example.test.", Type.A)
        .respond(Reply.noError().answer("ns.example.test. 86400 A 127.0.0.31"));
    tree.answers("127.0.0.31", "www.example.test.", "192.0.2.1");

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: glue answers no user's question: the address of a name server is asked of its zone")
  void glueInTheCache_isNoAnswer() {
    tree.walksToExample("www.example.test.");
    tree.answers(ScriptedTree.NS1, "www.example.test.", "192.0.2.1");
    Resolver resolver = tree.resolver(Budgets.DEFAULTS);
    assertThat(addresses(resolver.resolve("www.example.test.", Type.A))).containsExactly("192.0.2.1");
    tree.answers(ScriptedTree.NS1, "ns1.example.test.", "127.0.0.11");

    Resolution result = resolver.resolve("ns1.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("127.0.0.11");
    assertThat(result.upstreamQueries()).isEqualTo(1);
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: the addresses beside an authoritative NS answer (the root's priming) answer no user's question either")
  void additionalDataOfAnAnswer_isNoAnswer() {
    tree.walksToExample("www.example.test.");
    tree.answers(ScriptedTree.NS1, "www.example.test.", "192.0.2.1");
    Resolver resolver = tree.resolver(Budgets.DEFAULTS);
    assertThat(addresses(resolver.resolve("www.example.test.", Type.A))).containsExactly("192.0.2.1");
    tree.answers(ScriptedTree.ROOT, "a.root.lab.", "127.0.0.1");

    Resolution result = resolver.resolve("a.root.lab.", Type.A);

    assertThat(addresses(result)).containsExactly("127.0.0.1");
    assertThat(result.upstreamQueries()).isEqualTo(1);
  }
}
