package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class MalformedQueryTest {
  private static final Duration SHORT = Duration.ofMillis(300);

  private final TestHierarchy dns = StandardHierarchy.start();
  private final AuthServer example = dns.server(StandardHierarchy.EXAMPLE_SERVER);

  @AfterEach
  void close() {
    dns.close();
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: bytes that do not parse get FORMERR under their ID")
  void garbageWithId_isFormErr() throws Exception {
    byte[] garbage = {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07};

    Message reply = new Message(Client.udpRaw(example, garbage, Client.TIMEOUT));

    assertThat(reply.getHeader().getID()).isEqualTo(0x1234);
    assertThat(reply.getRcode()).isEqualTo(Rcode.FORMERR);
    assertThat(reply.getHeader().getFlag(Flags.QR)).isTrue();
    assertThat(example.queryCount()).isZero();
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: a single byte has no ID to answer under, so it is dropped")
  void tooShortForId_isDropped() throws Exception {
    assertThat(Client.udpRaw(example, new byte[] {0x12}, SHORT)).isNull();
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: a message without a question is FORMERR")
  void noQuestion_isFormErr() throws Exception {
    Message empty = new Message(0x4242);

    Message reply = new Message(Client.udpRaw(example, empty.toWire(), Client.TIMEOUT));

    assertThat(reply.getHeader().getID()).isEqualTo(0x4242);
    assertThat(reply.getRcode()).isEqualTo(Rcode.FORMERR);
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: a response (QR set) is never answered nor recorded")
  void response_isIgnored() throws Exception {
    Message response = Client.query("www.example.test.", Type.A);
    response.getHeader().setFlag(Flags.QR);

    assertThat(Client.udpRaw(example, response.toWire(), SHORT)).isNull();
    assertThat(example.queryCount()).isZero();
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: an opcode other than QUERY is NOTIMP")
  void otherOpcode_isNotImp() throws Exception {
    Message notify = Client.query("example.test.", Type.SOA);
    notify.getHeader().setOpcode(Opcode.NOTIFY);

    Message reply = Client.udp(example, notify);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOTIMP);
    assertThat(reply.getHeader().getOpcode()).isEqualTo(Opcode.NOTIFY);
  }
}
