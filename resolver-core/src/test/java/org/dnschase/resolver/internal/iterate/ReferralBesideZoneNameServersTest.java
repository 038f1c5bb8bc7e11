package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS1;
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
 * RFC 1034 §4.3.2 step 3b: a referral carries the NS set of the zone below the cut. A server that
 * also sends its own zone's NS set beside it, both in its bailiwick, still refers: the referral is
 * followed, and the server is not taken as lame for answering as if it did not serve its zone.
 */
class ReferralBesideZoneNameServersTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3b: the zone's own NS set first and the child's after it is a referral, followed")
  void zoneNameServersBesideChildNameServers_referralFollowed() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.transport().expect(TLD, "www.example.test.", Type.A).respond(Reply.noError()
        .authority("test. 86400 NS ns.test.", "example.test. 86400 NS ns1.example.test.")
        .additional("ns.test. 86400 A 127.0.0.2", "ns1.example.test. 86400 A 127.0.0.11"));
    tree.answers(NS1, "www.example.test.", "192.0.2.1");

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
    assertThat(result.diagnostics()).extracting(Diagnostic::kind).doesNotContain(Diagnostic.Oddity.LAME_SERVER);
  }
}
