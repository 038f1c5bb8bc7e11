package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS2;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.TLD;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;

import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Resolution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * Exchanges that bring no usable reply, against the {@link ScriptedTree}: what the iterator makes
 * of them and whom it asks next.
 */
class FailedExchangeTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();

  @Test
  @DisplayName("RFC 2181 §9: a truncated reply a transport hands on is a failed exchange, not NODATA; the next server answers")
  void truncatedReplyHandedOn_isFailedExchange() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.noError().authoritative().truncated()
        .authority("example.test. 3600 SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300"));
    tree.answers(NS2, "www.example.test.", "192.0.2.1");

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
    assertThat(result.diagnostics()).filteredOn(d -> d.kind() == Diagnostic.Oddity.BAD_REPLY)
        .singleElement().satisfies(d -> assertThat(d.detail()).contains("TC=1"));
  }
}
