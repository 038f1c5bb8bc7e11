package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * What the server answers before, or instead of, resolving: malformed requests, other opcodes,
 * EDNS versions and classes, clients outside the allow list, and the Extended DNS Error a
 * failed resolution carries.
 */
class RequestRulesTest {

  static ServerLab lab;

  @BeforeAll
  static void start() {
    // 127.0.0.1 may ask, other loopback addresses not: a dig bound to 127.0.0.3 is outside the list
    lab = ServerLab.start(server -> server.allow("127.0.0.1/32").allow("::1"));
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  /* ---- malformed ---- */

  @Test
  @DisplayName("RFC 1035 §4.1.1: a header that promises a question the packet lacks is FORMERR")
  void questionMissing_isFormErr() {
    byte[] wire = Arrays.copyOf(RawClient.query("www.shop.example.", 4711).toWire(), 12);

    Message answer = RawClient.udp(lab.address(), wire);

    assertThat(answer.getHeader().getID()).isEqualTo(4711);
    assertThat(answer.getRcode()).isEqualTo(Rcode.FORMERR);
    assertThat(answer.getHeader().getFlag(Flags.QR)).isTrue();
  }

  @Test
  @DisplayName("a query without a question (dig +header-only) is FORMERR: a resolver answers one question; with the "
      + "OPT record of RFC 6891 §6.1.1, so dig does not take the server for one without EDNS")
  void noQuestion_isFormErr() {
    Peers.Output dig = Peers.dig(lab.address(), "+header-only", "www.shop.example.");

    assertThat(dig.status()).as(dig.text()).isEqualTo("FORMERR");
    assertThat(dig.text()).contains("OPT PSEUDOSECTION").doesNotContain("+noedns");
  }

  @Test
  @DisplayName("fewer octets than a header, or a response (QR=1), get no answer at all")
  void garbageAndResponses_areDropped() {
    assertThat(RawClient.udp(lab.address(), new byte[] {1, 2, 3}, 500)).isNull();
    Message response = RawClient.query("www.shop.example.", 7);
    response.getHeader().setFlag(Flags.QR);
    assertThat(RawClient.udp(lab.address(), response.toWire(), 500)).isNull();
    assertThat(lab.server.stats()).containsEntry("num.query.ignored", 2L);
  }

  /* ---- what the server does not serve ---- */

  @Test
  @DisplayName("RFC 1035 §4.1.1: an opcode other than QUERY is NOTIMP")
  void otherOpcode_isNotImp() {
    Peers.Output dig = Peers.dig(lab.address(), "+opcode=status", "www.shop.example.");

    assertThat(dig.status()).as(dig.text()).isEqualTo("NOTIMP");
  }

  @Test
  @DisplayName("RFC 6891 §6.1.3: an EDNS version other than 0 is BADVERS, with version 0 in the answer")
  void ednsVersion1_isBadVers() {
    Peers.Output dig = Peers.dig(lab.address(), "+edns=1", "+noednsnegotiation", "www.shop.example.");

    assertThat(dig.status()).as(dig.text()).isEqualTo("BADVERS");
    assertThat(dig.text()).contains("EDNS: version: 0");
  }

  @Test
  @DisplayName("a class other than IN is REFUSED: the resolver knows the Internet class only")
  void chaosClass_isRefused() {
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString("version.bind."), Type.TXT, DClass.CH));

    assertThat(RawClient.udp(lab.address(), query.toWire()).getRcode()).isEqualTo(Rcode.REFUSED);
  }

  @Test
  @DisplayName("RFC 5936 §6: a zone transfer is REFUSED over TCP too, where a client asks for one: a resolver serves no zone")
  void zoneTransferOverTcp_isRefused() throws Exception {
    try (RawClient.Tcp tcp = new RawClient.Tcp(lab.address())) {
      tcp.send(RawClient.query("shop.example.", Type.AXFR, 41));

      Message answer = tcp.receive();

      assertThat(answer.getHeader().getID()).isEqualTo(41);
      assertThat(answer.getRcode()).isEqualTo(Rcode.REFUSED);
    }
  }

  @Test
  @DisplayName("RFC 6895 §3.1: a question for a meta type (MAILA, TSIG, OPT) or the reserved type 0 is NOTIMP")
  void metaTypes_areNotImp() {
    for (int type : new int[] {Type.MAILA, Type.MAILB, Type.TSIG, Type.OPT, 0}) {
      Message answer = RawClient.udp(lab.address(), RawClient.query("www.shop.example.", type, 42).toWire());

      assertThat(answer.getRcode()).as(Type.string(type)).isEqualTo(Rcode.NOTIMP);
    }
    assertThat(lab.upstreamQueriesFor("www.shop.example.")).isZero();
  }

  /* ---- who may ask ---- */

  @Test
  @DisplayName("a client outside the allow list is answered REFUSED, with EDE 18 (Prohibited)")
  void outsideTheAllowList_isRefused() {
    Peers.Output dig = Peers.dig(lab.address(), "-b", "127.0.0.3", "www.shop.example.");

    assertThat(dig.status()).as(dig.text()).isEqualTo("REFUSED");
    assertThat(dig.text()).contains("EDE: 18 (Prohibited)");
    assertThat(lab.upstreamQueriesFor("www.shop.example.")).isZero();
  }

  /* ---- why a resolution failed ---- */

  @Test
  @DisplayName("RFC 8914: a SERVFAIL for a CNAME loop carries an Extended DNS Error naming the loop")
  void loop_servfailWithExtendedError() {
    Peers.Output dig = Peers.dig(lab.address(), "loop.shop.example.", "A");

    assertThat(dig.status()).as(dig.text()).isEqualTo("SERVFAIL");
    assertThat(dig.text()).contains("EDE: 0 (Other): (LOOP: ");
    assertThat(dig.answers()).isEmpty();
  }

  @Test
  @DisplayName("the Extended DNS Error reaches a client as the EDNS option dnsjava reads back")
  void loop_extendedErrorOnTheWire() {
    Message query = RawClient.query("loop.shop.example.", 99);
    query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);

    Message answer = RawClient.udp(lab.address(), query.toWire());

    assertThat(answer.getRcode()).isEqualTo(Rcode.SERVFAIL);
    ExtendedErrorCodeOption ede = (ExtendedErrorCodeOption) answer.getOPT()
        .getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR).get(0);
    assertThat(ede.getErrorCode()).isEqualTo(ExtendedErrorCodeOption.OTHER);
    assertThat(ede.getText()).startsWith("LOOP: ");
  }
}
