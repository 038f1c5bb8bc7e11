package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.internal.transport.FakeServers.addressIn;
import static org.dnschase.resolver.internal.transport.FakeServers.addressOf;
import static org.dnschase.resolver.internal.transport.FakeServers.answerTo;
import static org.dnschase.resolver.internal.transport.FakeServers.query;
import static org.dnschase.resolver.internal.transport.FakeServers.receive;
import static org.dnschase.resolver.internal.transport.FakeServers.send;
import static org.dnschase.resolver.internal.transport.FakeServers.udpServer;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.internal.transport.FakeServers.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;

/**
 * {@link NettyTransport} with many exchanges at once against one fake server on 127.0.0.1: each
 * reply reaches its own exchange, even when IDs collide, a follow-up query stays on the event loop
 * that completed the last one, and close() leaves no socket behind. Only loopback is ever used.
 */
class ConcurrentExchangeTest {

  private static final Duration LONG = Duration.ofSeconds(5);
  private static final int EXCHANGES = 16;

  private final List<NettyTransport> transports = new ArrayList<>();

  @AfterEach
  void closeTransports() {
    transports.forEach(NettyTransport::close);
  }

  private NettyTransport transport(int threads) {
    NettyTransport transport = new NettyTransport(threads);
    transports.add(transport);
    return transport;
  }

  /** Starts {@link #EXCHANGES} queries for q0 ... q15 at once and returns what the server got. */
  private static List<Received> askAll(NettyTransport transport, DatagramSocket server,
      List<CompletableFuture<Message>> results) throws IOException {
    for (int i = 0; i < EXCHANGES; i++) {
      results.add(transport.exchange(addressOf(server), query("q" + i + ".example.test."), LONG));
    }
    List<Received> got = new ArrayList<>();
    for (int i = 0; i < EXCHANGES; i++) {
      got.add(receive(server));
    }
    return got;
  }

  /** Replies to every query in reverse order of arrival, with 192.0.2.i for the query of q{i}. */
  private static void answerBackwards(DatagramSocket server, List<Received> got) throws IOException {
    for (Received query : got.reversed()) {
      String label = query.query().getQuestion().getName().getLabelString(0);
      send(server, query.from(), answerTo(query, "192.0.2." + label.substring(1)));
    }
  }

  private static void assertEachGotItsOwnReply(List<CompletableFuture<Message>> results) throws Exception {
    for (int i = 0; i < EXCHANGES; i++) {
      assertThat(addressIn(results.get(i).get(LONG.toMillis(), TimeUnit.MILLISECONDS)))
          .as("reply to q%d", i).isEqualTo("192.0.2." + i);
    }
  }

  /* ---- matching ---- */

  @Test
  @DisplayName("RFC 5452 §9.2: concurrent queries to one server leave from distinct ports and each gets its own reply")
  void concurrentExchangesToOneServer_eachMatchedToItsReply() throws Exception {
    List<CompletableFuture<Message>> results = new ArrayList<>();
    try (DatagramSocket server = udpServer()) {
      List<Received> got = askAll(transport(2), server, results);
      answerBackwards(server, got);

      assertEachGotItsOwnReply(results);
      Set<Integer> ports = new HashSet<>();
      got.forEach(query -> ports.add(((InetSocketAddress) query.from()).getPort()));
      assertThat(ports).as("source ports of %d queries in flight together", EXCHANGES).hasSize(EXCHANGES);
    }
  }

  @Test
  @DisplayName("RFC 5452 §9.2: queries in flight with the same ID to the same server are told apart by their port")
  void sameIdToSameServer_eachMatchedToItsReply() throws Exception {
    NettyTransport colliding = new NettyTransport(2, () -> 0x4242, null);
    transports.add(colliding);
    List<CompletableFuture<Message>> results = new ArrayList<>();
    try (DatagramSocket server = udpServer()) {
      List<Received> got = askAll(colliding, server, results);
      assertThat(got).allSatisfy(query -> assertThat(query.query().getHeader().getID()).isEqualTo(0x4242));
      answerBackwards(server, got);

      assertEachGotItsOwnReply(results);
    }
  }

  /* ---- threads ---- */

  @Test
  @DisplayName("Design: a query asked where the last reply completed stays on that event loop (no hand-off)")
  void followUpFromEventLoop_completesOnTheSameThread() throws Exception {
    NettyTransport transport = transport(2);
    try (DatagramSocket server = udpServer()) {
      List<Thread> completedOn = new ArrayList<>();
      CompletableFuture<Message> chain = transport.exchange(addressOf(server), query("a.example.test."), LONG);
      for (int i = 0; i < 3; i++) {
        chain = chain.thenCompose(reply -> {
          completedOn.add(Thread.currentThread());
          return transport.exchange(addressOf(server), query("a.example.test."), LONG);
        });
      }
      for (int i = 0; i < 4; i++) {
        Received got = receive(server);
        send(server, got.from(), answerTo(got, "192.0.2.1"));
      }
      chain.get(LONG.toMillis(), TimeUnit.MILLISECONDS);

      assertThat(completedOn).hasSize(3);
      assertThat(new HashSet<>(completedOn)).as("threads the replies completed on").hasSize(1);
    }
  }

  /* ---- lifecycle ---- */

  @Test
  @DisplayName("close() from the transport's own thread returns (it cannot wait for itself), then its threads exit")
  void closeFromOwnThread_returnsAndThreadsExit() throws Exception {
    // not closed after the test: were close() to hang on its own thread, that would hang too
    NettyTransport transport = new NettyTransport(1);
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Thread> closedOn = transport.exchange(addressOf(server), query("a.example.test."), LONG)
          .thenApply(reply -> {
            transport.close();
            return Thread.currentThread();
          });
      Received got = receive(server);
      send(server, got.from(), answerTo(got, "192.0.2.1"));

      Thread loop = closedOn.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
      loop.join(LONG.toMillis());
      assertThat(loop.isAlive()).as("the loop thread that closed its transport").isFalse();
    }
  }

  @Test
  @DisplayName("Transport contract: close() fails every exchange in flight and leaves no socket open")
  void closeWithManyInFlight_failsThemAllAndLeavesNoSocket() throws Exception {
    // the JDK keeps a socket pair of its own from the first NIO close on (the dispatcher's
    // pre-close descriptor): have it opened before counting, or it looks like our leak
    DatagramChannel.open().close();
    long socketsBefore = OpenSockets.count();
    NettyTransport transport = new NettyTransport(2);
    List<CompletableFuture<Message>> results = new ArrayList<>();
    try (DatagramSocket server = udpServer()) {
      long withServer = socketsBefore + 1;
      askAll(transport, server, results);
      assertThat(OpenSockets.count()).isGreaterThan(withServer);

      transport.close();

      for (CompletableFuture<Message> result : results) {
        assertThatThrownBy(() -> result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))
            .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class);
      }
      assertThat(OpenSockets.count()).as("sockets and selectors after close()").isEqualTo(withServer);
    }
  }
}
