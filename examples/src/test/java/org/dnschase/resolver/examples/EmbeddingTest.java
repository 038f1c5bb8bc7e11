package org.dnschase.resolver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.Test;

/** The README's embedding example is this module's {@code Embedding}, and it works. */
class EmbeddingTest {

  @Test
  void embeddingExample_resolvesTheDemoChain() {
    try (TestHierarchy hierarchy = DemoHierarchy.start()) {
      String outcome = Embedding.describe(RootHints.of(hierarchy.rootHints()), hierarchy.port(),
          "www.shop.example.");

      assertThat(outcome).contains("192.0.2.80", "192.0.2.81", "after 4 hops");
    }
  }

  @Test
  void readme_showsTheCompiledExampleVerbatim() throws IOException {
    String path = "examples/src/main/java/org/dnschase/resolver/examples/Embedding.java";

    assertThat(ReadmeSnippets.readme("embedding", path)).isEqualTo(ReadmeSnippets.region("embedding", path));
  }
}
