package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Root hints text from any source either parses into servers that each have an address, or is
 * refused with an {@link IllegalArgumentException} that says why; nothing else escapes.
 */
class RootHintsFuzzTest {

  @FuzzTest
  void anyTextParsesOrIsRefusedWithAReason(byte[] input) {
    String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
    RootHints hints;
    try {
      hints = RootHints.parse(text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(hints.servers()).isNotEmpty();
    hints.servers().forEach((name, addresses) -> {
      assertThat(name.isAbsolute()).isTrue();
      assertThat(addresses).isNotEmpty();
    });
  }
}
