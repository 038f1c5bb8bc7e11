package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS1;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.reply.Reply;
import org.dnschase.resolver.spi.Transport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * What a reply's step caches that the next query does not read (a referral's NS set, grant, glue
 * and parent-side glue, an alias the walk leaves) is cached right after that query has been sent, not
 * before ({@link AfterSend}): the cache holds the same once the step ends, and a failure of that
 * work still ends the resolution as the internal error it was.
 */
class SendFirstTest {

  private static final Name TEST = Name.fromConstantString("test.");
  private static final Name EXAMPLE = Name.fromConstantString("example.test.");
  private static final Name WWW = Name.fromConstantString("www.example.test.");
  private static final Name NS_TEST = Name.fromConstantString("ns.test.");
  private static final Name NS1_EXAMPLE = Name.fromConstantString("ns1.example.test.");

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();

  @Test
  @DisplayName("RFC 1034 §5.3.3: a referral's NS set is cached right after the child zone's first query left, before the next reply")
  void referralNsSet_cachedAfterTheChildsQueryIsSent() {
    tree.walksToExample("www.example.test.");
    tree.answers(NS1, "www.example.test.", "192.0.2.1");

    List<String> seen = resolveWatching("www.example.test.", TEST, Type.NS, EXAMPLE, Type.NS);

    assertThat(seen).containsExactly(
        "www.example.test. to 127.0.0.1: test./NS no, example.test./NS no",
        ". to 127.0.0.1: test./NS no, example.test./NS no", // the priming, right after the resolution's own query
        // the root's referral: its NS set is not cached yet when the TLD is asked...
        "www.example.test. to 127.0.0.2: test./NS no, example.test./NS no",
        // ... and is by the next query: the step that sent the first ended with it cached
        "www.example.test. to 127.0.0.11: test./NS yes, example.test./NS no",
        "after: test./NS yes, example.test./NS yes");
  }

  @Test
  @DisplayName("RFC 1034 §5.3.3: a referral's glue is cached right after the child zone's first query left, "
      + "which it told where to go")
  void referralGlue_cachedAfterTheChildsQueryIsSent() {
    tree.walksToExample("www.example.test.");
    tree.answers(NS1, "www.example.test.", "192.0.2.1");

    List<String> seen = resolveWatching("www.example.test.", NS_TEST, Type.A, NS1_EXAMPLE, Type.A);

    assertThat(seen).containsExactly(
        "www.example.test. to 127.0.0.1: ns.test./A no, ns1.example.test./A no",
        ". to 127.0.0.1: ns.test./A no, ns1.example.test./A no",
        // the root's referral: the glue the TLD's query went to is not cached yet...
        "www.example.test. to 127.0.0.2: ns.test./A no, ns1.example.test./A no",
        // ... and is by the next query
        "www.example.test. to 127.0.0.11: ns.test./A yes, ns1.example.test./A no",
        "after: ns.test./A yes, ns1.example.test./A yes");
  }

  @Test
  @DisplayName("RFC 1034 §3.6.2: a CNAME leaving the reply is cached right after its target's first query left")
  void cname_cachedAfterTheTargetsQueryIsSent() {
    tree.walksToExample("www.example.test.");
    tree.transport().expect(NS1, "www.example.test.", Type.A).respond(Reply.noError().authoritative()
        .answer("www.example.test. 300 CNAME target.test."));
    tree.transport().expect(ScriptedTree.TLD, "target.test.", Type.A).respond(Reply.noError().authoritative()
        .answer("target.test. 300 A 192.0.2.7"));

    List<String> seen = resolveWatching("www.example.test.", WWW, Type.CNAME);

    assertThat(seen).endsWith(
        "target.test. to 127.0.0.2: www.example.test./CNAME no",
        "after: www.example.test./CNAME yes");
  }

