package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.internal.reply.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * RFC 9156 §4 (relaxed minimisation): a server that cannot handle a minimised question for an
 * empty non-terminal is asked the full name instead of being given up on, whatever rcode other
 * than NOERROR and NXDOMAIN it says so with (Unbound: "stop minimising and send full query when
 * RCODE is not NOERROR").
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

  @ParameterizedTest(name = "rcode {0}")
  @ValueSource(ints = {Rcode.SERVFAIL, Rcode.NOTAUTH, Rcode.YXDOMAIN, 15})
  @DisplayName("RFC 9156 §4: an empty non-terminal answered with another error rcode: the full name is asked too")
  void errorRcodeForEmptyNonTerminal_fallsBackToTheFullName(int rcode) {
    tree.primes();
    tree.rootRefersToTest("test.");
    tree.tldRefersToExample("example.test.");
    tree.transport().expect(ScriptedTree.NS1, "ent.example.test.", Type.A).respond(Reply.rcode(rcode));
    tree.answers(ScriptedTree.NS1, "www.ent.example.test.", "192.0.2.80");

    try (Resolver resolver = minimising()) {
      assertThat(ScriptedTree.addresses(resolver.resolve("www.ent.example.test.", Type.A)))
          .containsExactly("192.0.2.80");
    }
  }

  @Test
  @DisplayName("RFC 6891 §7, RFC 9156 §4: FORMERR to a minimised question, with EDNS and without: the full name is asked")
  void formErrForEmptyNonTerminal_fallsBackToTheFullName() {
    tree.primes();
    tree.rootRefersToTest("test.");
    tree.tldRefersToExample("example.test.");
    tree.transport().expect(ScriptedTree.NS1, "ent.example.test.", Type.A).respond(Reply.rcode(Rcode.FORMERR));
    tree.transport().expect(ScriptedTree.NS1, "ent.example.test.", Type.A).respond(Reply.rcode(Rcode.FORMERR));
    tree.answers(ScriptedTree.NS1, "www.ent.example.test.", "192.0.2.80");

    try (Resolver resolver = minimising()) {
      assertThat(ScriptedTree.addresses(resolver.resolve("www.ent.example.test.", Type.A)))
          .containsExactly("192.0.2.80");
    }
  }
}
