package org.dnschase.resolver.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auth-zone text that dnsjava's master-file reader trips on, or that would hold it for hours, is
 * refused with an {@link IllegalArgumentException} saying where, as any other malformed zone.
 */
class AuthZoneMalformedTextTest {

  static final String APEX = """
      $TTL 300
      @   SOA ns hostmaster 1 3600 600 86400 300
      @   NS  ns
      ns  A   192.0.2.1
      """;

  @Test
  @DisplayName("An empty quoted owner name is refused naming the record after the last one read, not an index out of bounds")
  void emptyQuotedOwner_isRefusedWithAReason() {
    assertThatThrownBy(() -> AuthZone.parse("corp.lab.", APEX + "\"\" A 192.0.2.2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("zone data of corp.lab., record 4 (after ns.corp.lab.")
        .hasMessageContaining("does not parse");
  }

  @Test
  @DisplayName("The fuzzer's finding: quotes and parentheses only are refused with a reason")
  void quotesAndParentheses_areRefusedWithAReason() {
    assertThatThrownBy(() -> AuthZone.parse("corp.lab.", "\"\"\"\"]((\r((\r(M(\r((\r(M"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("zone data of corp.lab., ");
  }

  @Test
  @DisplayName("Generic rdata too short for its type (an NS of no octets, RFC 3597 §5) is refused with a reason, not an I/O error")
  void genericRdataTooShortForItsType_isRefusedWithAReason() {
    assertThatThrownBy(() -> AuthZone.parse("corp.lab.", APEX + "www NS \\# 0\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("zone data of corp.lab., record 4 (after ns.corp.lab.")
        .hasMessageContaining("WireParseException");
  }

  @Test
  @DisplayName("An HTTPS record whose port has no value is refused naming the record, its parser naming no line")
  void httpsPortWithoutValue_isRefusedNamingTheRecord() {
    assertThatThrownBy(() -> AuthZone.parse("corp.lab.", APEX + "www HTTPS 1 . port\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("zone data of corp.lab., record 4 (after ns.corp.lab.")
        .hasMessageContaining("port");
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName("A $GENERATE over four billion names is refused at once, naming the line's range")
  void hugeGenerate_isRefused() {
    assertThatThrownBy(() -> AuthZone.parse("corp.lab.", APEX + "$GENERATE 0-4294967295 host$ A 192.0.2.9\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0-4294967295")
        .hasMessageContaining("more than 65536 records");
  }

  @Test
  @DisplayName("A $GENERATE of sane size stands for its records")
  void saneGenerate_isExpanded() {
    AuthZone zone = AuthZone.parse("corp.lab.", APEX + "$GENERATE 1-10 host$ A 192.0.2.$\n");

    assertThat(zone.records()).hasSize(3 + 10);
    assertThat(zone.records()).anySatisfy(record -> assertThat(record.rdataToString()).isEqualTo("192.0.2.10"));
  }

  @Test
  @DisplayName("Zone text given in code reads no other file: its $INCLUDE is refused")
  void includeInText_isRefused(@TempDir Path dir) throws Exception {
    Path other = Files.writeString(dir.resolve("other.zone"), "extra A 192.0.2.3\n");

    assertThatThrownBy(() -> AuthZone.parse("corp.lab.", APEX + "$INCLUDE " + other + "\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("zone data of corp.lab., line 5:");
  }
}
