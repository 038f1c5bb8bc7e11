package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** getCanonicalHostName through PTR records; localhost and the machine's own name as without the provider. */
class ReverseAndLocalNamesTest extends JdkLabTest {

  @Test
  @DisplayName("getCanonicalHostName of an address with a PTR in the lab is the PTR's name, confirmed forward")
  void canonicalHostName_isThePtrName() throws Exception {
    InetAddress address = InetAddress.getByAddress(new byte[] {(byte) 198, 18, 99, 7});

    assertThat(address.getCanonicalHostName()).isEqualTo("host7.app.test");
    assertThat(JdkLab.asked(lab, "7.99.18.198.in-addr.arpa.")).isTrue();
    assertThat(JdkLab.asked(lab, "host7.app.test.")).as("the JDK's forward check").isTrue();
  }

  @Test
  @DisplayName("An address without a PTR keeps its literal as canonical name, as the JDK does on failure")
  void canonicalHostName_withoutPtr_isTheLiteral() throws Exception {
    InetAddress address = InetAddress.getByAddress(new byte[] {(byte) 198, 18, 99, 8});

    assertThat(address.getCanonicalHostName()).isEqualTo("198.18.99.8");
  }

  @Test
  @DisplayName("RFC 6761 §6.3, RFC 6303 §4: 127.0.0.1 is named localhost, 192.168.1.1 has no name, without a query")
  void loopbackAndPrivateAddresses_areNamedLocally() throws Exception {
    lab.clearQueries();

    assertThat(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}).getCanonicalHostName()).isEqualTo("localhost");
    assertThat(InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 1, 1}).getCanonicalHostName())
        .isEqualTo("192.168.1.1");
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("localhost is answered as the built-in resolver answers it, without a query")
  void localhost_isTheBuiltInAnswer() throws Exception {
    lab.clearQueries();

    assertThat(InetAddress.getByName("localhost").isLoopbackAddress()).isTrue();
    assertThat(InetAddress.getAllByName("LocalHost")).allMatch(InetAddress::isLoopbackAddress);
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("The machine's own name resolves as without the provider (getLocalHost works), without a query")
  void ownName_isTheBuiltInAnswer() throws Exception {
    lab.clearQueries();

    InetAddress local = InetAddress.getLocalHost();

    assertThat(local).isNotNull();
    assertThat(lab.queryCount()).isZero();
  }
}
