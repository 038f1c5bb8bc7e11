package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Who may ask: address blocks in CIDR notation, literals only. */
class AllowListTest {

  private static InetSocketAddress client(String literal) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(literal), 4711);
  }

  @Test
  @DisplayName("the default allows loopback, IPv4 and IPv6, and no one else")
  void loopback_default() throws Exception {
    AllowList loopback = AllowList.of(AllowList.LOOPBACK);

    assertThat(loopback.allows(client("127.0.0.1"))).isTrue();
    assertThat(loopback.allows(client("127.45.6.7"))).isTrue();
    assertThat(loopback.allows(client("::1"))).isTrue();
    assertThat(loopback.allows(client("192.0.2.1"))).isFalse();
    assertThat(loopback.allows(client("2001:db8::1"))).isFalse();
  }

  @Test
  @DisplayName("a block allows its addresses only; a bare address is a block of one")
  void blocks() throws Exception {
    AllowList list = AllowList.of(List.of("192.0.2.0/24", "2001:db8::/32", "198.51.100.7"));

    assertThat(list.allows(client("192.0.2.200"))).isTrue();
    assertThat(list.allows(client("192.0.3.1"))).isFalse();
    assertThat(list.allows(client("2001:db8:ffff::1"))).isTrue();
    assertThat(list.allows(client("198.51.100.7"))).isTrue();
    assertThat(list.allows(client("198.51.100.8"))).isFalse();
  }

  @Test
  @DisplayName("a name, a bad prefix or an empty list is refused with the reason")
  void badBlocks_refused() {
    assertThatThrownBy(() -> AllowList.of(List.of("localhost/8"))).hasMessageContaining("'localhost' is not an IPv4 or IPv6 address");
    assertThatThrownBy(() -> AllowList.of(List.of("10.0.0.0/33"))).hasMessageContaining("prefix length must be 0..32");
    assertThatThrownBy(() -> AllowList.of(List.of("::/129"))).hasMessageContaining("0..128");
    assertThatThrownBy(() -> AllowList.of(List.of("10.0.0.0/x"))).hasMessageContaining("prefix length");
    assertThatThrownBy(() -> AllowList.of(List.of())).hasMessageContaining("at least one");
  }
}
