package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Real clients, {@code dig} and {@code kdig}, ask the server for names of the lab's tree: the
 * outcome a resolver gives them is what {@code Responses} makes of the resolution, cut to fit
 * UDP.
 */
class AnswersOverTheWireTest {

  static ServerLab lab;

  @BeforeAll
  static void start() {
    lab = ServerLab.start();
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  /* ---- answers ---- */

  @Test
  @DisplayName("RFC 6604 §2: a chain's CNAMEs come first in the answer section, then the address (dig)")
  void chain_digSeesTheWholeChain() {
    Peers.Output dig = Peers.dig(lab.address(), "www.shop.example.", "A");

    assertThat(dig.status()).as(dig.text()).isEqualTo("NOERROR");
    assertThat(dig.flags()).contains("qr", "rd", "ra").doesNotContain("aa");
    assertThat(dig.answers()).containsExactly(
        "www.shop.example. 300 IN CNAME www.cdn.test.",
        "www.cdn.test. 120 IN CNAME web.shop.example.",
        "web.shop.example. 3600 IN A 192.0.2.80");
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: an answer from the cache is not authoritative (no AA), however often it is asked")
  void cachedAnswer_isNotAuthoritative() {
    Peers.dig(lab.address(), "web.shop.example.", "A");
    Peers.Output cached = Peers.dig(lab.address(), "web.shop.example.", "A");

    assertThat(cached.status()).as(cached.text()).isEqualTo("NOERROR");
    assertThat(cached.flags()).contains("qr", "rd", "ra").doesNotContain("aa");
  }

  @Test
  @DisplayName("the same chain over TCP, asked by kdig")
  void chain_kdigOverTcp() {
    Peers.Output kdig = Peers.kdig(lab.address(), "+tcp", "www.shop.example.", "A");

    assertThat(kdig.status()).as(kdig.text()).isEqualTo("NOERROR");
    assertThat(kdig.answers()).hasSize(3).last().asString().endsWith("A 192.0.2.80");
  }

  @Test
  @DisplayName("RFC 2308 §3: an NXDOMAIN carries the zone's SOA in the authority section")
  void nxDomain_carriesTheSoa() {
    Peers.Output dig = Peers.dig(lab.address(), "gone.shop.example.", "A");

    assertThat(dig.status()).as(dig.text()).isEqualTo("NXDOMAIN");
    assertThat(dig.answers()).isEmpty();
    assertThat(dig.authority()).anySatisfy(record -> assertThat(record).startsWith("shop.example.").contains(" SOA "));
  }

  /* ---- zones served locally ---- */

  @Test
  @DisplayName("RFC 6761 §6.3, RFC 6303 §4: 127.0.0.1's PTR and a LAN address's NXDOMAIN come from the zones the "
      + "resolver serves itself, record for record as Unbound's (whose negative SOA says 10800, the cache's cap here "
      + "3600), authoritative (AA) as Unbound's local-zone answers, and the lab is never asked")
  void locallyServedZones_answeredWithoutAQuery() {
    lab.hierarchy.clearQueries();

    Peers.Output loopback = Peers.dig(lab.address(), "1.0.0.127.in-addr.arpa.", "PTR");
    Peers.Output lan = Peers.dig(lab.address(), "1.1.168.192.in-addr.arpa.", "PTR");

    assertThat(loopback.status()).as(loopback.text()).isEqualTo("NOERROR");
    assertThat(loopback.flags()).contains("qr", "aa", "rd", "ra");
    assertThat(lan.flags()).as(lan.text()).contains("aa");
    assertThat(loopback.answers()).containsExactly("1.0.0.127.in-addr.arpa. 10800 IN PTR localhost.");
    assertThat(lan.status()).as(lan.text()).isEqualTo("NXDOMAIN");
    assertThat(lan.authority()).containsExactly(
        "168.192.in-addr.arpa. 3600 IN SOA localhost. nobody.invalid. 1 3600 1200 604800 10800");
    assertThat(lab.hierarchy.queryCount()).isZero();
  }

  /* ---- fitting UDP ---- */

  @Test
  @DisplayName("RFC 6891 §7, RFC 7766 §5: a TXT answer too big for UDP has TC set; over TCP it is whole")
  void bigAnswer_truncatedOverUdp_wholeOverTcp() {
    Peers.Output udp = Peers.dig(lab.address(), "+ignore", "+bufsize=1232", "big.shop.example.", "TXT");
    assertThat(udp.flags()).as(udp.text()).contains("tc");

    Peers.Output retried = Peers.dig(lab.address(), "+bufsize=1232", "big.shop.example.", "TXT");
    assertThat(retried.text()).contains("Truncated, retrying in TCP mode");
    assertThat(retried.flags()).doesNotContain("tc");
    assertThat(retried.answers()).hasSize(1).first().asString().contains("a".repeat(200), "l".repeat(200));

    Peers.Output tcp = Peers.kdig(lab.address(), "+tcp", "big.shop.example.", "TXT");
    assertThat(tcp.flags()).as(tcp.text()).doesNotContain("tc");
    assertThat(tcp.answers()).hasSize(1);
  }

  @Test
  @DisplayName("RFC 1035 §4.2.1: without EDNS a UDP answer keeps to 512 octets")
  void withoutEdns_512Octets() {
    Peers.Output dig = Peers.dig(lab.address(), "+ignore", "+noedns", "big.shop.example.", "TXT");

    assertThat(dig.flags()).as(dig.text()).contains("tc");
    assertThat(dig.text()).doesNotContain("OPT PSEUDOSECTION");
  }
}
