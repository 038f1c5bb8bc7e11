package org.dnschase.resolver.internal.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Address;

/** Where an IPv4 server is reached through a NAT64 prefix (RFC 6052). */
class Nat64PrefixTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "2001:db8::/32, 2001:db8:c000:221::",
      "2001:db8:100::/40, 2001:db8:1c0:2:21::",
      "2001:db8:122::/48, 2001:db8:122:c000:2:2100::",
      "2001:db8:122:300::/56, 2001:db8:122:3c0:0:221::",
      "2001:db8:122:344::/64, 2001:db8:122:344:c0:2:2100:0",
      "2001:db8:122:344::/96, 2001:db8:122:344::c000:221"})
  @DisplayName("RFC 6052 §2.4: the table of IPv4-embedded IPv6 addresses for 192.0.2.33")
  void ipv4Server_embeddedAsRfc6052Shows(String prefix, String embedded) throws UnknownHostException {
    assertThat(Nat64Prefix.parse(prefix).reach(address("192.0.2.33"))).isEqualTo(address(embedded));
  }

  @Test
  @DisplayName("an IPv6 server is reached at its own address")
  void ipv6Server_reachedDirectly() throws UnknownHostException {
    assertThat(Nat64Prefix.parse("64:ff9b::/96").reach(address("2001:db8::53"))).isEqualTo(address("2001:db8::53"));
  }

  @Test
  @DisplayName("RFC 6052 §2.2: only /32, /40, /48, /56, /64 and /96, of IPv6, with bits 64 to 71 zero")
  void otherPrefixes_refused() {
    assertThatThrownBy(() -> Nat64Prefix.parse("64:ff9b::/80")).hasMessageContaining("/80");
    assertThatThrownBy(() -> Nat64Prefix.parse("64:ff9b::")).hasMessageContaining("needs a length");
    assertThatThrownBy(() -> Nat64Prefix.parse("192.0.2.0/96")).hasMessageContaining("not an IPv6 prefix");
    assertThatThrownBy(() -> Nat64Prefix.parse("2001:db8:0:0:ff00::/96")).hasMessageContaining("bits 64 to 71");
  }

  private static InetAddress address(String text) throws UnknownHostException {
    return Address.getByAddress(text);
  }
}
