package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.internal.reply.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * RFC 9156 §4 (relaxed minimisation): a server that cannot handle a minimised question for an
 * empty non-terminal is asked the full name instead of being given up on.
 */
class MinimisationFallbackTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();

  private Resolver minimising() {
    return Resolver.builder()
        .transport(tree.transport())
        .rootHints(RootHints.parse(ScriptedTree.ROOT_HINTS))
        .timeSource(tree.ticker())
        .loopbackOnly()
        .qnameMinimisationType(Type.A)
        .build();
  }

  @Test
  @DisplayName("An empty non-terminal answered REFUSED: the same server is asked the full name")
  void refusedEmptyNonTerminal_fallsBackToTheFullName() {
    tree.primes();
    tree.rootRefersToTest("test.");
    tree.tldRefersToExample("example.test.");
    tree.transport().expect(ScriptedTree.NS1, "ent.example.test.", Type.A).respond(Reply.rcode(Rcode.REFUSED));
    tree.answers(ScriptedTree.NS1, "www.ent.example.test.", "192.0.2.80");

    try (Resolver resolver = minimising()) {
      assertThat(ScriptedTree.addresses(resolver.resolve("www.ent.example.test.", Type.A)))
          .containsExactly("192.0.2.80");
    }
  }
}
