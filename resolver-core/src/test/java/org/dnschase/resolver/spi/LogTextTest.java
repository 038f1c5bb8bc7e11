package org.dnschase.resolver.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Text from outside reaches a log line escaped: nothing in it moves or restyles a terminal, starts
 * a line of its own or hides what follows, and what was sent reads back exactly.
 */
class LogTextTest {

  @Test
  @DisplayName("printable text, spaces and non-ASCII letters are kept as they are")
  void printable_isKept() {
    assertThat(LogText.escaped("flush www.example. über ü 例")).isEqualTo("flush www.example. über ü 例");
  }

  @Test
  @DisplayName("a terminal escape, a carriage return, a line feed, a tab and DEL are written as \\xNN")
  void controls_areEscaped() {
    assertThat(LogText.escaped("stats\u001b[2J\r\nINFO forged\t\u007f"))
        .isEqualTo("stats\\x1b[2J\\x0d\\x0aINFO forged\\x09\\x7f");
  }

  @Test
  @DisplayName("C1 controls (NEL), line separators and bidirectional overrides are escaped too")
  void invisibleUnicode_isEscaped() {
    assertThat(LogText.escaped("a\u0085b\u2028c\u202ed\uD800e")).isEqualTo("a\\x85b\\x{2028}c\\x{202e}d\\x{d800}e");
  }

  @Test
  @DisplayName("a backslash before an x or an escape is doubled, so an escape sent as text is told from one written here")
  void backslashBeforeAnEscape_isDoubled() {
    assertThat(LogText.escaped("\\x1b")).isEqualTo("\\\\x1b");
    assertThat(LogText.escaped("\\\u001b")).isEqualTo("\\\\\\x1b");
  }

  @Test
  @DisplayName("RFC 1035 §5.1: a name's own escapes (\\. in a label, \\032, \\\\) are kept, not escaped again")
  void dnsNameInPresentationFormat_isKeptAsWritten() throws TextParseException {
    Name name = Name.fromString("a\\.b.my\\032host.back\\\\slash.example.");

    assertThat(LogText.escaped(name.toString())).isEqualTo("a\\.b.my\\032host.back\\\\slash.example.")
        .isEqualTo(name.toString());
  }

  @Test
  @DisplayName("whatever was sent reads back exactly: backslashes, x's and controls in any order")
  void anyText_readsBackExactly() {
    Random random = new Random(1035);
    String alphabet = "\\\\\\x1b.a\u001b\n\u202e";
    for (int n = 0; n < 10_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int length = random.nextInt(8); length > 0; length--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(readBack(LogText.escaped(text))).as(text.toString()).isEqualTo(text.toString());
    }
  }

  /**
   * Reads escaped text back: a run of backslashes before an x is doubled literal backslashes when
   * even and ends in an escape when odd; any other run is literal.
   */
  private static String readBack(String escaped) {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < escaped.length()) {
      int run = 0;
      while (i < escaped.length() && escaped.charAt(i) == '\\') {
        run++;
        i++;
      }
      if (i >= escaped.length() || escaped.charAt(i) != 'x') {
        text.repeat('\\', run);
      } else {
        text.repeat('\\', run / 2);
        if (run % 2 == 1) {
          i = unescape(escaped, i + 1, text);
          continue;
        }
      }
      if (i < escaped.length()) {
        text.append(escaped.charAt(i++));
      }
    }
    return text.toString();
  }

  /** Appends the character of the escape whose digits start at {@code from}; returns where it ends. */
  private static int unescape(String escaped, int from, StringBuilder text) {
    if (escaped.charAt(from) == '{') {
      int end = escaped.indexOf('}', from);
      text.appendCodePoint(Integer.parseInt(escaped.substring(from + 1, end), 16));
      return end + 1;
    }
    text.append((char) Integer.parseInt(escaped.substring(from, from + 2), 16));
    return from + 2;
  }
}
