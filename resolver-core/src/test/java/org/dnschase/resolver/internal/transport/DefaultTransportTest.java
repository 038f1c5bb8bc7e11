package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.transport.FakeServers.addressIn;
import static org.dnschase.resolver.internal.transport.FakeServers.addressOf;
import static org.dnschase.resolver.internal.transport.FakeServers.answer;
import static org.dnschase.resolver.internal.transport.FakeServers.answerOverTcp;
import static org.dnschase.resolver.internal.transport.FakeServers.answerTo;
import static org.dnschase.resolver.internal.transport.FakeServers.query;
import static org.dnschase.resolver.internal.transport.FakeServers.receive;
import static org.dnschase.resolver.internal.transport.FakeServers.send;
import static org.dnschase.resolver.internal.transport.FakeServers.truncated;
import static org.dnschase.resolver.internal.transport.FakeServers.udpOnSamePortAs;
import static org.dnschase.resolver.internal.transport.FakeServers.udpServer;

import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.dnschase.resolver.internal.transport.FakeServers.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/**
 * The resolver's own transport sends its first queries over the JDK's plain datagram sockets and
 * starts Netty only for what the plain path does not take: so a JVM's first resolution neither
 * waits for Netty nor shares the processor with its start. Counted in threads, not timed.
 */
class DefaultTransportTest {

  private static final Duration LONG = Duration.ofSeconds(5);

  private final Set<Thread> before = Thread.getAllStackTraces().keySet();
  private final DefaultTransport transport = new DefaultTransport(1, false, ResolverMetrics.disabled(), NettyTransport.CAPPED, Duration.ZERO);

  @AfterEach
  void closeTransport() {
    transport.close();
  }

  @Test
  @DisplayName("the first queries go over plain sockets, each on a thread of its own, and start no Netty thread")
  void firstQueries_startNoNettyThread() throws Exception {
    try (DatagramSocket server = udpServer()) {
      for (int i = 0; i < 3; i++) {
        CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
        Received got = receive(server);
        assertThat(newTransportThreads()).as("threads while query %d waits", i)
            .containsExactly(PlainUdpExchanges.THREAD_NAME);
        send(server, got.from(), answerTo(got, "192.0.2." + (i + 1)));
        assertThat(addressIn(result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2." + (i + 1));
      }
    }
    assertThat(newTransportThreads()).doesNotContain(DefaultTransport.STARTER_THREAD_NAME)
        .allMatch(PlainUdpExchanges.THREAD_NAME::equals);
  }

  @Test
  @DisplayName("past its first queries, the transport starts Netty and asks over it")
  void pastFirstQueries_nettyTakesOver() throws Exception {
    try (DatagramSocket server = udpServer()) {
      for (int i = 0; i < PlainUdpExchanges.QUERIES; i++) {
        CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
        Received got = receive(server);
        send(server, got.from(), answerTo(got, "192.0.2.1"));
        result.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
      }
      assertThat(nettyThreads()).as("Netty threads after %d queries", PlainUdpExchanges.QUERIES).isEmpty();

      CompletableFuture<Message> next = transport.exchange(addressOf(server), query("www.example.test."), LONG);
      Received got = receive(server);
      assertThat(nettyThreads()).as("Netty threads while the next query waits").isNotEmpty();
      send(server, got.from(), answerTo(got, "192.0.2.2"));
      assertThat(addressIn(next.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.2");
    }
  }

  @Test
  @DisplayName("RFC 7766 §5: a truncated first reply is asked again over TCP in its own time, Netty's start not counted")
  void truncatedFirstReply_tcpGetsItsOwnTime_notNettysStart() throws Exception {
    Duration timeout = Duration.ofSeconds(1);
    CountDownLatch nettyMayStart = new CountDownLatch(1);
    DefaultTransport slowToStart = new DefaultTransport(1, new QueryIds()::next, null, ResolverMetrics.disabled(),
        NettyTransport.CAPPED, () -> {
          try {
            nettyMayStart.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = udpOnSamePortAs(tcp)) {
      CompletableFuture<Message> result = slowToStart.exchange(addressOf(udp), query("big.example.test."), timeout);
      Received got = receive(udp);
      send(udp, got.from(), truncated(got.query(), Rcode.NOERROR).toWire());
      Thread.sleep(3 * timeout.toMillis() + 200); // Netty's start ends past the TCP exchange's time too
      nettyMayStart.countDown();

      answerOverTcp(tcp, asked -> answer(asked, asked.getHeader().getID(), "192.0.2.1").toWire());
      assertThat(addressIn(result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
    } finally {
      nettyMayStart.countDown();
      slowToStart.close();
    }
  }

  @Test
  @DisplayName("a burst beyond what the plain path takes at once waits for Netty, and every query is answered")
  void burst_beyondPlainLimit_goesOverNetty() throws Exception {
    int burst = PlainUdpExchanges.MAX_IN_FLIGHT + 2;
    try (DatagramSocket server = udpServer()) {
      List<CompletableFuture<Message>> results = new ArrayList<>();
      for (int i = 0; i < burst; i++) {
        results.add(transport.exchange(addressOf(server), query("www.example.test."), LONG));
      }
      List<Received> got = new ArrayList<>();
      for (int i = 0; i < burst; i++) {
        got.add(receive(server));
      }
      assertThat(nettyThreads()).as("Netty threads once the burst is out").isNotEmpty();
      assertThat(newTransportThreads()).filteredOn(PlainUdpExchanges.THREAD_NAME::equals)
          .hasSize(PlainUdpExchanges.MAX_IN_FLIGHT);
      for (Received query : got) {
        send(server, query.from(), answerTo(query, "192.0.2.1"));
      }
      for (CompletableFuture<Message> result : results) {
        assertThat(addressIn(result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
      }
    }
  }

  /** Names of the live threads named as the transport's that this test started. */
  private List<String> newTransportThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive())
        .map(Thread::getName).filter(name -> name.startsWith("dnschase-transport")).toList();
  }

  /** Netty's event loop threads among them. */
  private List<String> nettyThreads() {
    return newTransportThreads().stream().filter(name -> !name.equals(PlainUdpExchanges.THREAD_NAME)
        && !name.equals(DefaultTransport.STARTER_THREAD_NAME)).toList();
  }
}
