package org.dnschase.resolver.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.dnschase.resolver.Resolver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** How forward and stub zones are written, and what the builder refuses, each with a message saying why. */
class ConfiguredZoneSyntaxTest {

  @Test
  @DisplayName("Servers are addresses with an optional @port (0 stands for the upstream port) or host names")
  void servers_areAddressesWithOptionalPortOrHostNames() {
    ForwardZone zone = ForwardZone.of("corp.example", "192.0.2.1", "2001:db8::1@5353", "ns.corp.example.");

    assertThat(zone.name()).isEqualTo(Name.fromConstantString("corp.example."));
    assertThat(zone.servers()).extracting(InetSocketAddress::getPort).containsExactly(0, 5353);
    assertThat(zone.servers()).extracting(server -> server.getAddress().getHostAddress())
        .containsExactly("192.0.2.1", "2001:db8:0:0:0:0:0:1");
    assertThat(zone.hosts()).containsExactly(Name.fromConstantString("ns.corp.example."));
    assertThat(zone.first()).isFalse();
  }

  @Test
  @DisplayName("A stub zone is neither primed nor falling back unless asked")
  void stubZone_flags() {
    StubZone zone = StubZone.of("lab.", "127.0.0.1");

    assertThat(List.of(zone.prime(), zone.first())).containsExactly(false, false);
    assertThat(List.of(zone.withPrime(true).prime(), zone.withFirst(true).first())).containsExactly(true, true);
  }

  @Test
  @DisplayName("A zone without servers, a bad port, a port after a host name or an address listed twice is refused")
  void badServers_areRefused() {
    assertThatThrownBy(() -> ForwardZone.of("corp.")).hasMessageContaining("at least one server");
    assertThatThrownBy(() -> ForwardZone.of("corp.", "192.0.2.1@70000")).hasMessageContaining("port must be 1..65535");
    assertThatThrownBy(() -> StubZone.of("corp.", "ns.corp.@53")).hasMessageContaining("only follow an address");
    assertThatThrownBy(() -> StubZone.of("corp.", "192.0.2.1", "192.0.2.1@53")).hasMessageContaining("twice");
    assertThatThrownBy(() -> ForwardZone.of("bad..name", "192.0.2.1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad..name");
  }

  @Test
  @DisplayName("The builder takes one zone per name, forward or stub, and names the first")
  void builder_refusesASecondZoneOfTheSameName() {
    var builder = Resolver.builder().forwardZone(ForwardZone.of("corp.", "192.0.2.1"));

    assertThatThrownBy(() -> builder.stubZone(StubZone.of("corp.", "192.0.2.2")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("corp.").hasMessageContaining("192.0.2.1");
  }
}
