package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.transport.FakeServers.addressOf;
import static org.dnschase.resolver.internal.transport.FakeServers.query;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/**
 * An exchange the resolver gives up (its resolution ended at its deadline, or was pushed out of
 * its slot) cancels the future it was handed: the transport ends the exchange then, closing its
 * socket, rather than holding it until its own timeout while nobody waits for it; a reply that
 * comes after finds no socket.
 */
class AbandonedExchangeTest {

  /** Far longer than the test may take: only the cancellation can end the exchange in time. */
  private static final Duration LONG_WAIT = Duration.ofSeconds(60);

  @Test
  @DisplayName("a cancelled UDP exchange is ended at once: nothing left in flight, its socket closed")
  void cancelledOverUdp_endedAtOnce() throws Exception {
    try (DatagramSocket silent = FakeServers.udpServer(); NettyTransport transport = new NettyTransport(1)) {
      CompletableFuture<Message> reply = transport.exchange(addressOf(silent), query("www.example.test."), LONG_WAIT);
      FakeServers.Received got = FakeServers.receive(silent);
      assertThat(transport.inFlight()).containsExactly(1);

      reply.cancel(false);

      awaitNothingInFlight(transport);
      // the late reply goes to a closed port: dropped by the kernel, nothing completes
      FakeServers.send(silent, got.from(), FakeServers.answerTo(got, "192.0.2.1"));
      assertThat(reply).isCancelled();
    }
  }

  @Test
  @DisplayName("a cancelled TCP exchange is ended at once: nothing left in flight, its connection closed")
  void cancelledOverTcp_endedAtOnce() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, FakeServers.LOOPBACK);
        NettyTransport transport = new NettyTransport(1)) {
      CompletableFuture<Message> reply = transport.exchangeOverTcp(
          new InetSocketAddress(FakeServers.LOOPBACK, silent.getLocalPort()), query("www.example.test."),
          LONG_WAIT);
      silent.setSoTimeout(FakeServers.SERVER_WAIT_MS);
      try (Socket connection = silent.accept()) {
        assertThat(transport.inFlight()).containsExactly(1);

        reply.cancel(false);

        awaitNothingInFlight(transport);
        connection.setSoTimeout(FakeServers.SERVER_WAIT_MS);
        InputStream in = connection.getInputStream();
        while (in.read() >= 0) {
          // the query, then the end of the stream: the transport closed the connection
        }
      }
    }
  }

  @Test
  @DisplayName("exchanges cancelled from many threads at once (deadlines, jostled slots): each leaves its loop's set")
  void cancelledFromManyThreads_nothingLeftInFlight() throws Exception {
    int threads = 16;
    int perThread = 120;
    try (DatagramSocket silent = FakeServers.udpServer(); NettyTransport transport = new NettyTransport(1)) {
      List<CompletableFuture<Message>> replies = new ArrayList<>();
      for (int i = 0; i < threads * perThread; i++) {
        replies.add(transport.exchange(addressOf(silent), query("www.example.test."), LONG_WAIT));
      }
      awaitInFlight(transport, threads * perThread);
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> cancelling = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<CompletableFuture<Message>> mine = replies.subList(t * perThread, (t + 1) * perThread);
        cancelling.add(Thread.ofPlatform().start(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            return;
          }
          mine.forEach(reply -> reply.cancel(false)); // on this thread, not the loop's
        }));
      }
      go.countDown();
      for (Thread thread : cancelling) {
        thread.join();
      }

      awaitNothingInFlight(transport);
    }
  }

  /* ---- a resolver's first queries, over plain sockets ---- */

  @Test
  @DisplayName("a cancelled exchange over a plain socket (a resolver's first queries) is ended at once: its port closed")
  void cancelledOverPlainUdp_endedAtOnce() throws Exception {
    try (DatagramSocket silent = FakeServers.udpServer(); DefaultTransport transport = firstQueries()) {
      CompletableFuture<Message> reply = transport.exchange(addressOf(silent), query("www.example.test."), LONG_WAIT);
      FakeServers.Received got = FakeServers.receive(silent);
      assertThat(transport.plainInFlight()).isOne();

      reply.cancel(false);

      awaitNothingInFlight(() -> List.of(transport.plainInFlight()));
      // the port it asked from is closed: free to bind again, and a late reply would find nobody
      try (DatagramSocket again = new DatagramSocket(null)) {
        again.bind(new InetSocketAddress(((InetSocketAddress) got.from()).getPort()));
      }
      assertThat(reply).isCancelled();
    }
  }

  @Test
  @DisplayName("a cancelled exchange whose plain UDP reply was truncated ends its TCP leg at once: the connection closed")
  void cancelledTcpLegAfterPlainUdp_endedAtOnce() throws Exception {
    try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = FakeServers.udpOnSamePortAs(tcp);
        DefaultTransport transport = firstQueries()) {
      CompletableFuture<Message> reply = transport.exchange(addressOf(udp), query("big.example.test."), LONG_WAIT);
      FakeServers.Received got = FakeServers.receive(udp);
      FakeServers.send(udp, got.from(), FakeServers.truncated(got.query(), Rcode.NOERROR).toWire());
      tcp.setSoTimeout(FakeServers.SERVER_WAIT_MS);
      try (Socket connection = tcp.accept()) {
        NettyTransport netty = transport.nettyOnceStarted();
        awaitInFlight(netty, 1);

        reply.cancel(false);

        awaitNothingInFlight(netty::inFlight);
        readToTheEnd(connection);
      }
    }
  }

  /** The resolver's own transport, whose first queries go over plain sockets. */
  private static DefaultTransport firstQueries() {
    return new DefaultTransport(1, false, ResolverMetrics.disabled(), NettyTransport.CAPPED, Duration.ZERO);
  }

  /** Reads the query, then the end of the stream: the transport closed the connection. */
  private static void readToTheEnd(Socket connection) throws IOException {
    connection.setSoTimeout(FakeServers.SERVER_WAIT_MS);
    InputStream in = connection.getInputStream();
    while (in.read() >= 0) {
      // the query, then nothing
    }
  }

  private static void awaitNothingInFlight(NettyTransport transport) throws InterruptedException {
    awaitNothingInFlight(transport::inFlight);
  }

  /** Polls the exchanges in flight until there are none; fails after 5 s. */
  private static void awaitNothingInFlight(Supplier<List<Integer>> inFlight) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      if (inFlight.get().stream().allMatch(count -> count == 0)) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("still in flight 5 s after the cancellation: " + inFlight.get());
  }

  /** Polls until {@code count} exchanges are in flight on Netty's loops; fails after 5 s. */
  private static void awaitInFlight(NettyTransport transport, int count) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      if (transport.inFlight().stream().mapToInt(Integer::intValue).sum() == count) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("not " + count + " in flight after 5 s: " + transport.inFlight());
  }
}
