package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolver.LookupPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
  @DisplayName("RFC 2317: an address whose PTR is reached through a CNAME into a classless delegation is named by it, "
      + "confirmed forward")
  void classlessDelegation_followsTheCname() throws Exception {
    InetAddress address = InetAddress.getByAddress(new byte[] {(byte) 198, 18, 99, 9});

    assertThat(address.getCanonicalHostName()).isEqualTo("host9.app.test");
    assertThat(JdkLab.asked(lab, "9.0-63.99.18.198.in-addr.arpa.")).isTrue();
  }

  @Test
  @DisplayName("A PTR naming a name that does not resolve back keeps the literal as canonical name: the JDK's forward "
      + "check fails, as with its built-in resolver")
  void ptrToAMissingName_isTheLiteral() throws Exception {
    InetAddress address = InetAddress.getByAddress(new byte[] {(byte) 198, 18, 99, 10});

    assertThat(address.getCanonicalHostName()).isEqualTo("198.18.99.10");
    assertThat(JdkLab.asked(lab, "gone.app.test.")).as("the JDK's forward check").isTrue();
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

  @Test
  @DisplayName("RFC 6761 §6.3: a name under localhost is the loopback addresses, from the resolver without a query, "
      + "never handed to the built-in resolver (which asks the network's servers)")
  void nameUnderLocalhost_isLoopback_withoutTheBuiltInResolver() throws Exception {
    List<String> builtinAsked = new ArrayList<>();
    InetAddressResolver provider = providerBeside(builtinAsked);
    lab.clearQueries();

    assertThat(provider.lookupByName("www.localhost.", BOTH_IPV4_FIRST)).extracting(InetAddress::getHostAddress)
        .containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(provider.lookupByName("App.LocalHost", BOTH_IPV4_FIRST)).isNotEmpty()
        .allMatch(InetAddress::isLoopbackAddress);
    assertThat(builtinAsked).isEmpty();
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("localhost. and the machine's own name with a last dot go to the built-in resolver as its hosts file "
      + "spells them, without the dot")
  void localNamesWithLastDot_goToTheBuiltInResolverWithoutIt() throws Exception {
    List<String> builtinAsked = new ArrayList<>();
    InetAddressResolver provider = providerBeside(builtinAsked);

    provider.lookupByName("localhost.", BOTH_IPV4_FIRST);
    provider.lookupByName("LOCALHOST", BOTH_IPV4_FIRST);
    provider.lookupByName("This-Host.", BOTH_IPV4_FIRST);

    assertThat(builtinAsked).containsExactly("localhost", "LOCALHOST", "This-Host");
  }

  private static final LookupPolicy BOTH_IPV4_FIRST =
      LookupPolicy.of(LookupPolicy.IPV4 | LookupPolicy.IPV6 | LookupPolicy.IPV4_FIRST);

  /** The provider over the lab, on a machine named this-host, its built-in resolver noting each name it is asked. */
  private static InetAddressResolver providerBeside(List<String> builtinAsked) {
    InetAddressResolver builtin = new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) {
        builtinAsked.add(host);
        return Stream.of(InetAddress.getLoopbackAddress());
      }

      @Override
      public String lookupByAddress(byte[] address) {
        throw new UnsupportedOperationException();
      }
    };
    return new DnschaseInetAddressResolver(builtin, "this-host", () -> ProviderSettings.read(System::getProperty),
        Duration.ofSeconds(10));
  }
}
