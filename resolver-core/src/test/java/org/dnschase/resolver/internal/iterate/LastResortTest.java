package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS1;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS2;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.TLD;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;

import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.internal.reply.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * Replies a server of the zone may give that are used only when none of its other servers gives
 * a better one: an empty NOERROR, and a recursive server's answer from its cache.
 */
class LastResortTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();

  /* ---- an empty NOERROR ---- */

  @Test
  @DisplayName("RFC 2308 §2.2: an empty NOERROR without SOA proves nothing; the zone's other server is asked and its answer used")
  void emptyNoError_otherServerAsked() {
    walksToExampleOnTwoServers();
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.noError().authoritative());
    tree.answers(NS2, "www.example.test.", "192.0.2.1");

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
  }

  @Test
  @DisplayName("an empty NOERROR from the zone's only server is its last word: NODATA")
  void emptyNoErrorFromOnlyServer_isNoData() {
    tree.walksToExample("www.example.test.");
    transport.expect(NS1, "www.example.test.", Type.A).respond(Reply.noError().authoritative());

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.NoData.class);
  }

  /* ---- a recursive server's cache ---- */

  @Test
  @DisplayName("an answer with RA=1 and AA=0 came from a recursive server's cache: the zone's authoritative server is asked and believed")
  void recursiveServersCachedAnswer_authoritativeServerBelieved() {
    walksToExampleOnTwoServers();
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.noError().recursionAvailable()
        .answer("www.example.test. 300 A 192.0.2.66"));
    tree.answers(NS2, "www.example.test.", "192.0.2.1");

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
    assertThat(result.diagnostics()).filteredOn(d -> d.kind() == Diagnostic.Oddity.LAME_SERVER)
        .singleElement().satisfies(d -> assertThat(d.detail()).contains("from its cache"));
  }

  @Test
  @DisplayName("a recursive server's cached answer is used when the zone has no other server")
  void recursiveServersCachedAnswerFromOnlyServer_isUsed() {
    tree.walksToExample("www.example.test.");
    transport.expect(NS1, "www.example.test.", Type.A).respond(Reply.noError().recursionAvailable()
        .answer("www.example.test. 300 A 192.0.2.66"));

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.66");
  }

  @Test
  @DisplayName("an authoritative answer with RA=1 is an answer like any other")
  void authoritativeAnswerWithRecursionAvailable_isUsedAtOnce() {
    walksToExampleOnTwoServers();
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.noError().authoritative().recursionAvailable()
        .answer("www.example.test. 300 A 192.0.2.1"));

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
  }

  private void walksToExampleOnTwoServers() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExampleOnTwoServers("www.example.test.");
  }
}
