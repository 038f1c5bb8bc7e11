package org.dnschase.resolver.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
  @DisplayName("a backslash is doubled, so an escape sent as text is told from one written here")
  void backslash_isDoubled() {
    assertThat(LogText.escaped("\\x1b")).isEqualTo("\\\\x1b");
  }
}
