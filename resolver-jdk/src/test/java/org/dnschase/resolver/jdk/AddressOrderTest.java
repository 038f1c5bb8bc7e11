package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * getAllByName returns both families in the order java.net.preferIPv6Addresses asks for. The JDK
 * reads that property once, when InetAddress starts, so each setting runs in a JVM of its own.
 */
class AddressOrderTest extends JdkLabTest {

  @Test
  @DisplayName("By default (preferIPv6Addresses=false) IPv4 comes first, then IPv6, each named as asked")
  void default_ipv4First() throws Exception {
    InetAddress[] all = InetAddress.getAllByName("dual.app.test");

    assertThat(all).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(all).extracting(InetAddress::getHostName).containsOnly("dual.app.test");
    assertThat(JdkLab.asked(lab, "dual.app.test.")).isTrue();
  }

  @Test
  @DisplayName("With -Djava.net.preferIPv6Addresses=true IPv6 comes first")
  void preferIpv6_ipv6First() throws Exception {
    List<String> lines = Probe.run(lab, List.of("-Djava.net.preferIPv6Addresses=true"), "all", "dual.app.test");

    assertThat(lines).containsExactly("0:0:0:0:0:0:0:1", "127.0.0.1");
  }

  @Test
  @DisplayName("With -Djava.net.preferIPv4Stack=true only IPv4 is asked for and returned")
  void preferIpv4Stack_ipv4Only() throws Exception {
    List<String> lines = Probe.run(lab, List.of("-Djava.net.preferIPv4Stack=true"), "all", "dual.app.test");

    assertThat(lines).containsExactly("127.0.0.1");
  }

  @Test
  @DisplayName("A name with IPv6 addresses only gives them, whatever the order")
  void ipv6Only_givesItsAddresses() throws Exception {
    assertThat(InetAddress.getAllByName("v6only.app.test")).extracting(InetAddress::getHostAddress)
        .containsExactly("0:0:0:0:0:0:0:1");
  }
}
