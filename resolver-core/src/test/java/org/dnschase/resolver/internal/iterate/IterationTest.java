package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.TraceEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The iterator through the real {@link Resolver}, against a {@link ScriptedTransport}: every
 * upstream exchange is named in order, and none may be missing or extra. The scripted tree:
 *
 * <pre>
 *   .               a.root.lab.       127.0.0.1
 *   test.           ns.test.          127.0.0.2
 *   example.test.   ns1.example.test. 127.0.0.11   (or ns.test. + ns2.example.test. 127.0.0.12)
 * </pre>
 */
class IterationTest {

  private static final String ROOT_HINTS = """
      .            3600000 NS a.root.lab.
      a.root.lab.  3600000 A  127.0.0.1
      """;
  private static final String ROOT = "127.0.0.1";
  private static final String TLD = "127.0.0.2";
  private static final String NS1 = "127.0.0.11";
  private static final String NS2 = "127.0.0.12";
  private static final String SOA = "example.test. 300 SOA ns1.example.test. host.example.test. 1 3600 600 86400 300";

  private final FakeTicker ticker = new FakeTicker();
  @RegisterExtension
  final ScriptedTransport transport = new ScriptedTransport(ticker);
  private Resolver resolver;

  @AfterEach
  void closeResolver() {
    if (resolver != null) {
      resolver.close();
    }
  }

  private Resolver resolver(Budgets budgets) {
    resolver = Resolver.builder()
        .transport(transport)
        .rootHints(RootHints.parse(ROOT_HINTS))
        .ticker(ticker)
        .budgets(budgets)
        .loopbackOnly()
        .recordTrace(true)
        .build();
    return resolver;
  }

  /* ---- the script's building blocks ---- */

  private void primes() {
    transport.expect(ROOT, ".", Type.NS).respond(Reply.noError().authoritative()
        .answer(". 86400 NS a.root.lab.").additional("a.root.lab. 86400 A 127.0.0.1"));
  }

  private void rootRefersToTest(String name) {
    transport.expect(ROOT, name, Type.A).respond(Reply.noError()
        .authority("test. 86400 NS ns.test.").additional("ns.test. 86400 A 127.0.0.2"));
  }

  /** test. delegates example.test. to ns1.example.test. alone. */
  private void tldRefersToExample(String name) {
    transport.expect(TLD, name, Type.A).respond(Reply.noError()
        .authority("example.test. 86400 NS ns1.example.test.")
        .additional("ns1.example.test. 86400 A 127.0.0.11"));
  }

  /**
   * test. delegates example.test. to ns.test. (the TLD's own host, already measured, so asked
   * first) and ns2.example.test. (never asked yet, so at the 376 ms prior).
   */
  private void tldRefersToExampleOnTwoServers(String name) {
    transport.expect(TLD, name, Type.A).after(Duration.ofMillis(20)).respond(Reply.noError()
        .authority("example.test. 86400 NS ns.test.", "example.test. 86400 NS ns2.example.test.")
        .additional("ns.test. 86400 A 127.0.0.2", "ns2.example.test. 86400 A 127.0.0.12"));
  }

  private void answers(String server, String name, String address) {
    answers(server, name, address, Duration.ofMillis(30));
  }

  private void answers(String server, String name, String address, Duration rtt) {
    transport.expect(server, name, Type.A).after(rtt)
        .respond(Reply.noError().authoritative().answer(name + " 300 A " + address));
  }

  private static List<String> addresses(Resolution result) {
    assertThat(result).isInstanceOf(Resolution.Answer.class);
    return ((Resolution.Answer) result).records().stream()
        .map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
  }

  private static List<Diagnostic.Kind> kinds(Resolution result) {
    return result.diagnostics().stream().map(Diagnostic::kind).toList();
  }

  /* ---- the walk ---- */

  @Test
  @DisplayName("RFC 8109 §3, RFC 1034 §5.3.3: prime the root, follow two referrals, take the answer: 4 exact queries")
  void coldResolution_primesThenFollowsReferrals() {
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExample("www.example.test.");
    answers(NS1, "www.example.test.", "192.0.2.1");

    Resolution result = resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
    assertThat(result.chain()).isEmpty();
    assertThat(result.upstreamQueries()).isEqualTo(4);
    assertThat(transport.exchangeLines()).containsExactly(
        "127.0.0.1 ./NS",
        "127.0.0.1 www.example.test./A",
        "127.0.0.2 www.example.test./A",
        "127.0.0.11 www.example.test./A");
    assertThat(result.trace()).filteredOn(TraceEvent.Exchange.class::isInstance)
        .map(event -> ((TraceEvent.Exchange) event).zone() + " " + ((TraceEvent.Exchange) event).outcome())
        .containsExactly(". ANSWER", ". REFERRAL", "test. REFERRAL", "example.test. ANSWER");
  }

