package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS1;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS2;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.TLD;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;

import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.internal.reply.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Rcode;
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

  @Test
  @DisplayName("a lost reply: the other server first, then the one that timed out again, with a longer wait (its estimate backed off)")
  void lostReply_otherServerFirst_thenSameServerWithBackOff() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).timeout();
    transport.expect(NS2, "www.example.test.", Type.A).respond(Reply.rcode(Rcode.REFUSED));
    tree.answers(TLD, "www.example.test.", "192.0.2.1");

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
    List<Duration> waits = transport.exchanges().stream()
        .filter(exchange -> exchange.toString().equals(TLD + " www.example.test./A"))
        .map(ScriptedTransport.Exchange::timeout).toList();
    assertThat(waits).hasSize(3); // the referral, the lost reply, the retry
    assertThat(waits.get(2)).isGreaterThan(waits.get(1));
  }

  @Test
  @DisplayName("a server that answered REFUSED is not asked again: with no other, the zone fails")
  void refusedServer_notAskedAgain() {
    tree.walksToExample("www.example.test.");
    transport.expect(NS1, "www.example.test.", Type.A).respond(Reply.rcode(Rcode.REFUSED));

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED);
  }

  @Test
  @DisplayName("a server that never answers is asked at most Defaults.MAX_ATTEMPTS_PER_SERVER times")
  void silentServer_askedAtMostTheRetryLimit() {
    tree.walksToExample("www.example.test.");
    for (int i = 0; i < Defaults.MAX_ATTEMPTS_PER_SERVER; i++) {
      transport.expect(NS1, "www.example.test.", Type.A).timeout();
    }

    // waits of 1, 2, 4, 8 and 16 s, under a ceiling they never reach: the server is never marked down (DownServerTest)
    Resolution result = tree.resolver(Budgets.DEFAULTS.withQueryTimeout(Duration.ofSeconds(60))
            .withDeadline(Duration.ofSeconds(60))).resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED);
    assertThat(result.upstreamQueries()).isEqualTo(3 + Defaults.MAX_ATTEMPTS_PER_SERVER);
  }

  @Test
  @DisplayName("Budgets.maxAttemptsPerServer (Unbound's outbound-msg-retry): at 1, a server whose exchange failed is not asked again")
  void oneAttemptPerServer_silentServerAskedOnce() {
    tree.walksToExample("www.example.test.");
    transport.expect(NS1, "www.example.test.", Type.A).timeout();

    Resolution result = tree.resolver(Budgets.DEFAULTS.withMaxAttemptsPerServer(1)).resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED);
    assertThat(result.upstreamQueries()).isEqualTo(3 + 1);
  }
}
