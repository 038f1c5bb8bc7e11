package org.dnschase.resolver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    String source = Files.readString(Path.of("src/main/java/org/dnschase/resolver/examples/Embedding.java"));
    String readme = Files.readString(Path.of("../README.md"));

    String region = unindent(between(source, "// region embedding\n", "    // endregion"));
    String snippet = between(readme, "<!-- embedding: examples/src/main/java/org/dnschase/resolver/examples/Embedding.java -->\n```java\n", "```");

    assertThat(snippet).isEqualTo(region);
  }

  private static String between(String text, String start, String end) {
    Matcher matcher = Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL).matcher(text);
    assertThat(matcher.find()).as("markers %s ... %s", start.strip(), end.strip()).isTrue();
    return matcher.group(1);
  }

  private static String unindent(String code) {
    return code.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .reduce("", (all, line) -> all + line + "\n");
  }
}
