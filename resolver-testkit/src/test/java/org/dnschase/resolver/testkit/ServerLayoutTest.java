package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.testkit.Client.lines;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ServerLayoutTest {
  private static final Name TEST = Name.fromConstantString("test.");
  private static final Name SHARED = Name.fromConstantString("shared.test.");

  @Test
  @DisplayName("RFC 1034 §4.2.1: each zone is served at the addresses of its apex NS hosts")
  void servers_followTheApexNs() {
    try (TestHierarchy dns = StandardHierarchy.start()) {
      assertThat(dns.servers()).extracting(AuthServer::address).containsExactly(
          StandardHierarchy.ROOT_SERVER, StandardHierarchy.TLD_SERVER, StandardHierarchy.EXAMPLE_SERVER);
      assertThat(dns.server(StandardHierarchy.TLD_SERVER).zones()).containsExactly(TEST, SHARED);
      assertThat(dns.serversFor(SHARED)).containsExactly(dns.server(StandardHierarchy.TLD_SERVER));
      assertThat(dns.serversFor(Name.fromConstantString("nowhere.test."))).isEmpty();
      assertThatThrownBy(() -> dns.server(StandardHierarchy.address("127.53.9.9")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.53.9.9");
    }
  }

  @Test
  @DisplayName("RFC 1034 §4.2.1: a zone with two NS hosts is served at both addresses")
  void twoNameServers_twoServers() throws Exception {
    String text = """
        $ORIGIN two.test.
        $TTL 300
        @     SOA ns1 hostmaster 1 1800 900 604800 60
        @     NS  ns1
        @     NS  ns2
        ns1   A   127.53.1.1
        ns2   A   127.53.1.2
        www   A   127.0.0.2
        """;
    try (TestHierarchy dns = TestHierarchy.builder().zone(text).build()) {
      assertThat(dns.serversFor(Name.fromConstantString("two.test."))).hasSize(2);
      for (AuthServer server : dns.servers()) {
        assertThat(lines(Client.udp(server, Client.query("www.two.test.", Type.A)), Section.ANSWER))
            .containsExactly("www.two.test. 300 IN A 127.0.0.2");
      }
    }
  }

  @Test
  @DisplayName("RFC 3596 §2.1: an NS host with AAAA ::1 gets a server on IPv6 loopback")
  void aaaaLoopback_servesOnIpv6() throws Exception {
    String text = """
        $ORIGIN six.test.
        $TTL 300
        @     SOA ns hostmaster 1 1800 900 604800 60
        @     NS  ns
        ns    AAAA ::1
        www   A   127.0.0.6
        """;
    try (TestHierarchy dns = TestHierarchy.builder().zone(text).build()) {
      AuthServer server = dns.server(StandardHierarchy.address("::1"));
      assertThat(Client.udp(server, Client.query("www.six.test.", Type.A)).getSection(Section.ANSWER))
          .hasSize(1);
    }
  }

  @Test
  @DisplayName("The root hints are the root's NS hosts and their addresses, also as master-file text")
  void rootHints_mapAndText() throws Exception {
    try (TestHierarchy dns = StandardHierarchy.start()) {
      assertThat(dns.rootHints()).isEqualTo(Map.of(
          Name.fromConstantString("a.root.test."), List.of(StandardHierarchy.ROOT_SERVER)));
      List<String> parsed = new ArrayList<>();
      try (Master master = new Master(new ByteArrayInputStream(
          dns.rootHintsText().getBytes(StandardCharsets.UTF_8)))) {
        for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
          parsed.add(r.toString().replaceAll("\\s+", " "));
        }
      }
      assertThat(parsed).containsExactly(
          ". 86400 IN NS a.root.test.", "a.root.test. 86400 IN A 127.53.0.1");
    }
  }

  @Test
  @DisplayName("Without a root zone the root hints are empty")
  void noRootZone_emptyHints() {
    try (TestHierarchy dns = TestHierarchy.builder().zone(StandardHierarchy.EXAMPLE).build()) {
      assertThat(dns.rootHints()).isEmpty();
      assertThat(dns.rootHintsText()).isEmpty();
    }
  }

  @Test
  @DisplayName("A name server address outside loopback is refused, naming the zone and the address")
  void nonLoopbackAddress_isRefused() {
    String text = """
        $ORIGIN public.test.
        @     300 SOA ns hostmaster 1 1800 900 604800 60
        @     300 NS  ns
        ns    300 A   192.0.2.53
        """;
    assertThatThrownBy(() -> TestHierarchy.builder().zone(text).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("public.test.").hasMessageContaining("192.0.2.53");
  }

  @Test
  @DisplayName("A zone whose NS hosts have no address in the zones is refused, naming the zone")
  void noAddress_isRefused() {
    String text = """
        $ORIGIN orphan.test.
        @     300 SOA ns.elsewhere.test. hostmaster 1 1800 900 604800 60
        @     300 NS  ns.elsewhere.test.
        """;
    assertThatThrownBy(() -> TestHierarchy.builder().zone(text).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orphan.test.").hasMessageContaining("ns.elsewhere.test.");
  }
}
