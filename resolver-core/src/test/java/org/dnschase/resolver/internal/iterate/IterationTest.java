package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS1;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS2;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.TLD;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.kinds;

import java.time.Duration;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.TraceEvent;
import org.dnschase.resolver.internal.reply.Reply;
import org.dnschase.resolver.internal.servers.FakeTicker;
import org.dnschase.resolver.internal.servers.ServerSelector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The iterator through the real {@link Resolver}, against the {@link ScriptedTree}: every upstream
 * exchange is named in order, and none may be missing or extra.
 */
class IterationTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();
  private final FakeTicker ticker = tree.ticker();

  private Resolver resolver(Budgets budgets) {
    return tree.resolver(budgets);
  }

  /* ---- the walk ---- */

  @Test
  @DisplayName("RFC 8109 §3, RFC 1034 §5.3.3: prime the root, follow two referrals, take the answer: 4 exact queries")
  void coldResolution_primesThenFollowsReferrals() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExample("www.example.test.");
    tree.answers(NS1, "www.example.test.", "192.0.2.1");

    Resolution result = resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
    assertThat(result.chain()).isEmpty();
    assertThat(result.upstreamQueries()).isEqualTo(4);
    assertThat(transport.exchangeLines()).containsExactly(
        "127.0.0.1 www.example.test./A", // the resolution's own query first, the priming right after it
        "127.0.0.1 ./NS",
        "127.0.0.2 www.example.test./A",
        "127.0.0.11 www.example.test./A");
    assertThat(result.trace()).filteredOn(TraceEvent.Exchange.class::isInstance)
        .map(event -> ((TraceEvent.Exchange) event).zone() + " " + ((TraceEvent.Exchange) event).outcome())
        .containsExactly(". ANSWER", ". REFERRAL", "test. REFERRAL", "example.test. ANSWER");
  }

  @Test
  @DisplayName("RFC 1034 §4.3.1, RFC 6891 §6.1.1: iterative queries have RD clear and advertise EDNS0 1232")
  void queries_haveRdClearAndEdns() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExample("www.example.test.");
    tree.answers(NS1, "www.example.test.", "192.0.2.1");

    resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(transport.exchanges()).hasSize(4).allSatisfy(exchange -> {
      Message query = exchange.query();
      assertThat(query.getHeader().getFlag(Flags.RD)).as("RD of %s", exchange).isFalse();
      assertThat(query.getOPT()).as("OPT of %s", exchange).isNotNull();
      assertThat(query.getOPT().getPayloadSize()).isEqualTo(1232);
      assertThat(exchange.timeout()).isLessThanOrEqualTo(Defaults.QUERY_TIMEOUT);
    });
    // A server never measured is waited for RFC 6298 §2.1's first 1 s.
    assertThat(transport.exchanges().get(0).timeout()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("Cache first: the same name again costs nothing; a sibling asks only the zone's server")
  void secondResolution_startsAtClosestCachedCut() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExample("www.example.test.");
    tree.answers(NS1, "www.example.test.", "192.0.2.1");
    Resolver warm = resolver(Budgets.DEFAULTS);
    warm.resolve("www.example.test.", Type.A);
    transport.clearExchanges();
    tree.answers(NS1, "mail.example.test.", "192.0.2.25");

    Resolution again = warm.resolve("www.example.test.", Type.A);
    Resolution sibling = warm.resolve("mail.example.test.", Type.A);

    assertThat(again.upstreamQueries()).isZero();
    assertThat(addresses(sibling)).containsExactly("192.0.2.25");
    assertThat(transport.exchangeLines()).containsExactly("127.0.0.11 mail.example.test./A");
  }

  @Test
  @DisplayName("RFC 7766 §5: a reply asked again over TCP after a truncated one teaches server selection the UDP "
      + "leg's round trip (as Unbound's), not the TCP connection's set-up and query on top")
  void truncatedReply_serverSelectionLearnsTheUdpLeg() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    // the TLD truncates its referral over UDP at 20 ms; asked again over TCP, the whole exchange takes 1 s
    transport.expect(TLD, "www.example.test.", Type.A).after(Duration.ofSeconds(1))
        .truncatedOverUdpAfter(Duration.ofMillis(20)).respond(Reply.noError()
            .authority("example.test. 86400 NS ns1.example.test.")
            .additional("ns1.example.test. 86400 A 127.0.0.11"));
    tree.answers(NS1, "www.example.test.", "192.0.2.1");
    Resolver resolver = resolver(Budgets.DEFAULTS);
    resolver.resolve("www.example.test.", Type.A);
    transport.clearExchanges();
    transport.expect(TLD, "www.other.test.", Type.A)
        .respond(Reply.noError().authoritative().answer("www.other.test. 300 A 192.0.2.2"));

    assertThat(addresses(resolver.resolve("www.other.test.", Type.A))).containsExactly("192.0.2.2");

    // measured at 20 ms, the TLD is waited for the floor; at 1 s it would have been 3 s
    assertThat(transport.exchanges().get(0).timeout()).isEqualTo(Duration.ofNanos(ServerSelector.MIN_TIMEOUT_NANOS));
  }

  /* ---- servers that fail ---- */

  @Test
  @DisplayName("RFC 1035 §7.2: a server that times out is reported and the next server answers")
  void timeoutOnFirstServer_secondServerAnswers() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).timeout();
    tree.answers(NS2, "www.example.test.", "192.0.2.1");

    Resolution result = resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
    assertThat(result.diagnostics()).filteredOn(d -> d.kind() == Diagnostic.Oddity.SERVER_TIMEOUT)
        .singleElement().satisfies(d -> assertThat(d.detail()).contains("127.0.0.2"));
    // The TLD shares the root's address, measured at ~20 ms: its wait is derived, at the floor.
    assertThat(transport.exchanges().get(3).timeout()).isEqualTo(Duration.ofNanos(ServerSelector.MIN_TIMEOUT_NANOS));
    assertThat(ticker.elapsed()).isEqualTo(Duration.ofMillis(20 + 300 + 30));
  }

  @Test
  @DisplayName("RFC 1035 §7.2: a server that timed out is asked after the others next time")
  void serverThatTimedOut_isAskedLastNextTime() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).timeout();
    // ns2 answers slower (300 ms) than ns.test. did (20 ms): only a back-off puts ns2 first next time
    tree.answers(NS2, "www.example.test.", "192.0.2.1", Duration.ofMillis(300));
    tree.answers(NS2, "mail.example.test.", "192.0.2.25");
    Resolver warm = resolver(Budgets.DEFAULTS);
    warm.resolve("www.example.test.", Type.A);

    Resolution next = warm.resolve("mail.example.test.", Type.A);

    assertThat(addresses(next)).containsExactly("192.0.2.25");
    assertThat(next.upstreamQueries()).isEqualTo(1);
  }

  @Test
  @DisplayName("RFC 1034 §4.3.1 (lame delegation): a REFUSED server is skipped and reported")
  void refusedServer_isSkippedAsLame() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.rcode(Rcode.REFUSED));
    tree.answers(NS2, "www.example.test.", "192.0.2.1");

    Resolution result = resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
    assertThat(result.diagnostics()).filteredOn(d -> d.kind() == Diagnostic.Oddity.LAME_SERVER)
        .singleElement().satisfies(d -> assertThat(d.detail()).contains("127.0.0.2", "REFUSED"));
    assertThat(result.upstreamQueries()).isEqualTo(5);
  }

  @Test
  @DisplayName("RFC 1034 §4.3.1 (lame delegation): a server that answered lame is asked after the others next time")
  void lameServer_isAskedLastNextTime() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.rcode(Rcode.REFUSED));
    // ns2 answers slower (300 ms) than ns.test. did (20 ms): only a back-off puts ns2 first next time
    tree.answers(NS2, "www.example.test.", "192.0.2.1", Duration.ofMillis(300));
    tree.answers(NS2, "mail.example.test.", "192.0.2.25");
    Resolver warm = resolver(Budgets.DEFAULTS);
    warm.resolve("www.example.test.", Type.A);

    Resolution next = warm.resolve("mail.example.test.", Type.A);

    assertThat(addresses(next)).containsExactly("192.0.2.25");
    assertThat(next.upstreamQueries()).isEqualTo(1);
  }

  @Test
  @DisplayName("RFC 1034 §5.3.3 step 4: when every server of the zone failed, the resolution fails as such")
  void everyServerLame_isAllServersFailed() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.rcode(Rcode.SERVFAIL));
    transport.expect(NS2, "www.example.test.", Type.A).respond(Reply.rcode(Rcode.REFUSED));

    Resolution result = resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED);
    assertThat(kinds(result)).containsExactly(Diagnostic.Oddity.LAME_SERVER, Diagnostic.Oddity.LAME_SERVER);
  }

  /* ---- bailiwick ---- */

  @Test
  @DisplayName("RFC 2181 §5.4.1: records outside the answering zone are dropped, reported and never cached")
  void outOfBailiwickRecords_areNotCached() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExample("www.example.test.");
    transport.expect(NS1, "www.example.test.", Type.A).respond(Reply.noError().authoritative()
        .answer("www.example.test. 300 A 192.0.2.1", "victim.test. 300 A 192.0.2.66")
        .additional("ns.test. 86400 A 127.0.0.66"));
    tree.answers(TLD, "victim.test.", "192.0.2.2");
    Resolver warm = resolver(Budgets.DEFAULTS);

    Resolution poisoned = warm.resolve("www.example.test.", Type.A);
    Resolution victim = warm.resolve("victim.test.", Type.A);

    assertThat(poisoned.diagnostics()).filteredOn(d -> d.kind() == Diagnostic.Oddity.OUT_OF_BAILIWICK_DROPPED)
        .singleElement().satisfies(d -> assertThat(d.detail()).startsWith("2 RRset(s) outside example.test."));
    assertThat(addresses(victim)).containsExactly("192.0.2.2");
    assertThat(transport.exchangeLines()).last().isEqualTo("127.0.0.2 victim.test./A");
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: an out-of-bailiwick record never replaces a cached answer")
  void outOfBailiwickRecord_leavesCachedAnswerUnchanged() {
    tree.primes();
    tree.rootRefersToTest("victim.test.");
    tree.answers(TLD, "victim.test.", "192.0.2.2");
    tree.tldRefersToExample("www.example.test.");
    transport.expect(NS1, "www.example.test.", Type.A).respond(Reply.noError().authoritative()
        .answer("www.example.test. 300 A 192.0.2.1", "victim.test. 300 A 192.0.2.66"));
    Resolver warm = resolver(Budgets.DEFAULTS);
    warm.resolve("victim.test.", Type.A);
    warm.resolve("www.example.test.", Type.A);
    transport.clearExchanges();

    Resolution again = warm.resolve("victim.test.", Type.A);

    assertThat(addresses(again)).containsExactly("192.0.2.2");
    assertThat(again.upstreamQueries()).isZero();
    assertThat(transport.exchanges()).isEmpty();
  }

  /* ---- budgets ---- */

  @Test
  @DisplayName("NXNSAttack / RFC 9520 spirit: the query budget ends the resolution with a typed failure and its numbers")
  void queryBudgetExceeded_isTypedFailure() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExample("www.example.test.");

    Resolution result = resolver(Budgets.DEFAULTS.withMaxQueries(3)).resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    Resolution.Failure failure = (Resolution.Failure) result;
    assertThat(failure.reason()).isEqualTo(FailureReason.QUERY_BUDGET_EXCEEDED);
    assertThat(failure.detail()).contains("sent 3 upstream queries", "www.example.test.");
    assertThat(failure.upstreamQueries()).isEqualTo(3);
  }

  @Test
  @DisplayName("Unbound MAX_REFERRAL_COUNT: more referrals than allowed end in REFERRAL_LIMIT")
  void referralLimit_isTypedFailure() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExample("www.example.test.");
    Budgets oneReferral = Budgets.DEFAULTS.withMaxReferrals(1);

    Resolution result = resolver(oneReferral).resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    Resolution.Failure failure = (Resolution.Failure) result;
    assertThat(failure.reason()).isEqualTo(FailureReason.REFERRAL_LIMIT);
    assertThat(failure.detail()).contains("more than 1 referrals", "www.example.test.");
    assertThat(failure.upstreamQueries()).isEqualTo(3);
  }

  @Test
  @DisplayName("Budgets: the deadline ends the resolution as TIMEOUT; the last server gets only the time left")
  void deadlinePassed_isTimeout() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).timeout();
    transport.expect(NS2, "www.example.test.", Type.A).timeout();

    Resolution result = resolver(Budgets.DEFAULTS.withDeadline(Duration.ofMillis(1200)))
        .resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(((Resolution.Failure) result).detail()).contains("PT1.2S");
    // The measured TLD address waits the derived floor; the unknown NS2 waits what the deadline
    // leaves, less than its first 1 s.
    assertThat(transport.exchanges()).extracting(ScriptedTransport.Exchange::timeout).endsWith(
        Duration.ofMillis(300), Duration.ofMillis(1200 - 20 - 300));
    assertThat(ticker.elapsed()).isEqualTo(Duration.ofMillis(1200));
  }

  /* ---- name-server look-ups ---- */

  @Test
  @DisplayName("RFC 1034 §5.3.3 step 2: a glueless delegation's NS name is resolved as a child query, then used")
  void gluelessDelegation_resolvesNameServerFirst() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.noError()
        .authority("example.test. 86400 NS ns.hoster.test."));
    transport.expect(TLD, "ns.hoster.test.", Type.A).respond(Reply.noError()
        .authority("hoster.test. 86400 NS ns.hoster.test.").additional("ns.hoster.test. 86400 A 127.0.0.30"));
    tree.answers("127.0.0.30", "ns.hoster.test.", "127.0.0.30");
    tree.answers("127.0.0.30", "www.example.test.", "192.0.2.1");

    Resolution result = resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
    assertThat(result.upstreamQueries()).isEqualTo(6);
    assertThat(transport.exchangeLines()).containsSubsequence(
        "127.0.0.2 www.example.test./A",
        "127.0.0.2 ns.hoster.test./A",
        "127.0.0.30 ns.hoster.test./A",
        "127.0.0.30 www.example.test./A");
  }

  /* ---- chains inside one reply ---- */

  @Test
  @DisplayName("DESIGN (chains inside one zone), RFC 1034 §4.3.2: an in-zone 3-hop chain in one reply costs one query")
  void inZoneChainInOneReply_costsOneQuery() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExample("www.example.test.");
    tree.answers(NS1, "www.example.test.", "192.0.2.1");
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.noError().authoritative().answer(
        "a.example.test. 300 CNAME b.example.test.",
        "b.example.test. 200 CNAME c.example.test.",
        "c.example.test. 100 CNAME d.example.test.",
        "d.example.test. 300 A 192.0.2.4"));
    Resolver warm = resolver(Budgets.DEFAULTS);
    warm.resolve("www.example.test.", Type.A);
    transport.clearExchanges();

    Resolution result = warm.resolve("a.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.4");
    assertThat(result.upstreamQueries()).isEqualTo(1);
    assertThat(transport.exchangeLines()).containsExactly("127.0.0.11 a.example.test./A");
    assertThat(result.chain()).extracting(hop -> hop.owner() + " -> " + hop.target()).containsExactly(
        "a.example.test. -> b.example.test.", "b.example.test. -> c.example.test.",
        "c.example.test. -> d.example.test.");
    assertThat(result.chain()).extracting(Hop::zone).allSatisfy(zone -> assertThat(zone).hasToString("example.test."));
    assertThat(result.ttl()).isEqualTo(Duration.ofSeconds(100));
  }

  @Test
  @DisplayName("RFC 6604 §3: an in-zone chain ending in a proven NXDOMAIN in the same reply is NXDOMAIN, one query")
  void inZoneChainEndingInNxDomain_isNxDomainFromOneReply() {
    tree.primes();
    tree.rootRefersToTest("a.example.test.");
    tree.tldRefersToExample("a.example.test.");
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.nxDomain().authoritative()
        .answer("a.example.test. 300 CNAME gone.example.test.").authority(ScriptedTree.EXAMPLE_SOA));

    Resolution result = resolver(Budgets.DEFAULTS).resolve("a.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.NxDomain.class);
    assertThat(result.finalName()).hasToString("gone.example.test.");
    assertThat(result.upstreamQueries()).isEqualTo(4);
  }
}