  @Test
  @DisplayName("RFC 1034 §4.3.1, RFC 6891 §6.1.1: iterative queries have RD clear and advertise EDNS0 1232")
  void queries_haveRdClearAndEdns() {
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExample("www.example.test.");
    answers(NS1, "www.example.test.", "192.0.2.1");

    resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(transport.exchanges()).hasSize(4).allSatisfy(exchange -> {
      Message query = exchange.query();
      assertThat(query.getHeader().getFlag(Flags.RD)).as("RD of %s", exchange).isFalse();
      assertThat(query.getOPT()).as("OPT of %s", exchange).isNotNull();
      assertThat(query.getOPT().getPayloadSize()).isEqualTo(1232);
      assertThat(exchange.timeout()).isEqualTo(Budgets.DEFAULT_QUERY_TIMEOUT);
    });
  }

  @Test
  @DisplayName("Cache first: the same name again costs nothing; a sibling asks only the zone's server")
  void secondResolution_startsAtClosestCachedCut() {
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExample("www.example.test.");
    answers(NS1, "www.example.test.", "192.0.2.1");
    Resolver warm = resolver(Budgets.DEFAULTS);
    warm.resolve("www.example.test.", Type.A);
    transport.clearExchanges();
    answers(NS1, "mail.example.test.", "192.0.2.25");

    Resolution again = warm.resolve("www.example.test.", Type.A);
    Resolution sibling = warm.resolve("mail.example.test.", Type.A);

    assertThat(again.upstreamQueries()).isZero();
    assertThat(addresses(sibling)).containsExactly("192.0.2.25");
    assertThat(transport.exchangeLines()).containsExactly("127.0.0.11 mail.example.test./A");
  }

  /* ---- servers that fail ---- */

  @Test
  @DisplayName("RFC 1035 §7.2: a server that times out is reported and the next server answers")
  void timeoutOnFirstServer_secondServerAnswers() {
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).timeout();
    answers(NS2, "www.example.test.", "192.0.2.1");

