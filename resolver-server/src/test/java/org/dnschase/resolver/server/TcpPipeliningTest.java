package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TcpKeepaliveOption;
import org.xbill.DNS.Type;

/** RFC 7766: pipelined questions on one connection, answered as they complete; idle timeouts. */
class TcpPipeliningTest {

  static ServerLab lab;

  @BeforeAll
  static void start() {
    lab = ServerLab.start(server -> server.tcpIdleTimeout(Duration.ofMillis(300)));
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  @Test
  @DisplayName("RFC 7766 §6.2.1.1, §7: a slow question asked first does not hold up a fast one behind it")
  void pipelined_answeredOutOfOrder() throws Exception {
    try (RawClient.Tcp tcp = new RawClient.Tcp(lab.address())) {
      tcp.send(RawClient.query("slow.shop.example.", 1));
      tcp.send(RawClient.query("www.shop.example.", 2));

      Message first = tcp.receive();
      Message second = tcp.receive();

      assertThat(first.getHeader().getID()).as("the fast answer comes first").isEqualTo(2);
      assertThat(first.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(second.getHeader().getID()).isEqualTo(1);
      assertThat(second.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(second.getSection(Section.ANSWER)).hasSize(1);
    }
  }

  @Test
  @DisplayName("RFC 7766 §6.2.3: a connection idle past the timeout with nothing owed is closed")
  void idleConnection_isClosed() throws Exception {
    try (RawClient.Tcp tcp = new RawClient.Tcp(lab.address())) {
      tcp.send(RawClient.query("web.shop.example.", 3));
      assertThat(tcp.receive().getRcode()).isEqualTo(Rcode.NOERROR);

      assertThat(tcp.closedByServer()).isTrue();
    }
  }

  @Test
  @DisplayName("RFC 7766 §6.2.3: while an answer is owed the connection stays open past the idle timeout")
  void owedAnswer_keepsTheConnectionOpen() throws Exception {
    lab.resolver.invalidate(Name.fromConstantString("slow.shop.example."));
    try (RawClient.Tcp tcp = new RawClient.Tcp(lab.address())) {
      tcp.send(RawClient.query("slow.shop.example.", 4));

      Message answer = tcp.receive(); // the lab's server waits 0.8 s, more than two idle timeouts

      assertThat(answer.getHeader().getID()).isEqualTo(4);
      assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
    }
  }

  @Test
  @DisplayName("RFC 7828 §3.3: a query over TCP that offers edns-tcp-keepalive is told the idle timeout, in units"
      + " of 100 ms; over UDP the option is never sent")
  void keepaliveOffered_toldTheIdleTimeout() throws Exception {
    Message query = RawClient.query("web.shop.example.", 6);
    query.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(new TcpKeepaliveOption())), Section.ADDITIONAL);
    try (RawClient.Tcp tcp = new RawClient.Tcp(lab.address())) {
      tcp.send(query);

      Message answer = tcp.receive();

      assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(answer.getOPT().getOptions(EDNSOption.Code.TCP_KEEPALIVE)).singleElement()
          .satisfies(option -> assertThat(((TcpKeepaliveOption) option).getTimeout()).hasValue(3)); // 300 ms
    }
    Message overUdp = RawClient.udp(lab.address(), query.toWire());
    assertThat(overUdp.getOPT().getOptions(EDNSOption.Code.TCP_KEEPALIVE)).isEmpty();
  }

  @Test
  @DisplayName("RFC 7830 §4, RFC 8467 §4.1: a query over TCP with the Padding option gets an answer padded to a"
      + " multiple of 468 octets; over UDP, unencrypted, none")
  void paddingOffered_answerPaddedOverTcp() throws Exception {
    Message query = RawClient.query("web.shop.example.", 7);
    query.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(new GenericEDNSOption(EDNSOption.Code.PADDING, new byte[16]))),
        Section.ADDITIONAL);
    try (RawClient.Tcp tcp = new RawClient.Tcp(lab.address())) {
      tcp.send(query);

      Message answer = tcp.receive();

      assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(answer.getOPT().getOptions(EDNSOption.Code.PADDING)).hasSize(1);
      assertThat(answer.toWire().length % 468).isZero();
    }
    Message overUdp = RawClient.udp(lab.address(), query.toWire());
    assertThat(overUdp.getOPT().getOptions(EDNSOption.Code.PADDING)).isEmpty();
  }

  @Test
  @DisplayName("a client that closes its side after asking still gets its answers, then the connection closes")
  void halfClosed_stillAnswered() throws Exception {
    lab.resolver.invalidate(Name.fromConstantString("slow.shop.example."));
    try (RawClient.Tcp tcp = new RawClient.Tcp(lab.address())) {
      tcp.send(RawClient.query("slow.shop.example.", 5));
      tcp.shutdownOutput();

      assertThat(tcp.receive().getHeader().getID()).isEqualTo(5);
      assertThat(tcp.closedByServer()).isTrue();
    }
  }

  @Test
  @DisplayName("a client that asks and never reads makes the server stop reading, not buffer answers without end")
  void clientNotReading_serverStopsReading() throws Exception {
    int questions = 5_000; // about 12 MB of answers, more than the sockets' buffers hold
    // the default idle timeout: a client that reads nothing for 300 ms would be closed here
    try (ServerLab patient = ServerLab.start();
        RawClient.Tcp tcp = new RawClient.Tcp(patient.address(), 4096)) {
      tcp.send(RawClient.query("big.shop.example.", Type.TXT, 0));
      tcp.receive(); // now cached: every further answer is ready at once
      long before = patient.server.stats().get("num.query.tcp");
      Thread writer = Thread.ofVirtual().start(() -> {
        for (int i = 1; i <= questions; i++) {
          tcp.send(RawClient.query("big.shop.example.", Type.TXT, i));
        }
      });

      long taken = awaitPlateau(() -> patient.server.stats().get("num.query.tcp") - before);

      assertThat(taken).as("questions read while the client read no answer").isLessThan(questions);
      for (int i = 1; i <= questions; i++) {
        assertThat(tcp.receive().getHeader().getFlag(Flags.TC)).isFalse();
      }
      writer.join();
    }
  }

  /** The value once it stopped changing for half a second. */
  private static long awaitPlateau(java.util.function.LongSupplier value) throws InterruptedException {
    long last = -1;
    long now = value.getAsLong();
    while (now != last) {
      last = now;
      Thread.sleep(500);
      now = value.getAsLong();
    }
    return now;
  }
}
