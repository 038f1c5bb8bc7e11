package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.internal.transport.FakeServers.SERVER_WAIT_MS;
import static org.dnschase.resolver.internal.transport.FakeServers.addressIn;
import static org.dnschase.resolver.internal.transport.FakeServers.addressOf;
import static org.dnschase.resolver.internal.transport.FakeServers.answer;
import static org.dnschase.resolver.internal.transport.FakeServers.answerOverTcp;
import static org.dnschase.resolver.internal.transport.FakeServers.query;
import static org.dnschase.resolver.internal.transport.FakeServers.receive;
import static org.dnschase.resolver.internal.transport.FakeServers.send;
import static org.dnschase.resolver.internal.transport.FakeServers.truncated;
import static org.dnschase.resolver.internal.transport.FakeServers.udpOnSamePortAs;
import static org.dnschase.resolver.internal.transport.FakeServers.udpServer;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dnschase.resolver.internal.transport.FakeServers.Received;
import org.dnschase.resolver.spi.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * {@link NettyTransport} against a fake server made of plain JDK sockets on 127.0.0.1: which
 * datagrams it accepts, the timeout, the TCP retry and the threads it leaves behind. Only loopback
 * is ever used.
 */
class TransportTest {

  private static final Duration SHORT = Duration.ofMillis(200);
  private static final Duration LONG = Duration.ofSeconds(5);
  private static final String THREAD_PREFIX = "dnschase-transport";

  private final Transport transport = newTransport(1);

  /** The transport under test, with {@code threads} event loops. */
  Transport newTransport(int threads) {
    return new NettyTransport(threads);
  }

  @AfterEach
  void closeTransport() {
    transport.close();
  }

  /* ---- which replies are accepted ---- */

