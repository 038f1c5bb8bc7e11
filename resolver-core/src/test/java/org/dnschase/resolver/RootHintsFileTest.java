package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root hints file is master-file text (RFC 1035 §5.1), which is octets, not a character
 * encoding: read octet for octet, as Unbound and BIND read a named.root, a byte that is no UTF-8
 * (a Latin-1 comment) is a byte like any other, and only what does not parse is refused, by line.
 */
class RootHintsFileTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("RFC 1035 §5.1: a byte that is not UTF-8 in a comment leaves the file's servers as they are")
  void octetThatIsNoUtf8InAComment_serversRead() throws IOException {
    Path file = Files.write(dir.resolve("named.root"), (". 3600000 NS a.root-servers.net.\n"
        + "a.root-servers.net. 3600000 A 198.41.0.4 ; mis \u00e0 jour\n").getBytes(StandardCharsets.ISO_8859_1));

    assertThat(RootHints.read(file).addresses()).containsExactly(InetAddress.getByName("198.41.0.4"));
  }

  @Test
  @DisplayName("RFC 1035 §5.1: such a byte where a record needs an address is refused as text that does not parse")
  void octetThatIsNoUtf8InARecord_refusedAsNotParsing() throws IOException {
    Path file = Files.write(dir.resolve("named.root"), (". 3600000 NS a.root-servers.net.\n"
        + "a.root-servers.net. 3600000 A 198.41.0.\u00e0\n").getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> RootHints.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not parse");
  }

  @Test
  @DisplayName("a line that does not parse is named by its number, not by dnsjava's name for text without a file")
  void lineThatDoesNotParse_isNamedByNumber() throws IOException {
    Path file = Files.writeString(dir.resolve("named.root"), ". 3600000 NS a.root-servers.net.\ngarbage here\n");

    assertThatThrownBy(() -> RootHints.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("root hints do not parse: line 2: Invalid type 'here'");
  }
}
