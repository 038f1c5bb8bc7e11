package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.transport.FakeServers.addressIn;
import static org.dnschase.resolver.internal.transport.FakeServers.addressOf;
import static org.dnschase.resolver.internal.transport.FakeServers.answerTo;
import static org.dnschase.resolver.internal.transport.FakeServers.query;
import static org.dnschase.resolver.internal.transport.FakeServers.receive;
import static org.dnschase.resolver.internal.transport.FakeServers.send;
import static org.dnschase.resolver.internal.transport.FakeServers.udpServer;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.internal.transport.FakeServers.Received;
import org.dnschase.resolver.internal.transport.loops.LoopKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;

/**
 * The UDP channels an event loop opens ahead of its queries ({@link SpareChannels}): a few at
 * most, each carrying one query, and none holding a port before its query connects it, so that a
 * port is open no longer than it would be without them (RFC 5452 §9.2). Only loopback is used.
 */
class SpareChannelsTest {

  private static final Duration LONG = Duration.ofSeconds(5);

  private final NettyTransport transport = new NettyTransport(1, new QueryIds()::next, null, kind());

  /** What the transport's event loops are made of. */
  LoopKind kind() {
    return LoopKind.CHOSEN;
  }

  @AfterEach
  void close() {
    transport.close();
  }

  @Test
  @DisplayName("a fresh transport opens nothing ahead: its first query opens its own channel")
  void freshTransport_opensNothingAhead() throws Exception {
    assertThat(census().ports()).isEmpty();
    try (DatagramSocket server = udpServer()) {
      ask(server, "www.example.test.");
    }
    assertThat(census().ports()).hasSize(SpareChannels.PER_FAMILY);
    assertThat(census().taken()).isZero();
  }

  @Test
  @DisplayName("RFC 5452 §9.2: a channel opened ahead holds no port until its query, so no scan finds one waiting")
  void channelsOpenedAhead_holdNoPort() throws Exception {
    try (DatagramSocket server = udpServer()) {
      ask(server, "first.example.test.");
      ask(server, "second.example.test.");
    }
    SpareChannels.Census waiting = census();
    assertThat(waiting.taken()).as("queries that took a channel opened ahead").isEqualTo(1);
    assertThat(waiting.ports()).isNotEmpty().allSatisfy(port -> assertThat(port).as("a waiting channel's port").isZero());
  }

  @Test
  @DisplayName("RFC 5452 §9.2: each query takes a channel opened ahead and leaves from a fresh random port; a few wait at most")
  void eachQuery_takesOneChannelAndAFreshPort() throws Exception {
    List<Integer> used = new ArrayList<>();
    try (DatagramSocket server = udpServer()) {
      used.add(ask(server, "first.example.test."));
      for (int i = 0; i < 6; i++) {
        long takenBefore = census().taken();
        used.add(ask(server, "www" + i + ".example.test."));
        assertThat(census().taken()).as("query %d took a channel opened ahead", i).isEqualTo(takenBefore + 1);
        assertThat(census().ports()).hasSizeLessThanOrEqualTo(SpareChannels.PER_FAMILY);
      }
    }
    // The kernel draws each port at random among some 28,000, so two of seven may meet by chance
    // (about once in 1,300 runs); a port kept or reused by the transport would repeat every time.
    assertThat(new HashSet<>(used)).as("distinct source ports of %s", used).hasSizeGreaterThanOrEqualTo(used.size() - 1);
  }

  private SpareChannels.Census census() {
    List<SpareChannels.Census> loops = transport.spares();
    assertThat(loops).hasSize(1);
    return loops.get(0);
  }

  /** Asks {@code name} of {@code server}, which answers it; the port the query came from. */
  private int ask(DatagramSocket server, String name) throws Exception {
    CompletableFuture<Message> result = transport.exchange(addressOf(server), query(name), LONG);
    Received got = receive(server);
    send(server, got.from(), answerTo(got, "192.0.2.1"));
    assertThat(addressIn(result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
    return ((InetSocketAddress) got.from()).getPort();
  }
}
