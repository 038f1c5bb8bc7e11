package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.testkit.Client.lines;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ZoneLoadingTest {

  private static Message ask(TestHierarchy dns, String name, int type) throws Exception {
    return Client.udp(dns.servers().get(0), Client.query(name, type));
  }

  @Test
  @DisplayName("RFC 1035 §5.1: the origin comes from $ORIGIN, relative names and $TTL apply")
  void origin_fromDollarOrigin() throws Exception {
    try (TestHierarchy dns = TestHierarchy.builder().zone(StandardHierarchy.EXAMPLE).build()) {
      assertThat(dns.servers().get(0).zones()).containsExactly(Name.fromConstantString("example.test."));
      assertThat(lines(ask(dns, "www.example.test.", Type.A), Section.ANSWER))
          .first().isEqualTo("www.example.test. 300 IN A 127.0.0.80");
    }
  }

  @Test
  @DisplayName("RFC 1035 §5.1: without $ORIGIN the absolute SOA owner is the origin")
  void origin_fromSoaOwner() throws Exception {
    String text = """
        plain.test.       300 IN SOA ns.plain.test. hostmaster.plain.test. 1 1800 900 604800 60
        plain.test.       300 IN NS  ns.plain.test.
        ns.plain.test.    300 IN A   127.53.0.7
        """;
    try (TestHierarchy dns = TestHierarchy.builder().zone(text).build()) {
      assertThat(dns.servers().get(0).zones()).containsExactly(Name.fromConstantString("plain.test."));
    }
  }

  @Test
  @DisplayName("RFC 1035 §5.1: zone(Name, text) makes relative names relative to the given origin")
  void origin_given() throws Exception {
    String text = """
        $TTL 120
        @    SOA ns hostmaster 1 1800 900 604800 60
        @    NS  ns
        ns   A   127.53.0.7
        host A   127.0.0.7
        """;
    try (TestHierarchy dns = TestHierarchy.builder()
        .zone(Name.fromConstantString("given.test."), text).build()) {
      assertThat(lines(ask(dns, "host.given.test.", Type.A), Section.ANSWER))
          .containsExactly("host.given.test. 120 IN A 127.0.0.7");
    }
  }

  @Test
  @DisplayName("Relative names with no origin at all are refused with a hint")
  void noOrigin_isRefused() {
    assertThatThrownBy(() -> TestHierarchy.builder().zone("@ SOA ns hostmaster 1 2 3 4 5\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$ORIGIN");
  }

  @Test
  @DisplayName("RFC 1035 §5.2: a zone without an SOA or without NS is refused, naming the zone")
  void zoneWithoutSoaOrNs_isRefused() {
    assertThatThrownBy(() -> TestHierarchy.builder().zone("$ORIGIN x.test.\nwww 300 A 127.0.0.1\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOA");
    assertThatThrownBy(() -> TestHierarchy.builder()
        .zone("$ORIGIN x.test.\n@ 300 SOA ns hostmaster 1 2 3 4 5\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.test.");
  }

  @Test
  @DisplayName("The same origin twice is refused")
  void duplicateZone_isRefused() {
    TestHierarchy.Builder builder = TestHierarchy.builder().zone(StandardHierarchy.EXAMPLE);

    assertThatThrownBy(() -> builder.zone(StandardHierarchy.EXAMPLE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("example.test.");
  }

  @Test
  @DisplayName("$INCLUDE is refused: the text is the whole zone")
  void include_isRefused() {
    assertThatThrownBy(() -> TestHierarchy.builder()
        .zone(Name.fromConstantString("x.test."), "$INCLUDE /etc/hostname\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$INCLUDE");
  }
}
