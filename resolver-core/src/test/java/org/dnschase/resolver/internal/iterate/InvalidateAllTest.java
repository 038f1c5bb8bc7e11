package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS1;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;

import java.time.Duration;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.cache.RRsetCache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Emptying the cache empties what the resolver keeps beside it: the next question starts as cold
 * as on a fresh resolver, with its finished resolutions and what it knew of servers forgotten.
 */
@DisplayName("invalidateAll: the next question starts as on a fresh resolver")
class InvalidateAllTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();

  private final RRsetCache cache = RRsetCache.builder().timeSource(tree.ticker()).build();
  private final Resolver resolver = Resolver.builder()
      .transport(transport)
      .rootHints(RootHints.parse(ScriptedTree.ROOT_HINTS))
      .timeSource(tree.ticker())
      .cache(cache)
      .loopbackOnly()
      .qnameMinimisation(false)
      .build();

  /** Resolves www.example.test. cold, then once from the cache: the root's RTT is then known. */
  private void resolveTwice() {
    tree.walksToExample("www.example.test.");
    tree.answers(NS1, "www.example.test.", "192.0.2.1");
    resolver.resolve("www.example.test.", Type.A);
    assertThat(resolver.resolve("www.example.test.", Type.A).upstreamQueries()).isZero();
    transport.clearExchanges();
  }

  /** After emptying: priming again, with the first wait for a root server never measured. */
  private void assertStartsCold() {
    tree.walksToExample("www.example.test.");
    tree.answers(NS1, "www.example.test.", "192.0.2.1");

    assertThat(addresses(resolver.resolve("www.example.test.", Type.A))).containsExactly("192.0.2.1");

    assertThat(transport.exchanges()).hasSize(4);
    // RFC 6298 §2.1: a server never measured is waited for 1 s, as the root's server is again:
    // the resolution's own query and the priming sent right after it, before any reply
    assertThat(transport.exchanges().get(0).timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(transport.exchanges().get(1).query().getQuestion().getName()).isEqualTo(Name.root);
    assertThat(transport.exchanges().get(1).timeout()).isEqualTo(Duration.ofSeconds(1));
    resolver.close();
  }

  @Test
  @DisplayName("Resolver.invalidateAll forgets the cache, finished resolutions and server state")
  void resolverInvalidateAll_forgetsEverything() {
    resolveTwice();
    resolver.invalidateAll();
    assertStartsCold();
  }

  @Test
  @DisplayName("the cache's own invalidateAll does the same for each resolver built on it")
  void cacheInvalidateAll_forgetsEverything() {
    resolveTwice();
    cache.invalidateAll();
    assertStartsCold();
  }
}
