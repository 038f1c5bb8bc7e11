package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.dnschase.resolver.internal.transport.FakeServers.Received;
import org.dnschase.resolver.internal.transport.loops.LoopKind;
import org.dnschase.resolver.internal.transport.loops.SpinWindows;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;

/**
 * An upstream UDP exchange keeps its event loop polling from its query's send, for the window its
 * server gets, until it ends, whichever way: a reply or a timeout closes the window, and a server
 * given none opens none. The reply to a query nobody waits for (the root's priming beside a walk)
 * is read once no other reply is due, yet never taken for a timeout. Only loopback is ever used.
 */
class SpinWindowsTransportTest {

  private static final Duration LONG = Duration.ofSeconds(5);
  private static final ToLongFunction<InetAddress> ONE_MILLISECOND = server -> TimeUnit.MILLISECONDS.toNanos(1);

  /** The transport under test, one event loop, with {@code spinWindows} for its servers. */
  NettyTransport newTransport(ToLongFunction<InetAddress> spinWindows) {
    return new NettyTransport(1, new QueryIds()::next, null, ResolverMetrics.disabled(), spinWindows, LoopKind.NIO);
  }

  @Test
  @DisplayName("a query's window is open from its send until its reply")
  void reply_closesTheWindow() throws Exception {
    NettyTransport transport = newTransport(ONE_MILLISECOND);
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Message> result = transport.exchange(addressOf(server), query("www.example.test."), LONG);
      Received got = receive(server);

      assertThat(transport.openSpinWindows()).as("sent, no reply yet").isEqualTo(List.of(1));
      send(server, got.from(), answer(got.query(), got.query().getHeader().getID(), "192.0.2.1").toWire());
      result.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(transport.openSpinWindows()).as("replied").isEqualTo(List.of(0));
    } finally {
      transport.close();
    }
  }

  @Test
  @DisplayName("a query that times out closes its window")
  void timeout_closesTheWindow() throws Exception {
    NettyTransport transport = newTransport(ONE_MILLISECOND);
    try (DatagramSocket silent = udpServer()) {
      CompletableFuture<Message> result = transport.exchange(addressOf(silent), query("www.example.test."),
          Duration.ofMillis(50));

      assertThatThrownBy(() -> result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class);
      assertThat(transport.openSpinWindows()).isEqualTo(List.of(0));
    } finally {
      transport.close();
    }
  }

  @Test
  @DisplayName("a server given no window (known to answer slower than the cap) opens none")
  void noWindow_opensNone() throws Exception {
    NettyTransport transport = newTransport(server -> 0);
    try (DatagramSocket server = udpServer()) {
      transport.exchange(addressOf(server), query("www.example.test."), LONG);
      receive(server);

      assertThat(transport.openSpinWindows()).isEqualTo(List.of(0));
    } finally {
      transport.close();
    }
  }

  @Test
  @DisplayName("a reply nobody waits for, landed while another reply is due, is read once that one is in")
  void unhurriedReply_readOnceNoReplyIsDue() throws Exception {
    NettyTransport transport = newTransport(firstOneSecondThenOneMillisecond());
    try (DatagramSocket walks = udpServer(); DatagramSocket primes = udpServer()) {
      CompletableFuture<Message> due = transport.exchange(addressOf(walks), query("www.example.test."), LONG);
      Received walkQuery = receive(walks);
      CompletableFuture<Message> unhurried = transport.exchange(addressOf(primes), query("example.test."), LONG, true);
      Received primingQuery = receive(primes);
      CompletableFuture<Boolean> unhurriedInFirst = due.thenApply(reply -> unhurried.isDone());

      long primingReplied = System.nanoTime();
      send(primes, primingQuery.from(), answerTo(primingQuery, "192.0.2.2"));
      Thread.sleep(20); // the loop, polling for the reply due, has long seen the other
      assertThat(transport.openSpinWindows()).as("the unhurried reply landed, its window closed").isEqualTo(List.of(1));
      send(walks, walkQuery.from(), answerTo(walkQuery, "192.0.2.1"));
      boolean readFirst = unhurriedInFirst.get(LONG.toMillis(), TimeUnit.MILLISECONDS);

      assertThat(addressIn(unhurried.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.2");
      // past its longest wait the reply is read though another stays due: only a stalled machine tells
      assumeThat(System.nanoTime() - primingReplied).isLessThan(SpinWindows.UNHURRIED_NANOS);
      assertThat(readFirst).as("the unhurried reply read before the one due").isFalse();
    } finally {
      transport.close();
    }
  }

  @Test
  @DisplayName("a reply nobody waits for, left unread while another is due, is read at its timeout, not lost to it")
  void unhurriedReplyLeftUnread_readAtItsTimeout() throws Exception {
    NettyTransport transport = newTransport(firstOneSecondThenOneMillisecond());
    try (DatagramSocket silent = udpServer(); DatagramSocket primes = udpServer()) {
      CompletableFuture<Message> due = transport.exchange(addressOf(silent), query("www.example.test."), LONG);
      receive(silent);
      // a timeout shorter than the longest wait of unhurried work: the reply due keeps it unread until then
      Duration shortWait = Duration.ofNanos(SpinWindows.UNHURRIED_NANOS / 5);
      CompletableFuture<Message> unhurried = transport.exchange(addressOf(primes), query("example.test."), shortWait,
          true);
      Received primingQuery = receive(primes);
      send(primes, primingQuery.from(), answerTo(primingQuery, "192.0.2.2"));

      assertThat(addressIn(unhurried.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.2");
      assertThat(due).isNotDone();
    } finally {
      transport.close();
    }
  }

  /** Spin windows of a second for the first query asked, the one due, and of a millisecond after it. */
  private static ToLongFunction<InetAddress> firstOneSecondThenOneMillisecond() {
    AtomicInteger asked = new AtomicInteger();
    return server -> asked.getAndIncrement() == 0 ? TimeUnit.SECONDS.toNanos(1) : TimeUnit.MILLISECONDS.toNanos(1);
  }
}
