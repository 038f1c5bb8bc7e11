package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.internal.reply.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * ANY (RFC 8482) is a question, not a type of data: a reply proving that a name has nothing is a
 * NODATA outcome, which the cache cannot hold under the meta type ANY and so is not cached; and
 * ANY matches every type, the CNAME at an alias too, so an alias answers it with its CNAME.
 */
class AnyQuestionTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();

  @Test
  @DisplayName("a NODATA to an ANY question is a NoData outcome, not an internal error")
  void noDataToAny_isNoData() {
    walksToExampleForAny("empty.example.test.");
    transport.expect(ScriptedTree.NS1, "empty.example.test.", Type.ANY)
        .respond(Reply.noError().authoritative().authority(ScriptedTree.EXAMPLE_SOA));

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("empty.example.test.", Type.ANY);

    assertThat(result).isInstanceOf(Resolution.NoData.class);
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a: ANY matches the CNAME at an alias, which answers it: no hop, no further query")
  void anyAtAlias_answeredWithTheCname() {
    walksToExampleForAny("a.example.test.");
    transport.expect(ScriptedTree.NS1, "a.example.test.", Type.ANY).respond(Reply.noError().authoritative()
        .answer("a.example.test. 300 CNAME b.example.test."));

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("a.example.test.", Type.ANY);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(((Resolution.Answer) result).rrset().getType()).isEqualTo(Type.CNAME);
    assertThat(result.finalName()).hasToString("a.example.test.");
    assertThat(result.chain()).isEmpty();
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a: a cached CNAME is not chased for an ANY question; the alias's servers answer it")
  void anyAtCachedAlias_notChased() {
    Resolver resolver = tree.resolver(Budgets.DEFAULTS);
    tree.walksToExample("a.example.test.");
    transport.expect(ScriptedTree.NS1, "a.example.test.", Type.A).respond(Reply.noError().authoritative()
        .answer("a.example.test. 300 CNAME b.example.test.", "b.example.test. 300 A 192.0.2.1"));
    resolver.resolve("a.example.test.", Type.A);
    transport.expect(ScriptedTree.NS1, "a.example.test.", Type.ANY).respond(Reply.noError().authoritative()
        .answer("a.example.test. 300 CNAME b.example.test."));

    Resolution result = resolver.resolve("a.example.test.", Type.ANY);

    assertThat(((Resolution.Answer) result).rrset().getType()).isEqualTo(Type.CNAME);
    assertThat(result.chain()).isEmpty();
  }

  private void walksToExampleForAny(String name) {
    tree.primes();
    transport.expect(ScriptedTree.ROOT, name, Type.ANY).respond(Reply.noError()
        .authority("test. 86400 NS ns.test.").additional("ns.test. 86400 A 127.0.0.2"));
    transport.expect(ScriptedTree.TLD, name, Type.ANY).respond(Reply.noError()
        .authority("example.test. 86400 NS ns1.example.test.")
        .additional("ns1.example.test. 86400 A 127.0.0.11"));
  }
}
