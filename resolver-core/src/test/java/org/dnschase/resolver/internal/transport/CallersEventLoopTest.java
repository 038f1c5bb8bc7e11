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

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.internal.transport.FakeServers.Received;
import org.dnschase.resolver.internal.transport.loops.LoopKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;

/**
 * A query asked from the event loop of another Netty group, as a server's listener asks its
 * resolver, goes out and comes back on that loop: no hand-off to the transport's threads and
 * back, which would cost two thread wake-ups per question. Only loopback is ever used.
 */
class CallersEventLoopTest {

  private static final Duration LONG = Duration.ofSeconds(5);
  private static final String CALLERS_THREAD = "a-server-loop";

  private final MultiThreadIoEventLoopGroup callers = new MultiThreadIoEventLoopGroup(1,
      new DefaultThreadFactory(CALLERS_THREAD, true), callersKind().handlerFactory());
  private final EventLoop callersLoop = callers.next();
  private final Set<Thread> before = Thread.getAllStackTraces().keySet();
  private final NettyTransport transport = new NettyTransport(1);

  /** What the caller's loops are made of: NIO here. */
  LoopKind callersKind() {
    return LoopKind.NIO;
  }

  @AfterEach
  void close() {
    transport.close();
    callers.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  @DisplayName("a query asked from another group's event loop completes on that loop, and the transport starts no thread")
  void fromCallersLoop_completesThereWithoutTransportThreads() throws Exception {
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Thread> completedOn = askFromCallersLoop(server)
          .thenApply(reply -> Thread.currentThread());
      Received got = receive(server);
      send(server, got.from(), answerTo(got, "192.0.2.1"));

      assertThat(completedOn.get(LONG.toMillis(), TimeUnit.MILLISECONDS).getName()).startsWith(CALLERS_THREAD);
      assertThat(newTransportThreads()).isEmpty();
    }
  }

  @Test
  @DisplayName("the caller's loop shut down under an exchange fails it rather than leaving it waiting")
  void callersLoopShutDown_failsTheExchange() throws Exception {
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Message> result = askFromCallersLoop(server);
      receive(server);

      callers.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();

      assertThatThrownBy(() -> result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class);
    }
  }

  @Test
  @DisplayName("Transport contract: close() fails the exchanges in flight on callers' loops too, and leaves the loops running")
  void close_failsExchangesOnCallersLoops() throws Exception {
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Message> result = askFromCallersLoop(server);
      receive(server);

      transport.close();

      assertThatThrownBy(() -> result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class);
      assertThat(callersLoop.submit(() -> "still running").get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .isEqualTo("still running");
    }
  }

  @Test
  @DisplayName("a query asked from the caller's loop after close() is refused")
  void afterClose_refusedOnCallersLoop() throws Exception {
    try (DatagramSocket server = udpServer()) {
      transport.close();
      assertThatThrownBy(() -> askFromCallersLoop(server).get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class);
    }
  }

  @Test
  @DisplayName("a follow-up asked where a reply completed on the caller's loop is answered there too")
  void followUp_onCallersLoop() throws Exception {
    try (DatagramSocket server = udpServer()) {
      CompletableFuture<Message> chain = askFromCallersLoop(server)
          .thenCompose(reply -> transport.exchange(addressOf(server), query("b.example.test."), LONG));
      for (int i = 1; i <= 2; i++) {
        Received got = receive(server);
        send(server, got.from(), answerTo(got, "192.0.2." + i));
      }
      assertThat(addressIn(chain.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.2");
      assertThat(newTransportThreads()).isEmpty();
    }
  }

  private List<String> newTransportThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive())
        .map(Thread::getName).filter(name -> name.startsWith("dnschase-transport")).toList();
  }

  private CompletableFuture<Message> askFromCallersLoop(DatagramSocket server) throws Exception {
    return callersLoop.submit(() -> transport.exchange(addressOf(server), query("a.example.test."), LONG))
        .get(LONG.toMillis(), TimeUnit.MILLISECONDS);
  }
}