  @Test
  @DisplayName("RFC 5452 §9.1: a reply with the wrong ID is ignored and the matching one accepted")
  void replyWithWrongId_isIgnoredAndRightOneAccepted() throws Exception {
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
      Received got = receive(server);
      int id = got.query().getHeader().getID();

      send(server, got.from(), answer(got.query(), id ^ 0x5a5a, "192.0.2.66").toWire());
      send(server, got.from(), answer(got.query(), id, "192.0.2.1").toWire());

      Message reply = result.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(reply.getHeader().getID()).isEqualTo(id);
      assertThat(addressIn(reply)).isEqualTo("192.0.2.1");
    }
  }

  @Test
  @DisplayName("RFC 5452 §9.1: a reply from another port of the server's address is ignored")
  void replyFromAnotherPort_isIgnored() throws Exception {
    try (DatagramSocket server = udpServer(); DatagramSocket impostor = udpServer()) {
      CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
      Received got = receive(server);
      int id = got.query().getHeader().getID();

      send(impostor, got.from(), answer(got.query(), id, "192.0.2.66").toWire());
      send(server, got.from(), answer(got.query(), id, "192.0.2.1").toWire());

      assertThat(addressIn(result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
    }
  }

  @Test
  @DisplayName("RFC 5452 §9.1: a reply that does not repeat the question is ignored")
  void replyWithOtherQuestion_isIgnored() throws Exception {
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
      Received got = receive(server);
      int id = got.query().getHeader().getID();
      Message other = new Message(id);
      other.addRecord(Record.newRecord(Name.fromConstantString("evil.example.test."), Type.A, DClass.IN),
          Section.QUESTION);

      send(server, got.from(), answer(other, id, "192.0.2.66").toWire());
      send(server, got.from(), answer(got.query(), id, "192.0.2.1").toWire());

      assertThat(addressIn(result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
    }
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: a reply whose opcode is not the query's (QUERY) is ignored")
  void replyWithAnotherOpcode_isIgnored() throws Exception {
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
      Received got = receive(server);
      int id = got.query().getHeader().getID();

      for (int opcode : new int[] {Opcode.IQUERY, Opcode.STATUS, Opcode.NOTIFY, Opcode.UPDATE, 15}) {
        Message other = answer(got.query(), id, "192.0.2.66");
        other.getHeader().setOpcode(opcode);
        send(server, got.from(), other.toWire());
      }
      send(server, got.from(), answer(got.query(), id, "192.0.2.1").toWire());

      assertThat(addressIn(result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
    }
  }

  @Test
  @DisplayName("RFC 1035 §7.3: garbage is ignored; with nothing usable the exchange times out on time")
  void garbageThenSilence_timesOutWithinTimeout() throws Exception {
    try (DatagramSocket server = udpServer()) {
      long start = System.nanoTime();
      CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), SHORT);
      Received got = receive(server);

      send(server, got.from(), new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
      byte[] truncatedHeader = java.util.Arrays.copyOf(answer(got.query(), got.query().getHeader().getID(),
          "192.0.2.66").toWire(), 20);
      send(server, got.from(), truncatedHeader);

      assertThatThrownBy(() -> result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TimeoutException.class);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).isGreaterThanOrEqualTo(SHORT.minusMillis(20)).isLessThan(SHORT.plusSeconds(2));
    }
  }

  @Test
  @DisplayName("a server port where nothing listens (ICMP port unreachable) times out like a silent server")
  void unreachablePort_timesOutLikeSilence() throws Exception {
    InetSocketAddress nobody;
    try (DatagramSocket closedAgain = udpServer()) {
      nobody = addressOf(closedAgain);
    }
    CompletableFuture<Message> result = transport.exchange(nobody, query("www.example.test."), SHORT);

    assertThatThrownBy(() -> result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TimeoutException.class);
  }

  /* ---- spoofing resistance ---- */

  @Test
  @DisplayName("RFC 5452 §9.2, §4.3: each query leaves from its own source port, with its own random ID")
  void eachExchange_freshSourcePortAndId() throws Exception {
    Set<Integer> ports = new java.util.HashSet<>();
    Set<Integer> ids = new java.util.HashSet<>();
    try (DatagramSocket server = udpServer()) {
      for (int i = 0; i < 4; i++) {
        CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
        Received got = receive(server);
        ports.add(((InetSocketAddress) got.from()).getPort());
        ids.add(got.query().getHeader().getID());
        send(server, got.from(), answer(got.query(), got.query().getHeader().getID(), "192.0.2.1").toWire());
        result.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
      }
    }

    assertThat(ports).as("source ports of 4 queries").hasSizeGreaterThan(1);
    assertThat(ids).as("IDs of 4 queries").hasSizeGreaterThan(1);
  }

  @Test
  @DisplayName("DESIGN (Servers): IPv6 servers are usable too (on ::1, when the host has IPv6 loopback)")
  void ipv6Server_answers() throws Exception {
    InetAddress v6 = InetAddress.getByName("::1");
    DatagramSocket server;
    try {
      server = new DatagramSocket(new InetSocketAddress(v6, 0));
    } catch (IOException noIpv6) {
      org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + noIpv6.getMessage());
      return;
    }
    try (server) {
      server.setSoTimeout(SERVER_WAIT_MS);
      CompletableFuture<Message> result = transport.exchange(new InetSocketAddress(v6, server.getLocalPort()),
          query("www.example.test."), LONG);
      Received got = receive(server);
      send(server, got.from(), answer(got.query(), got.query().getHeader().getID(), "192.0.2.1").toWire());

      assertThat(addressIn(result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
    }
  }

  /* ---- malformed replies ---- */

  @Test
  @DisplayName("RFC 6891 §6.1.1: a reply with two OPT records is a bad reply: the exchange fails at once, naming it,"
      + " instead of waiting out its timeout")
  void replyWithTwoOpts_failsAtOnce() throws Exception {
    assertBadReply(reply -> withOpts(reply, 2), "2 OPT records");
  }

  @Test
  @DisplayName("RFC 6891 §6.1.1: a reply with an OPT record in its answer section is a bad reply")
  void replyWithOptInTheAnswer_failsAtOnce() throws Exception {
    assertBadReply(reply -> {
      reply.addRecord(new OPTRecord(1232, 0, 0), Section.ANSWER);
      return reply.toWire();
    }, "an OPT record outside the additional section");
  }

  @Test
  @DisplayName("a reply with the query's ID and question that does not parse is a bad reply, not a stray packet")
  void replyThatDoesNotParse_failsAtOnce() throws Exception {
    assertBadReply(reply -> {
      byte[] wire = reply.toWire();
      return Arrays.copyOf(wire, wire.length - 3); // the answer's RDATA cut, TC clear
    }, "does not parse");
  }

  @Test
  @DisplayName("RFC 1035 §3.4.1: an A record of three octets is left out of the reply, the address beside it kept,"
      + " as Unbound's scrubber leaves it out")
  void aRecordOfThreeOctets_isLeftOut() throws Exception {
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
      Received got = receive(server);
      Message reply = answer(got.query(), got.query().getHeader().getID(), "192.0.2.1");
      reply.addRecord(Record.fromString(Name.fromConstantString("www.example.test."), Type.A, DClass.IN, 300,
          "192.0.2.2", Name.root), Section.ANSWER);
      byte[] wire = reply.toWire();
      wire[wire.length - 5] = 3; // the last record's RDLENGTH, its address cut to three octets
      send(server, got.from(), Arrays.copyOf(wire, wire.length - 1));

      Message read = result.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(read.getSection(Section.ANSWER)).hasSize(1);
      assertThat(addressIn(read)).isEqualTo("192.0.2.1");
    }
  }

  @Test
  @DisplayName("octets after the last record are ignored, as Unbound, BIND and Knot Resolver ignore them")
  void trailingOctets_ignored() throws Exception {
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
      Received got = receive(server);
      byte[] wire = withOpts(answer(got.query(), got.query().getHeader().getID(), "192.0.2.1"), 1);

      send(server, got.from(), Arrays.copyOf(wire, wire.length + 3));

      assertThat(addressIn(result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
    }
  }

  @Test
  @DisplayName("RFC 6891 §6.1.1: over TCP too, a reply with two OPT records fails the exchange, naming it")
  void tcpReplyWithTwoOpts_fails() throws Exception {
    try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = udpOnSamePortAs(tcp)) {
      CompletableFuture<Message> result = transport.exchange(addressOf(udp), query("big.example.test."), LONG);
      Received got = receive(udp);
      send(udp, got.from(), truncated(got.query(), Rcode.NOERROR).toWire());

      answerOverTcp(tcp, asked -> withOpts(answer(asked, asked.getHeader().getID(), "192.0.2.1"), 2));

      assertThatThrownBy(() -> result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class).cause().hasMessageContaining("2 OPT records");
    }
  }

  /** The server's reply, made malformed by {@code malform}, fails the exchange well before its timeout. */
  private void assertBadReply(FakeServers.ReplyBytes malform, String malformation) throws Exception {
    try (DatagramSocket server = udpServer()) {
      long start = System.nanoTime();
      CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
      Received got = receive(server);

      send(server, got.from(), malform.to(answer(got.query(), got.query().getHeader().getID(), "192.0.2.1")));

      assertThatThrownBy(() -> result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class)
          .hasMessageContaining("sent a malformed reply").hasMessageContaining(malformation);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG.dividedBy(2));
    }
  }

  private static byte[] withOpts(Message reply, int count) {
    for (int i = 0; i < count; i++) {
      reply.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    }
    return reply.toWire();
  }

  /* ---- truncation ---- */

  @Test
  @DisplayName("RFC 7766 §5: a reply with TC=1 is asked again over TCP on the same address and port")
  void truncatedReply_isRetriedOverTcp() throws Exception {
    try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = udpOnSamePortAs(tcp)) {
      CompletableFuture<Message> result = transport.exchange(addressOf(udp), query("big.example.test."), LONG);
      Received got = receive(udp);
      send(udp, got.from(), truncated(got.query(), Rcode.NOERROR).toWire());

      Message overTcp = answerOverTcp(tcp, asked -> answer(asked, asked.getHeader().getID(), "192.0.2.1").toWire());
      Message reply = result.get(LONG.toMillis(), TimeUnit.MILLISECONDS);

      assertThat(reply.getHeader().getFlag(Flags.TC)).isFalse();
      assertThat(addressIn(reply)).isEqualTo("192.0.2.1");
      assertThat(overTcp.getQuestion()).isEqualTo(got.query().getQuestion());
    }
  }

  @Test
  @DisplayName("RFC 7766 §5, RFC 6298: a truncated reply's retry over TCP, a connection and a query, may take twice the "
      + "exchange's timeout from the truncated reply")
  void truncatedReply_tcpGetsTwiceTheTimeout() throws Exception {
    Duration timeout = Duration.ofMillis(600);
    try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = udpOnSamePortAs(tcp)) {
      CompletableFuture<Message> result = transport.exchange(addressOf(udp), query("big.example.test."), timeout);
      Received got = receive(udp);
      Thread.sleep(timeout.toMillis() / 2);
      send(udp, got.from(), truncated(got.query(), Rcode.NOERROR).toWire());

      Message overTcp = answerOverTcp(tcp, asked -> {
        sleep(timeout); // past the UDP exchange's own timeout, within twice it from the truncated reply
        return answer(asked, asked.getHeader().getID(), "192.0.2.1").toWire();
      });

      assertThat(addressIn(result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
      assertThat(overTcp.getQuestion()).isEqualTo(got.query().getQuestion());
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /* ---- lifecycle ---- */

  @Test
  @DisplayName("Lifecycle: close() ends the transport's threads before it returns (or just after)")
  void close_endsTransportThreads() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Transport own = newTransport(2);
    List<Thread> started = new ArrayList<>();
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Message> result = own.exchange(addressOf(server), query("www.example.test."), LONG);
      Received got = receive(server);
      // while the exchange waits for its reply, so that every thread it needs is there
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (!before.contains(thread) && thread.getName().startsWith(THREAD_PREFIX)) {
          started.add(thread);
        }
      }
      send(server, got.from(), answer(got.query(), got.query().getHeader().getID(), "192.0.2.1").toWire());
      result.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
    }
    assertThat(started).as("threads the transport started").isNotEmpty();

    own.close();

    for (Thread thread : started) {
      thread.join(LONG.toMillis());
      assertThat(thread.isAlive()).as("%s after close()", thread.getName()).isFalse();
    }
  }

  @Test
  @DisplayName("Transport contract: after close() an exchange fails at once instead of never completing")
  void exchangeAfterClose_failsInsteadOfHanging() throws Exception {
    try (DatagramSocket server = udpServer()) {
      transport.close();

      CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), SHORT);

      assertThatThrownBy(() -> result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class);
    }
  }

  @Test
  @DisplayName("Transport contract: an exchange still waiting when close() is called fails instead of never completing")
  void exchangeInFlightAtClose_fails() throws Exception {
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
      receive(server);

      transport.close();

      assertThatThrownBy(() -> result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class);
    }
  }
}
