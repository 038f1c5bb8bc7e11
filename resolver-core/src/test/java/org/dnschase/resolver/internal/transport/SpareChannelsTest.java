package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.transport.FakeServers.LOOPBACK;
import static org.dnschase.resolver.internal.transport.FakeServers.addressIn;
import static org.dnschase.resolver.internal.transport.FakeServers.addressOf;
import static org.dnschase.resolver.internal.transport.FakeServers.answer;
import static org.dnschase.resolver.internal.transport.FakeServers.answerTo;
import static org.dnschase.resolver.internal.transport.FakeServers.query;
import static org.dnschase.resolver.internal.transport.FakeServers.receive;
import static org.dnschase.resolver.internal.transport.FakeServers.send;
import static org.dnschase.resolver.internal.transport.FakeServers.udpServer;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.internal.transport.FakeServers.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;

/**
 * The UDP channels an event loop opens ahead of its queries ({@link SpareChannels}): each is a
 * fresh random port that carries one query, connected to its server before it, so nothing that
 * reached it earlier passes for a reply; a few at most, closed once past their age and at close.
 * Only loopback is ever used.
 */
class SpareChannelsTest {

  private static final Duration LONG = Duration.ofSeconds(5);
  /** Every query's ID: a forged reply then needs nothing but the port to match. */
  private static final int ID = 4242;

  private NettyTransport transport = NettyTransport.withSpareAge(1, () -> ID, Duration.ofNanos(SpareChannels.MAX_AGE_NANOS));

  @AfterEach
  void close() {
    transport.close();
  }

  @Test
  @DisplayName("a fresh transport opens no port ahead: its first query opens its own")
  void freshTransport_opensNothingAhead() throws Exception {
    assertThat(transport.sparePorts()).isEmpty();
    try (DatagramSocket server = udpServer()) {
      ask(server, "www.example.test.");
    }
    assertThat(transport.sparePorts()).hasSize(SpareChannels.PER_FAMILY);
  }

  @Test
  @DisplayName("RFC 5452 §9.1: a datagram that reached a port opened ahead, before its query, is never taken as the reply")
  void datagramBeforeTheQuery_isNeverTheReply() throws Exception {
    try (DatagramSocket server = udpServer(); DatagramSocket forger = new DatagramSocket(0, LOOPBACK)) {
      ask(server, "first.example.test.");
      List<Integer> ahead = transport.sparePorts();
      assertThat(ahead).isNotEmpty();
      // the reply the next query waits for, complete but for its source: another port of the same address
      byte[] forged = answer(query("www.example.test."), ID, "192.0.2.66").toWire();
      for (int port : ahead) {
        send(forger, new InetSocketAddress(LOOPBACK, port), forged);
      }

      CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
      Received got = receive(server);
      Thread.sleep(50); // time for the forged reply to be taken, if it ever were
      assertThat(result).as("completed by what reached its port before its query").isNotDone();
      assertThat(((InetSocketAddress) got.from()).getPort()).as("the query's source port").isIn(ahead);
      send(server, got.from(), answerTo(got, "192.0.2.1"));

      assertThat(addressIn(result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
    }
  }

  @Test
  @DisplayName("RFC 5452 §9.2: each port opened ahead carries one query, and the loop keeps no more than a few")
  void eachPortOpenedAhead_carriesOneQuery() throws Exception {
    Set<Integer> used = new HashSet<>();
    try (DatagramSocket server = udpServer()) {
      ask(server, "first.example.test.");
      for (int i = 0; i < 6; i++) {
        List<Integer> ahead = transport.sparePorts();
        assertThat(ahead).hasSizeLessThanOrEqualTo(SpareChannels.PER_FAMILY);
        int port = ask(server, "www" + i + ".example.test.");
        assertThat(port).as("query %d's source port", i).isIn(ahead);
        assertThat(used.add(port)).as("port %d used twice", port).isTrue();
        assertThat(transport.sparePorts()).doesNotContain(port);
      }
    }
  }

  @Test
  @DisplayName("a port opened ahead is closed once past its age on an idle loop, and the next query opens its own")
  void portsPastTheirAge_areClosedWhenTheLoopIdles() throws Exception {
    transport.close();
    transport = NettyTransport.withSpareAge(1, () -> ID, Duration.ofMillis(500));
    try (DatagramSocket server = udpServer()) {
      ask(server, "first.example.test.");
      List<Integer> ahead = transport.sparePorts();
      assertThat(ahead).isNotEmpty();
      long deadline = System.nanoTime() + LONG.toNanos();
      while (!transport.sparePorts().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(transport.sparePorts()).as("ports still open ahead").isEmpty();
      for (int port : ahead) {
        assertThat(boundHere(port)).as("port %d still bound", port).isFalse();
      }

      ask(server, "www.example.test.");
    }
  }

  /** Asks {@code name} of {@code server}, which answers it; the port the query came from. */
  private int ask(DatagramSocket server, String name) throws Exception {
    CompletableFuture<Message> result = transport.exchange(addressOf(server), query(name), LONG);
    Received got = receive(server);
    send(server, got.from(), answerTo(got, "192.0.2.1"));
    assertThat(addressIn(result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
    return ((InetSocketAddress) got.from()).getPort();
  }

  /** Whether a UDP socket of this host holds {@code port} on the wildcard address. */
  private static boolean boundHere(int port) {
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port))) {
      return false;
    } catch (java.io.IOException taken) {
      return true;
    }
  }
}
