package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * What TCP clients that misbehave cannot take from the others (RFC 7766 §6.2.2 lets a server
 * bound its connections and close them): connections beyond the bound, a request trickled in an
 * octet at a time, a request longer than the server keeps.
 */
class TcpLimitsTest {

  static ServerLab lab;

  @BeforeAll
  static void start() {
    lab = ServerLab.start(server -> server.tcpIdleTimeout(Duration.ofMillis(500)));
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  @Test
  @DisplayName("RFC 7766 §6.2.3: at the bound a new connection takes the place of the one idle longest, which is"
      + " closed; the one that asked last keeps its own")
  void atTheBound_theIdlestMakesRoom() throws Exception {
    try (ServerLab bounded = ServerLab.start(server -> server.maxTcpConnections(2)); // idle timeout 10 s
        RawClient.Tcp first = new RawClient.Tcp(bounded.address());
        RawClient.Tcp second = new RawClient.Tcp(bounded.address())) {
      assertAnswered(first, 1);
      assertAnswered(second, 2);

      try (RawClient.Tcp third = new RawClient.Tcp(bounded.address())) {
        assertAnswered(third, 3);
        long start = System.nanoTime();
        assertThat(first.closedByServer()).as("the connection idle longest").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertAnswered(second, 4);
      }
      assertThat(bounded.server.stats()).containsEntry("num.tcp.evicted", 1L).containsEntry("num.tcp.refused", 0L);
    }
  }

  @Test
  @DisplayName("RFC 7766 §6.2.2: when every connection is owed an answer, a new one is closed at once; the answers"
      + " owed go out and UDP is still answered")
  void atTheBound_allBusy_newOneClosed() throws Exception {
    try (ServerLab bounded = ServerLab.start(server -> server.maxTcpConnections(2));
        RawClient.Tcp first = new RawClient.Tcp(bounded.address());
        RawClient.Tcp second = new RawClient.Tcp(bounded.address())) {
      first.send(RawClient.query("slow.shop.example.", 1)); // answered after 0.8 s
      second.send(RawClient.query("slow.shop.example.", 2));
      bounded.awaitUpstream("slow.shop.example.");
      awaitTcpQueries(bounded, 2);

      try (RawClient.Tcp third = new RawClient.Tcp(bounded.address())) {
        assertThat(answered(third, 3)).as("a question on the third connection").isFalse();
      }
      assertThat(RawClient.udp(bounded.address(), RawClient.query("web.shop.example.", 4).toWire()).getRcode())
          .isEqualTo(Rcode.NOERROR);
      assertThat(first.receive().getHeader().getID()).isEqualTo(1);
      assertThat(second.receive().getHeader().getID()).isEqualTo(2);
      assertThat(bounded.server.stats()).containsEntry("num.tcp.refused", 1L);
    }
  }

  @Test
  @DisplayName("RFC 7766 §6.2.3: a request trickled in an octet at a time does not keep its connection past the"
      + " idle timeout: idle means no whole request")
  void trickledRequest_closedAtTheIdleTimeout() throws Exception {
    byte[] request = RawClient.query("web.shop.example.", 5).toWire();
    try (Socket socket = new Socket(lab.address().getAddress(), lab.address().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0, (byte) request.length});
      long start = System.nanoTime();
      int sent = 0;
      try {
        for (; sent < request.length - 1; sent++) { // the last octet never comes
          out.write(request[sent]);
          out.flush();
          Thread.sleep(100);
        }
      } catch (IOException closed) {
        // the server closed the connection while the request was trickling in
      }
      socket.setSoTimeout(10_000);
      assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("closed before the request could end")
          .isLessThan(Duration.ofMillis(100L * request.length));
    }
  }

  @Test
  @DisplayName("RFC 7766 §8, RFC 6891 §6.1.2: a query longer than the longest request kept (a 60,000-octet EDNS"
      + " option) is answered FORMERR with its ID, question and an OPT record, as one that long is over UDP, and the"
      + " connection goes on to the next question")
  void queryLongerThanKept_formErr_connectionGoesOn() throws IOException {
    try (RawClient.Tcp tcp = new RawClient.Tcp(lab.address())) {
      Message query = RawClient.query("web.shop.example.", 21);
      query.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(new GenericEDNSOption(65001, new byte[60_000]))),
          Section.ADDITIONAL);
      tcp.send(query);

      Message answer = tcp.receive();

      assertThat(answer.getHeader().getID()).isEqualTo(21);
      assertThat(answer.getRcode()).isEqualTo(Rcode.FORMERR);
      assertThat(answer.getQuestion()).isEqualTo(query.getQuestion());
      assertThat(answer.getOPT()).as("an OPT record: the server speaks EDNS").isNotNull();
      assertAnswered(tcp, 22);
    }
  }

  @Test
  @DisplayName("RFC 7766 §6.2.3: a length of 65,535 followed by silence holds the connection no longer than the idle"
      + " timeout")
  void longLengthThenSilence_closedAtTheIdleTimeout() throws Exception {
    try (Socket socket = new Socket(lab.address().getAddress(), lab.address().getPort())) {
      socket.setSoTimeout(10_000);
      long start = System.nanoTime();
      socket.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xff, 0, 1, 2, 3});

      assertThat(readToEnd(socket.getInputStream())).as("end of stream").isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  @DisplayName("a frame that is not a query (here of length 0) ends the client's questions, as Unbound drops such"
      + " a connection: the answer owed still goes out, then the connection closes, long before the idle timeout")
  void frameThatIsNoQuery_closesAfterTheAnswersOwed() throws Exception {
    try (ServerLab patient = ServerLab.start(); // the default idle timeout, 10 s
        Socket socket = new Socket(patient.address().getAddress(), patient.address().getPort())) {
      socket.setSoTimeout(10_000);
      byte[] query = RawClient.query("slow.shop.example.", 8).toWire();
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeShort(query.length);
      out.write(query);
      out.writeShort(0); // an empty frame, no DNS message at all
      out.flush();
      long start = System.nanoTime();
      DataInputStream in = new DataInputStream(socket.getInputStream());

      byte[] answer = new byte[in.readUnsignedShort()];
      in.readFully(answer);

      assertThat(new Message(answer).getHeader().getID()).as("the answer owed").isEqualTo(8);
      assertThat(readToEnd(in)).as("end of stream").isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  private static int readToEnd(InputStream in) {
    try {
      return in.read();
    } catch (IOException reset) {
      return -1;
    }
  }

  /** Whether a question sent on {@code tcp} is answered, rather than the connection closed. */
  private static boolean answered(RawClient.Tcp tcp, int id) {
    try {
      tcp.send(RawClient.query("web.shop.example.", id));
      return tcp.receive().getHeader().getID() == id;
    } catch (UncheckedIOException closed) {
      return false;
    }
  }

  private static void assertAnswered(RawClient.Tcp tcp, int id) {
    tcp.send(RawClient.query("web.shop.example.", id));
    assertThat(tcp.receive().getHeader().getID()).isEqualTo(id);
  }

  /** Waits until the server has read {@code count} questions over TCP, and a moment more for them to be owed. */
  private static void awaitTcpQueries(ServerLab lab, long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (lab.server.stats().get("num.query.tcp") < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the server read no " + count + " TCP questions within 10 s");
      }
      Thread.sleep(5);
    }
    Thread.sleep(100);
  }
}
