package org.dnschase.resolver.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Type;

/** Host look-ups: both families at once with their chains, in the order asked, and reverse look-ups. */
class ResolveAddressesTest extends HostLabTest {

  Resolver resolver;

  @BeforeEach
  void newResolver() {
    resolver = HostLab.resolverFor(lab).build();
  }

  @AfterEach
  void closeResolver() {
    resolver.close();
  }

  /* ---- families and order ---- */

  @Test
  @DisplayName("A and AAAA of a name behind a CNAME across two zones: both families, each with its chain")
  void aliasAcrossZones_givesBothFamiliesWithTheirChains() {
    HostAddresses found = resolver.resolveAddresses("www.app.test", AddressOrder.IPV4_FIRST);

    assertThat(found.source()).isEqualTo(HostAddresses.Source.DNS);
    assertThat(found.name()).isEqualTo(Name.fromConstantString("www.app.test."));
    assertThat(found.addresses()).extracting(InetAddress::getHostAddress)
        .containsExactly("192.0.2.60", "2001:db8:0:0:0:0:0:60");
    assertThat(found.ipv4().chain()).extracting(Hop::target).containsExactly(Name.fromConstantString("web.cdn.test."));
    assertThat(found.ipv6().chain()).extracting(Hop::target).containsExactly(Name.fromConstantString("web.cdn.test."));
    assertThat(found.ipv4().qtype()).isEqualTo(Type.A);
    assertThat(found.ipv6().qtype()).isEqualTo(Type.AAAA);
  }

  @Test
  @DisplayName("IPV6_FIRST lists the IPv6 addresses first; the resolutions are the same")
  void ipv6First_listsIpv6First() {
    HostAddresses found = resolver.resolveAddresses("www.app.test.", AddressOrder.IPV6_FIRST);

    assertThat(found.addresses()).extracting(InetAddress::getHostAddress)
        .containsExactly("2001:db8:0:0:0:0:0:60", "192.0.2.60");
  }

  @Test
  @DisplayName("IPV4_ONLY asks no AAAA question at all")
  void ipv4Only_asksNoAaaa() {
    HostAddresses found = resolver.resolveAddresses("www.app.test", AddressOrder.IPV4_ONLY);

    assertThat(found.ipv6()).isNull();
    assertThat(found.addresses()).extracting(InetAddress::getHostAddress).containsExactly("192.0.2.60");
    assertThat(lab.queries()).extracting(RecordedQuery::qtype).doesNotContain(Type.AAAA);
  }

  @Test
  @DisplayName("A name with one family has its addresses and a NODATA for the other")
  void oneFamily_givesItsAddressesAndNoDataForTheOther() {
    HostAddresses found = resolver.resolveAddresses("v6.app.test", AddressOrder.IPV4_FIRST);

    assertThat(found.addresses()).extracting(InetAddress::getHostAddress).containsExactly("2001:db8:0:0:0:0:0:61");
    assertThat(found.ipv4()).isInstanceOf(Resolution.NoData.class);
  }

  @Test
  @DisplayName("A name that does not exist has no address and says NXDOMAIN for both families")
  void missingName_isEmptyWithNxDomains() {
    HostAddresses found = resolver.resolveAddresses("nothere.app.test", AddressOrder.IPV4_FIRST);

    assertThat(found.isEmpty()).isTrue();
    assertThat(found.resolutions()).allMatch(Resolution.NxDomain.class::isInstance);
  }

  @Test
  @DisplayName("The JDK's properties choose the order: preferIPv6Addresses=true puts IPv6 first")
  void jdkDefault_followsPreferIpv6Addresses() {
    String before = System.getProperty("java.net.preferIPv6Addresses");
    try {
      System.setProperty("java.net.preferIPv6Addresses", "true");
      assertThat(AddressOrder.jdkDefault()).isEqualTo(AddressOrder.IPV6_FIRST);
      System.setProperty("java.net.preferIPv6Addresses", "false");
      assertThat(AddressOrder.jdkDefault()).isEqualTo(AddressOrder.IPV4_FIRST);
    } finally {
      if (before == null) {
        System.clearProperty("java.net.preferIPv6Addresses");
      } else {
        System.setProperty("java.net.preferIPv6Addresses", before);
      }
    }
  }

  /* ---- bad input ---- */

  @Test
  @DisplayName("An empty, malformed or over-long name is an IllegalArgumentException with the reason, before any query")
  void badNames_areIllegalArguments() {
    assertThatThrownBy(() -> resolver.resolveAddressesAsync("", AddressOrder.IPV4_FIRST))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> resolver.resolveAddressesAsync("a..b", AddressOrder.IPV4_FIRST))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
    String tooLong = String.join(".", java.util.Collections.nCopies(5, "x".repeat(60)));
    assertThatThrownBy(() -> resolver.resolveAddressesAsync(tooLong, AddressOrder.IPV4_FIRST))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
    assertThatThrownBy(() -> resolver.resolveAddressesAsync(Name.fromConstantString("relative"), AddressOrder.IPV4_FIRST))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("A name whose last dot is escaped is one label, made absolute; so is it for resolve (found by fuzzing)")
  void escapedLastDot_isPartOfTheLabel() {
    HostAddresses found = resolver.resolveAddresses("odd\\.", AddressOrder.IPV4_ONLY);

    assertThat(found.name().isAbsolute()).isTrue();
    assertThat(found.name().labels()).isEqualTo(2);
    assertThat(resolver.resolve("odd\\.", Type.A).qname()).isEqualTo(found.name());
  }

  /* ---- reverse ---- */

  @Test
  @DisplayName("RFC 1035 §3.5: an IPv4 address is named by its PTR under in-addr.arpa")
  void reverseIpv4_isThePtrUnderInAddrArpa() throws Exception {
    Resolution found = resolver.resolveReverse(InetAddress.getByAddress(new byte[] {(byte) 198, 18, 0, 60}));

    assertThat(found.qname()).isEqualTo(Name.fromConstantString("60.0.18.198.in-addr.arpa."));
    assertThat(((Resolution.Answer) found).records()).extracting(r -> ((PTRRecord) r).getTarget())
        .containsExactly(Name.fromConstantString("web.cdn.test."));
  }

  @Test
  @DisplayName("RFC 3596 §2.5: an IPv6 address is named by its PTR under ip6.arpa")
  void reverseIpv6_isThePtrUnderIp6Arpa() throws Exception {
    InetAddress address = InetAddress.getByName("3fff::60");

    Resolution found = resolver.resolveReverse(address);

    assertThat(((Resolution.Answer) found).records()).extracting(r -> ((PTRRecord) r).getTarget())
        .containsExactly(Name.fromConstantString("web.cdn.test."));
  }
}
