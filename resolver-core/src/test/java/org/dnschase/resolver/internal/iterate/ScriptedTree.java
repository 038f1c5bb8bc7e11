package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.internal.reply.Reply;
import org.dnschase.resolver.internal.servers.FakeTicker;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Type;

/**
 * The scripted DNS tree of the iteration tests, as a JUnit extension: a {@link ScriptedTransport}
 * on a {@link FakeTicker}, resolvers built on them (closed after each test, then the script is
 * verified), and the script's common building blocks:
 *
 * <pre>
 *   .               a.root.lab.       127.0.0.1
 *   test.           ns.test.          127.0.0.2
 *   example.test.   ns1.example.test. 127.0.0.11   (or ns.test. + ns2.example.test. 127.0.0.12)
 * </pre>
 */
final class ScriptedTree implements AfterEachCallback {

  static final String ROOT_HINTS = """
      .            3600000 NS a.root.lab.
      a.root.lab.  3600000 A  127.0.0.1
      """;
  static final String ROOT = "127.0.0.1";
  static final String TLD = "127.0.0.2";
  static final String NS1 = "127.0.0.11";
  static final String NS2 = "127.0.0.12";
  static final String EXAMPLE_SOA =
      "example.test. 300 SOA ns1.example.test. host.example.test. 1 3600 600 86400 300";

  private final FakeTicker ticker = new FakeTicker();
  private final ScriptedTransport transport = new ScriptedTransport(ticker);
  private final List<Resolver> resolvers = new ArrayList<>();

  FakeTicker ticker() {
    return ticker;
  }

  ScriptedTransport transport() {
    return transport;
  }

  /** A resolver on the scripted transport and fake ticker, tracing, loopback only. */
  Resolver resolver(Budgets budgets) {
    return resolver(builder -> builder.budgets(budgets).loopbackOnly());
  }

  /** A resolver on the scripted transport and fake ticker, tracing, as {@code configure} sets it up besides. */
  Resolver resolver(UnaryOperator<ResolverBuilder> configure) {
    Resolver resolver = configure.apply(Resolver.builder()
        .transport(transport)
        .rootHints(RootHints.parse(ROOT_HINTS))
        .timeSource(ticker)
        .recordTrace(true)
        // Scripts spell out full-name exchanges; minimisation has its own tests.
        .qnameMinimisation(false))
        .build();
    resolvers.add(resolver);
    return resolver;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    resolvers.forEach(Resolver::close);
    transport.verify();
  }

  /* ---- the script's building blocks ---- */

  /** RFC 8109: the root hint answers the priming query with the root NS set and its address. */
  void primes() {
    transport.expect(ROOT, ".", Type.NS).respond(Reply.noError().authoritative()
        .answer(". 86400 NS a.root.lab.").additional("a.root.lab. 86400 A 127.0.0.1"));
  }

  void rootRefersToTest(String name) {
    transport.expect(ROOT, name, Type.A).respond(Reply.noError()
        .authority("test. 86400 NS ns.test.").additional("ns.test. 86400 A 127.0.0.2"));
  }

  /** test. delegates example.test. to ns1.example.test. alone. */
  void tldRefersToExample(String name) {
    transport.expect(TLD, name, Type.A).respond(Reply.noError()
        .authority("example.test. 86400 NS ns1.example.test.")
        .additional("ns1.example.test. 86400 A 127.0.0.11"));
  }

  /**
   * test. delegates example.test. to ns.test. (the TLD's own host, already measured at 20 ms, so
   * asked first) and ns2.example.test. (never asked yet, so at the 376 ms prior).
   */
  void tldRefersToExampleOnTwoServers(String name) {
    transport.expect(TLD, name, Type.A).after(Duration.ofMillis(20)).respond(Reply.noError()
        .authority("example.test. 86400 NS ns.test.", "example.test. 86400 NS ns2.example.test.")
        .additional("ns.test. 86400 A 127.0.0.2", "ns2.example.test. 86400 A 127.0.0.12"));
  }

  /** The walk to example.test.'s server for a cold resolver: priming, then two referrals. */
  void walksToExample(String name) {
    primes();
    rootRefersToTest(name);
    tldRefersToExample(name);
  }

  /** {@code server} answers (name, A) authoritatively after 30 ms. */
  void answers(String server, String name, String address) {
    answers(server, name, address, Duration.ofMillis(30));
  }

  void answers(String server, String name, String address, Duration rtt) {
    transport.expect(server, name, Type.A).after(rtt)
        .respond(Reply.noError().authoritative().answer(name + " 300 A " + address));
  }

  /* ---- reading results ---- */

  static List<String> addresses(Resolution result) {
    assertThat(result).isInstanceOf(Resolution.Answer.class);
    return ((Resolution.Answer) result).records().stream()
        .map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
  }

  static List<Diagnostic.Kind> kinds(Resolution result) {
    return result.diagnostics().stream().map(Diagnostic::kind).toList();
  }

  static List<String> arrows(Resolution result) {
    return result.chain().stream().map(hop -> hop.owner() + " -> " + hop.target()).toList();
  }
}
