package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS1;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS2;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.TLD;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;

import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.internal.reply.Reply;
import org.dnschase.resolver.reply.ReplyPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * Glue for a name server outside the delegated zone (a sibling zone's, ns1.sibling.test. for
 * example.test.) with {@code verifyGlue} on (Unbound's harden-unverified-glue): looked up before
 * it is trusted, and used only when the look-up finds nothing.
 */
class UnverifiedGlueTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();

  @Test
  @DisplayName("sibling glue is verified: the server's own address, as looked up, is asked, not the glue's")
  void siblingGlue_lookedUpBeforeUse() {
    refersToSiblingWithGlue(NS1);
    transport.expect(TLD, "ns1.sibling.test.", Type.A)
        .respond(Reply.noError().authoritative().answer("ns1.sibling.test. 3600 A " + NS2));
    tree.answers(NS2, "www.example.test.", "192.0.2.1");

    Resolution result = tree.resolver(builder -> builder.loopbackOnly().replyPolicy(ReplyPolicy.defaults().withGlueVerified(true))).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
  }

  @Test
  @DisplayName("sibling glue whose look-up finds nothing is the last resort, and used")
  void siblingGlue_usedWhenLookUpFails() {
    refersToSiblingWithGlue(NS1);
    transport.expect(TLD, "ns1.sibling.test.", Type.A).respond(Reply.nxDomain().authoritative()
        .authority("test. 3600 SOA ns.test. host.test. 1 3600 600 86400 300"));
    tree.answers(NS1, "www.example.test.", "192.0.2.1");

    Resolution result = tree.resolver(builder -> builder.loopbackOnly().replyPolicy(ReplyPolicy.defaults().withGlueVerified(true))).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
  }

  @Test
  @DisplayName("by default sibling glue is used as the referral gives it")
  void siblingGlue_usedAsGivenByDefault() {
    refersToSiblingWithGlue(NS1);
    tree.answers(NS1, "www.example.test.", "192.0.2.1");

    Resolution result = tree.resolver(ResolverBuilder::loopbackOnly).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
  }

  private void refersToSiblingWithGlue(String glue) {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.noError()
        .authority("example.test. 86400 NS ns1.sibling.test.").additional("ns1.sibling.test. 86400 A " + glue));
  }
}