  @Test
  @DisplayName("a CNAME to a name below itself is cached before the target is walked to, which may read it")
  void cnameBelowItsOwner_cachedBeforeTheTargetsQuery() {
    tree.walksToExample("www.example.test.");
    tree.transport().expect(NS1, "www.example.test.", Type.A).respond(Reply.noError().authoritative()
        .answer("www.example.test. 300 CNAME a.www.example.test."));
    tree.transport().expect(NS1, "a.www.example.test.", Type.A).respond(Reply.noError().authoritative()
        .answer("a.www.example.test. 300 A 192.0.2.8"));

    List<String> seen = resolveWatching("www.example.test.", WWW, Type.CNAME);

    assertThat(seen).endsWith(
        "a.www.example.test. to 127.0.0.11: www.example.test./CNAME yes",
        "after: www.example.test./CNAME yes");
  }

  @Test
  @DisplayName("a failure in a referral's work done after the next query's send ends the resolution as an internal error")
  void failureAfterTheSend_isReported() {
    tree.primes();
    tree.rootRefersToTest("www.example.test.");
    tree.tldRefersToExample("www.example.test."); // sent before the failing work, its reply never used
    RRsetCache failing = failingOnNs(RRsetCache.builder().timeSource(tree.ticker()).build(), TEST);

    Resolver resolver = tree.resolver(builder -> builder.budgets(Budgets.DEFAULTS).loopbackOnly().cache(failing));
    Resolution result = resolver.resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    Resolution.Failure failure = (Resolution.Failure) result;
    assertThat(failure.reason()).isEqualTo(FailureReason.INTERNAL_ERROR);
    assertThat(failure.detail()).contains("no NS set of test. today");
    assertThat(tree.transport().exchangeLines()).containsExactly(
        "127.0.0.1 www.example.test./A", "127.0.0.1 ./NS", "127.0.0.2 www.example.test./A");
  }

  /**
   * Resolves {@code name} A with a resolver on the tree's script and a cache of its own, noting at
   * each query it sends, and after its answer, whether the cache holds each (name, type) of {@code
   * watched}.
   */
  private List<String> resolveWatching(String name, Object... watched) {
    RRsetCache cache = RRsetCache.builder().timeSource(tree.ticker()).build();
    List<String> seen = new ArrayList<>();
    Transport watching = (server, query, timeout) -> {
      seen.add(query.getQuestion().getName() + " to " + server.getAddress().getHostAddress() + ": "
          + cached(cache, watched));
      return tree.transport().exchange(server, query, timeout);
    };
    try (Resolver resolver = Resolver.builder().transport(watching).rootHints(RootHints.parse(ScriptedTree.ROOT_HINTS))
        .timeSource(tree.ticker()).qnameMinimisation(false).loopbackOnly().cache(cache).build()) {
      assertThat(resolver.resolve(name, Type.A)).isInstanceOf(Resolution.Answer.class);
    }
    seen.add("after: " + cached(cache, watched));
    return seen;
  }

  private static String cached(RRsetCache cache, Object... watched) {
    List<String> held = new ArrayList<>();
    for (int i = 0; i < watched.length; i += 2) {
      Name owner = (Name) watched[i];
      int type = (Integer) watched[i + 1];
      held.add(owner + "/" + Type.string(type) + " "
          + (cache.lookup(owner, type, DClass.IN) instanceof CacheLookup.Hit ? "yes" : "no"));
    }
    return String.join(", ", held);
  }

  /** {@code cache}, but one that refuses, by throwing, to store the NS set of {@code zone}. */
  private static RRsetCache failingOnNs(RRsetCache cache, Name zone) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("put") && args[0] instanceof RRset rrset && rrset.getType() == Type.NS
          && rrset.getName().equals(zone)) {
        throw new IllegalStateException("no NS set of " + zone + " today");
      }
      try {
        return method.invoke(cache, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (RRsetCache) Proxy.newProxyInstance(RRsetCache.class.getClassLoader(), new Class<?>[] {RRsetCache.class},
        handler);
  }
}
