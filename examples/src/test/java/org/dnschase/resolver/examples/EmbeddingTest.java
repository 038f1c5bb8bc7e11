package org.dnschase.resolver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.Test;

/** The README's embedding example ({@code Embedding}, which {@code SamplesTest} holds to the README) works. */
class EmbeddingTest {

  @Test
  void embeddingExample_resolvesTheDemoChain() {
    try (TestHierarchy hierarchy = DemoHierarchy.start()) {
      String outcome = Embedding.describe(RootHints.of(hierarchy.rootHints()), hierarchy.port(),
          "www.shop.example.");

      assertThat(outcome).contains("192.0.2.80", "192.0.2.81", "after 4 hops");
    }
  }
}
