package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.dnssec.Validation;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Type;

/**
 * RFC 4035 §3.2 as {@code dig} sees a validating server: AD on SECURE answers only, a BOGUS
 * answer SERVFAIL with the Extended DNS Error of its reason (RFC 8914), and with CD set the
 * bogus data itself.
 */
class DnssecOverTheWireTest {

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root-servers.lab.", "127.53.0.1")
      .zone("example.", "ns1.nic", "127.53.1.1")
      .zone("shop.example.", "ns1", "127.53.10.1", """
          www      300  A     192.0.2.1
          old      300  A     192.0.2.2
          unsigned 300  A     192.0.2.3
          out      300  CNAME www.plain.example.
          """)
      .zone("plain.example.", "ns1", "127.53.11.1", """
          www      300  A     192.0.2.30
          """)
      .build();

  static final Signing SIGNING = Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256);

  @Lab("signedLab") static TestHierarchy lab;
  static Resolver resolver;
  static DnsServer server;

  /** The lab signed, shop.example. with an expired and a missing signature, plain.example. unsigned. */
  static TestHierarchy signedLab() {
    return TestHierarchy.builder().zones(TREE).signed(SIGNING)
        .signed("shop.example.", SIGNING.withBreakage(Breakage.expiredSignature("old.shop.example.", Type.A),
            Breakage.missingSignature("unsigned.shop.example.", Type.A)))
        .unsigned("plain.example.")
        .build();
  }

  @BeforeAll
  static void start() {
    resolver = Resolver.builder().rootHints(RootHints.of(lab.rootHints())).upstreamPort(lab.port())
        .loopbackOnly().validation(Validation.trustAnchors(lab.trustAnchor().toString())).build();
    server = DnsServer.builder(resolver).listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start();
  }

  @AfterAll
  static void stop() {
    server.close();
    resolver.close();
  }

  private static InetSocketAddress address() {
    return server.addresses().get(0);
  }

  @Test
  @DisplayName("§3.2.3: a SECURE answer has AD for a DO client and for an AD client (RFC 6840 §5.8), not for others")
  void secure_adForDoAndAdClients() {
    Peers.Output dnssec = Peers.dig(address(), "+dnssec", "www.shop.example.", "A");
    Peers.Output adflag = Peers.dig(address(), "+adflag", "+nodnssec", "www.shop.example.", "A");
    Peers.Output plain = Peers.dig(address(), "+noadflag", "www.shop.example.", "A");

    assertThat(dnssec.status()).isEqualTo("NOERROR");
    assertThat(dnssec.flags()).as(dnssec.text()).contains("ad");
    assertThat(adflag.flags()).as(adflag.text()).contains("ad");
    assertThat(plain.flags()).as(plain.text()).doesNotContain("ad");
  }

  @Test
  @DisplayName("§3.2.1: dig +dnssec sees the RRSIG after the answer's RRset; without DO, none")
  void answer_rrsigsForDoClientsOnly() {
    Peers.Output dnssec = Peers.dig(address(), "+dnssec", "www.shop.example.", "A");
    Peers.Output plain = Peers.dig(address(), "+nodnssec", "www.shop.example.", "A");

    assertThat(dnssec.answers()).as(dnssec.text()).hasSize(2)
        .anySatisfy(record -> assertThat(record).endsWith("A 192.0.2.1"))
        .anySatisfy(record -> assertThat(record).startsWith("www.shop.example. ").contains(" IN RRSIG A 13 3 300 "));
    assertThat(plain.answers()).as(plain.text()).singleElement().satisfies(record ->
        assertThat(record).endsWith("A 192.0.2.1"));
  }

  @Test
  @DisplayName("RFC 4034 §3: dig asking for type RRSIG sees the name's RRSIGs, with DO or without, unvalidated: no AD")
  void rrsigQuestion_theSignaturesWithoutAd() {
    for (String dnssecOk : List.of("+dnssec", "+nodnssec")) {
      Peers.Output dig = Peers.dig(address(), dnssecOk, "+adflag", "www.shop.example.", "RRSIG");

      assertThat(dig.status()).as(dig.text()).isEqualTo("NOERROR");
      assertThat(dig.answers()).as(dig.text()).isNotEmpty().allSatisfy(record ->
          assertThat(record).startsWith("www.shop.example. ").contains(" IN RRSIG "));
      assertThat(dig.flags()).as(dig.text()).doesNotContain("ad");
    }
  }

  @Test
  @DisplayName("§3.1.3.2: dig +dnssec sees an NXDOMAIN's SOA with its RRSIG and the signed NSEC records that deny the name")
  void nxDomain_proofInTheAuthoritySectionForDoClients() {
    Peers.Output dnssec = Peers.dig(address(), "+dnssec", "nope.shop.example.", "A");
    Peers.Output plain = Peers.dig(address(), "+nodnssec", "nope.shop.example.", "A");

    assertThat(dnssec.status()).isEqualTo("NXDOMAIN");
    assertThat(dnssec.flags()).as(dnssec.text()).contains("ad");
    List<String> authority = dnssec.authority();
    assertThat(authority).as(dnssec.text())
        .anySatisfy(record -> assertThat(record).startsWith("shop.example. ").contains(" IN SOA "))
        .anySatisfy(record -> assertThat(record).contains(" IN RRSIG SOA "))
        .anySatisfy(record -> assertThat(record).contains(" IN NSEC "))
        .anySatisfy(record -> assertThat(record).contains(" IN RRSIG NSEC "));
    assertThat(plain.authority()).as(plain.text()).singleElement().satisfies(record ->
        assertThat(record).contains(" IN SOA "));
  }

  @Test
  @DisplayName("a chain that crosses into an unsigned zone is INSECURE: the data, no AD")
  void insecure_noAd() {
    Peers.Output dig = Peers.dig(address(), "+dnssec", "out.shop.example.", "A");

    assertThat(dig.status()).isEqualTo("NOERROR");
    assertThat(dig.answers()).anySatisfy(record -> assertThat(record).endsWith("A 192.0.2.30"));
    assertThat(dig.flags()).as(dig.text()).doesNotContain("ad");
  }

  @Test
  @DisplayName("RFC 8914 §4.8, §4.11: BOGUS is SERVFAIL with the EDE of its reason (kdig shows the code)")
  void bogus_servfailWithItsExtendedError() {
    Peers.Output expired = Peers.dig(address(), "+dnssec", "old.shop.example.", "A");
    Peers.Output unsigned = Peers.kdig(address(), "+dnssec", "unsigned.shop.example.", "A");

    assertThat(expired.status()).isEqualTo("SERVFAIL");
    assertThat(expired.answers()).isEmpty();
    assertThat(expired.text()).contains("EDE: 7 (Signature Expired)");
    assertThat(unsigned.text()).containsIgnoringCase("SERVFAIL").contains("10 (RRSIGs Missing)");
  }

  @Test
  @DisplayName("§3.2.2: with CD the client gets the BOGUS data itself, without AD, to check for itself")
  void checkingDisabled_returnsTheBogusData() {
    Peers.Output dig = Peers.dig(address(), "+dnssec", "+cd", "old.shop.example.", "A");

    assertThat(dig.status()).isEqualTo("NOERROR");
    assertThat(dig.flags()).as(dig.text()).contains("cd").doesNotContain("ad");
    assertThat(dig.answers()).anySatisfy(record -> assertThat(record).endsWith("A 192.0.2.2"));
  }
}
