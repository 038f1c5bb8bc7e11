package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.TLD;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;

import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.internal.reply.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * Glueless delegations: the name servers' addresses are looked up as child queries that share the
 * resolution's budget, and every way that can go wrong still ends in a typed outcome.
 */
class NameServerLookupTest {

  private static final String TEST_SOA = "test. 300 SOA ns.test. host.test. 1 3600 600 86400 300";

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();

  private void tldDelegatesGlueless(String name, String zone, String... nameServers) {
    Reply referral = Reply.noError();
    for (String ns : nameServers) {
      referral.authority(zone + " 86400 NS " + ns);
    }
    transport.expect(TLD, name, Type.A).respond(referral);
  }

  private static Resolution.Failure failure(Resolution result) {
    assertThat(result).isInstanceOf(Resolution.Failure.class);
    return (Resolution.Failure) result;
  }

  /* ---- look-ups that fail ---- */

  @Test
  @DisplayName("RFC 1034 §5.3.3 step 4: a glueless name server that does not exist is skipped for the next one")
  void nonexistentNameServer_nextOneUsed() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tldDelegatesGlueless("www.example.test.", "example.test.", "gone.test.", "ns.hoster.test.");
    transport.expect(TLD, "gone.test.", Type.A).respond(Reply.nxDomain().authoritative().authority(TEST_SOA));
    tree.answers(TLD, "ns.hoster.test.", "127.0.0.30");
    tree.answers("127.0.0.30", "www.example.test.", "192.0.2.1");

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
    assertThat(result.upstreamQueries()).isEqualTo(6);
  }

  @Test
  @DisplayName("RFC 9520 §3 (tsuNAME): mutually glueless delegations end in a typed failure after a bounded number of queries")
  void cyclicGluelessDelegations_endTyped() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tldDelegatesGlueless("www.example.test.", "example.test.", "ns.other.test.");
    tldDelegatesGlueless("ns.other.test.", "other.test.", "ns.example.test.");

    Resolution result = tree.resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(failure(result).reason()).isEqualTo(FailureReason.CYCLIC_DEPENDENCY);
    assertThat(result.upstreamQueries()).isEqualTo(4);
  }

  /* ---- budgets shared with the look-ups ---- */

  @Test
  @DisplayName("Budgets: a look-up's queries count against the resolution's budget, and running out is QUERY_BUDGET_EXCEEDED")
  void budgetRunningOutInsideLookup_isQueryBudgetExceeded() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tldDelegatesGlueless("www.example.test.", "example.test.", "ns.hoster.test.");
    transport.expect(TLD, "ns.hoster.test.", Type.A).respond(Reply.noError()
        .authority("hoster.test. 86400 NS ns1.hoster.test.").additional("ns1.hoster.test. 86400 A 127.0.0.30"));

    Resolution result = tree.resolver(Budgets.DEFAULTS.withMaxQueries(4)).resolve("www.example.test.", Type.A);

    assertThat(failure(result).reason()).isEqualTo(FailureReason.QUERY_BUDGET_EXCEEDED);
    assertThat(failure(result).detail()).contains("4");
    assertThat(result.upstreamQueries()).isEqualTo(4);
  }

  @Test
  @DisplayName("Budgets: look-ups nested deeper than maxDepth are refused without a query")
  void lookupsNestedTooDeep_refusedWithoutQuery() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tldDelegatesGlueless("www.example.test.", "example.test.", "ns.hoster.test.");
    Budgets noNesting = Budgets.DEFAULTS.withMaxDepth(1);
    tldDelegatesGlueless("ns.hoster.test.", "hoster.test.", "ns.elsewhere.test.");

    Resolution result = tree.resolver(noNesting).resolve("www.example.test.", Type.A);

    assertThat(failure(result).reason()).isIn(FailureReason.ALL_SERVERS_FAILED, FailureReason.DEPTH_LIMIT);
    assertThat(result.upstreamQueries()).isEqualTo(4);
  }
}