    Resolution result = resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
    assertThat(result.diagnostics()).filteredOn(d -> d.kind() == Diagnostic.Kind.SERVER_TIMEOUT)
        .singleElement().satisfies(d -> assertThat(d.detail()).contains("127.0.0.2"));
    assertThat(transport.exchanges().get(3).timeout()).isEqualTo(Budgets.DEFAULT_QUERY_TIMEOUT);
    assertThat(ticker.elapsed()).isEqualTo(Duration.ofMillis(20 + 1500 + 30));
  }

  @Test
  @DisplayName("RFC 1035 §7.2: a server that timed out is asked after the others next time")
  void serverThatTimedOut_isAskedLastNextTime() {
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).timeout();
    // ns2 answers slower (300 ms) than ns.test. did (20 ms): only a back-off puts ns2 first next time
    answers(NS2, "www.example.test.", "192.0.2.1", Duration.ofMillis(300));
    answers(NS2, "mail.example.test.", "192.0.2.25");
    Resolver warm = resolver(Budgets.DEFAULTS);
    warm.resolve("www.example.test.", Type.A);

    Resolution next = warm.resolve("mail.example.test.", Type.A);

    assertThat(addresses(next)).containsExactly("192.0.2.25");
    assertThat(next.upstreamQueries()).isEqualTo(1);
  }

  @Test
  @DisplayName("RFC 1034 §4.3.1 (lame delegation): a REFUSED server is skipped and reported")
  void refusedServer_isSkippedAsLame() {
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.rcode(Rcode.REFUSED));
    answers(NS2, "www.example.test.", "192.0.2.1");

    Resolution result = resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
    assertThat(result.diagnostics()).filteredOn(d -> d.kind() == Diagnostic.Kind.LAME_SERVER)
        .singleElement().satisfies(d -> assertThat(d.detail()).contains("127.0.0.2", "REFUSED"));
    assertThat(result.upstreamQueries()).isEqualTo(5);
  }

  @Test
  @DisplayName("RFC 1034 §4.3.1 (lame delegation): a server that answered lame is asked after the others next time")
  void lameServer_isAskedLastNextTime() {
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.rcode(Rcode.REFUSED));
    // ns2 answers slower (300 ms) than ns.test. did (20 ms): only a back-off puts ns2 first next time
    answers(NS2, "www.example.test.", "192.0.2.1", Duration.ofMillis(300));
    answers(NS2, "mail.example.test.", "192.0.2.25");
    Resolver warm = resolver(Budgets.DEFAULTS);
    warm.resolve("www.example.test.", Type.A);

    Resolution next = warm.resolve("mail.example.test.", Type.A);

    assertThat(addresses(next)).containsExactly("192.0.2.25");
    assertThat(next.upstreamQueries()).isEqualTo(1);
  }

  @Test
  @DisplayName("RFC 1034 §5.3.3 step 4: when every server of the zone failed, the resolution fails as such")
  void everyServerLame_isAllServersFailed() {
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.rcode(Rcode.SERVFAIL));
    transport.expect(NS2, "www.example.test.", Type.A).respond(Reply.rcode(Rcode.REFUSED));

    Resolution result = resolver(Budgets.DEFAULTS).resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED);
    assertThat(kinds(result)).containsExactly(Diagnostic.Kind.LAME_SERVER, Diagnostic.Kind.LAME_SERVER);
  }

  /* ---- bailiwick ---- */

  @Test
  @DisplayName("RFC 2181 §5.4.1: records outside the answering zone are dropped, reported and never cached")
  void outOfBailiwickRecords_areNotCached() {
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExample("www.example.test.");
    transport.expect(NS1, "www.example.test.", Type.A).respond(Reply.noError().authoritative()
        .answer("www.example.test. 300 A 192.0.2.1", "victim.test. 300 A 192.0.2.66")
        .additional("ns.test. 86400 A 127.0.0.66"));
    answers(TLD, "victim.test.", "192.0.2.2");
    Resolver warm = resolver(Budgets.DEFAULTS);

    Resolution poisoned = warm.resolve("www.example.test.", Type.A);
    Resolution victim = warm.resolve("victim.test.", Type.A);

    assertThat(poisoned.diagnostics()).filteredOn(d -> d.kind() == Diagnostic.Kind.OUT_OF_BAILIWICK_DROPPED)
        .singleElement().satisfies(d -> assertThat(d.detail()).startsWith("2 RRset(s) outside example.test."));
    assertThat(addresses(victim)).containsExactly("192.0.2.2");
    assertThat(transport.exchangeLines()).last().isEqualTo("127.0.0.2 victim.test./A");
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: an out-of-bailiwick record never replaces a cached answer")
  void outOfBailiwickRecord_leavesCachedAnswerUnchanged() {
    primes();
    rootRefersToTest("victim.test.");
    answers(TLD, "victim.test.", "192.0.2.2");
    tldRefersToExample("www.example.test.");
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
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExample("www.example.test.");

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
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExample("www.example.test.");
    Budgets oneReferral = new Budgets(Budgets.DEFAULT_MAX_HOPS, Budgets.DEFAULT_MAX_QUERIES, 1,
        Budgets.DEFAULT_MAX_DEPTH, Budgets.DEFAULT_DEADLINE, Budgets.DEFAULT_QUERY_TIMEOUT);

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
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExampleOnTwoServers("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).timeout();
    transport.expect(NS2, "www.example.test.", Type.A).timeout();

    Resolution result = resolver(Budgets.DEFAULTS.withDeadline(Duration.ofSeconds(2)))
        .resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(((Resolution.Failure) result).detail()).contains("PT2S");
    assertThat(transport.exchanges()).extracting(ScriptedTransport.Exchange::timeout).endsWith(
        Duration.ofMillis(1500), Duration.ofMillis(2000 - 20 - 1500));
    assertThat(ticker.elapsed()).isEqualTo(Duration.ofSeconds(2));
  }

  /* ---- name-server look-ups ---- */

  @Test
  @DisplayName("RFC 1034 §5.3.3 step 2: a glueless delegation's NS name is resolved as a child query, then used")
  void gluelessDelegation_resolvesNameServerFirst() {
    primes();
    rootRefersToTest("www.example.test.");
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.noError()
        .authority("example.test. 86400 NS ns.hoster.test."));
    transport.expect(TLD, "ns.hoster.test.", Type.A).respond(Reply.noError()
        .authority("hoster.test. 86400 NS ns.hoster.test.").additional("ns.hoster.test. 86400 A 127.0.0.30"));
    answers("127.0.0.30", "ns.hoster.test.", "127.0.0.30");
    answers("127.0.0.30", "www.example.test.", "192.0.2.1");

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
    primes();
    rootRefersToTest("www.example.test.");
    tldRefersToExample("www.example.test.");
    answers(NS1, "www.example.test.", "192.0.2.1");
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
    primes();
    rootRefersToTest("a.example.test.");
    tldRefersToExample("a.example.test.");
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.nxDomain().authoritative()
        .answer("a.example.test. 300 CNAME gone.example.test.").authority(SOA));

    Resolution result = resolver(Budgets.DEFAULTS).resolve("a.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.NxDomain.class);
    assertThat(result.finalName()).hasToString("gone.example.test.");
    assertThat(result.upstreamQueries()).isEqualTo(4);
  }
}
