package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS1;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.ROOT;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.TLD;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;

import java.time.Duration;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.internal.reply.Reply;
import org.dnschase.resolver.reply.ReplyPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * Ghost domains (CVE-2012-1192): a delegation is used no longer than its parent granted it, so a
 * zone the parent withdrew disappears when that grant runs out, whatever its own servers say.
 */
class GhostDomainTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();

  @Test
  @DisplayName("a delegation is used only while the delegation that granted it lasts: once that ran out, the walk starts above it")
  void childDelegation_endsWithItsParents() {
    tree.primes();
    transport.expect(ROOT, "www.example.test.", Type.A).respond(Reply.noError()
        .authority("test. 60 NS ns.test.").additional("ns.test. 60 A 127.0.0.2"));
    tree.tldRefersToExample("www.example.test.");
    tree.answers(NS1, "www.example.test.", "192.0.2.1");
    Resolver resolver = tree.resolver(Budgets.DEFAULTS);
    assertThat(addresses(resolver.resolve("www.example.test.", Type.A))).containsExactly("192.0.2.1");

    tree.ticker().advance(Duration.ofSeconds(61));
    transport.expect(ROOT, "www2.example.test.", Type.A).respond(Reply.noError()
        .authority("test. 60 NS ns.test.").additional("ns.test. 60 A 127.0.0.2"));
    transport.expect(TLD, "www2.example.test.", Type.A).respond(Reply.nxDomain().authoritative()
        .authority("test. 300 SOA ns.test. host.test. 2 3600 600 86400 300"));

    assertThat(resolver.resolve("www2.example.test.", Type.A)).isInstanceOf(Resolution.NxDomain.class);
  }

  @Test
  @DisplayName("a zone's servers answering for its NS set do not keep its delegation past the parent's grant")
  void ownNameServerAnswer_doesNotExtendTheDelegation() {
    tree.primes();
    transport.expect(ROOT, "example.test.", Type.NS).respond(Reply.noError()
        .authority("test. 86400 NS ns.test.").additional("ns.test. 86400 A 127.0.0.2"));
    transport.expect(TLD, "example.test.", Type.NS).respond(Reply.noError()
        .authority("example.test. 60 NS ns1.example.test.").additional("ns1.example.test. 60 A 127.0.0.11"));
    transport.expect(NS1, "example.test.", Type.NS).respond(Reply.noError().authoritative()
        .answer("example.test. 86400 NS ns1.example.test.").additional("ns1.example.test. 86400 A 127.0.0.11"));
    Resolver resolver = tree.resolver(Budgets.DEFAULTS);
    Resolution nameServers = resolver.resolve("example.test.", Type.NS);
    assertThat(nameServers).isInstanceOf(Resolution.Answer.class);
    assertThat(nameServers.ttl()).isEqualTo(Duration.ofSeconds(60));

    tree.ticker().advance(Duration.ofSeconds(61));
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.nxDomain().authoritative()
        .authority("test. 300 SOA ns.test. host.test. 2 3600 600 86400 300"));

    assertThat(resolver.resolve("www.example.test.", Type.A)).isInstanceOf(Resolution.NxDomain.class);
  }

  @Test
  @DisplayName("a zone's NS set in a reply to a query sent while the cached one lived does not renew it when that ran out meanwhile")
  void ownNameServersArrivingAfterExpiry_doNotRenewTheDelegation() {
    tree.primes();
    transport.expect(ROOT, "www.example.test.", Type.A).respond(Reply.noError()
        .authority("test. 86400 NS ns.test.").additional("ns.test. 86400 A 127.0.0.2"));
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.noError()
        .authority("example.test. 60 NS ns1.example.test.").additional("ns1.example.test. 60 A 127.0.0.11"));
    transport.expect(NS1, "www.example.test.", Type.A).respond(Reply.noError().authoritative()
        .answer("www.example.test. 300 A 192.0.2.1").authority("example.test. 60 NS ns1.example.test."));
    Resolver resolver = tree.resolver(builder -> builder.loopbackOnly()
        .replyPolicy(ReplyPolicy.defaults().withAnswerNameServersCached(true)));
    assertThat(addresses(resolver.resolve("www.example.test.", Type.A))).containsExactly("192.0.2.1");

    // sent 5 s before the NS set runs out, answered 5 s after, with the same NS set again
    tree.ticker().advance(Duration.ofSeconds(55));
    transport.expect(NS1, "www3.example.test.", Type.A).after(Duration.ofSeconds(10)).respond(Reply.noError()
        .authoritative().answer("www3.example.test. 300 A 192.0.2.3").authority("example.test. 3600 NS ns1.example.test.")
        .additional("ns1.example.test. 3600 A 127.0.0.11"));
    assertThat(addresses(resolver.resolve("www3.example.test.", Type.A))).containsExactly("192.0.2.3");

    transport.expect(TLD, "www2.example.test.", Type.A).respond(Reply.nxDomain().authoritative()
        .authority("test. 300 SOA ns.test. host.test. 2 3600 600 86400 300"));
    assertThat(resolver.resolve("www2.example.test.", Type.A)).isInstanceOf(Resolution.NxDomain.class);
  }
}
