package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.dnschase.resolver.internal.transport.FakeServers.addressIn;
import static org.dnschase.resolver.internal.transport.FakeServers.addressOf;
import static org.dnschase.resolver.internal.transport.FakeServers.answer;
import static org.dnschase.resolver.internal.transport.FakeServers.query;
import static org.dnschase.resolver.internal.transport.FakeServers.receive;
import static org.dnschase.resolver.internal.transport.FakeServers.send;
import static org.dnschase.resolver.internal.transport.FakeServers.udpServer;

import java.net.DatagramSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.dnschase.resolver.internal.transport.FakeServers.Received;
import org.dnschase.resolver.spi.Transport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Message;

/**
 * RFC 1536 §1 and RFC 5452 §9.1: a UDP exchange whose wait ran out keeps its socket listening for
 * the transport's window ({@link StillListening}); its late reply, matched as strictly as one in
 * time, completes the late future, and the socket closes once that came, failed or was cancelled.
 * On Netty, and on the plain sockets of a resolver's first queries.
 */
class LateReplyTest {

  private static final Duration WAIT = Duration.ofMillis(200);
  private static final long LISTEN_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** A transport listening so long past a timeout, and how many of its exchanges hold a socket. */
  record Kind(String name, LongFunction<Transport> listening, ToIntFunction<Transport> inFlight) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> transports() {
    return Stream.of(
        Arguments.of(new Kind("Netty", listen -> new NettyTransport(1, new QueryIds()::next, null,
            ResolverMetrics.disabled(), NettyTransport.CAPPED, listen),
            transport -> ((NettyTransport) transport).inFlight().get(0))),
        Arguments.of(new Kind("plain sockets", listen -> new DefaultTransport(1, new QueryIds()::next, null,
            ResolverMetrics.disabled(), NettyTransport.CAPPED, listen, () -> { }),
            transport -> ((DefaultTransport) transport).plainInFlight())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  @DisplayName("RFC 5452 §9.1: a reply after the wait ran out is taken only with the query's own ID and question")
  void lateReply_isMatchedAsStrictlyAsOneInTime(Kind kind) throws Exception {
    try (Transport transport = kind.listening().apply(LISTEN_NANOS); DatagramSocket server = udpServer()) {
      CompletableFuture<Message> reply = transport.exchange(addressOf(server), query("www.example.test."), WAIT);
      Received got = receive(server);
      CompletableFuture<Message> late = lateReplyOf(reply);
      int id = got.query().getHeader().getID();

      send(server, got.from(), answer(got.query(), id ^ 0x5a5a, "192.0.2.66").toWire());
      Message otherQuestion = answer(query("other.example.test."), id, "192.0.2.67");
      send(server, got.from(), otherQuestion.toWire());
      send(server, got.from(), answer(got.query(), id, "192.0.2.1").toWire());

      assertThat(addressIn(late.get(5, TimeUnit.SECONDS))).isEqualTo("192.0.2.1");
      awaitNoneInFlight(kind, transport);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  @DisplayName("The late reply fails once the listening window has passed, and the socket is closed")
  void lateReply_failsOnceTheWindowPasses(Kind kind) throws Exception {
    try (Transport transport = kind.listening().apply(TimeUnit.MILLISECONDS.toNanos(300));
        DatagramSocket server = udpServer()) {
      CompletableFuture<Message> reply = transport.exchange(addressOf(server), query("www.example.test."), WAIT);
      receive(server);
      CompletableFuture<Message> late = lateReplyOf(reply);

      assertThat(catchThrowable(() -> late.get(5, TimeUnit.SECONDS))).hasCauseInstanceOf(TimeoutException.class);
      awaitNoneInFlight(kind, transport);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  @DisplayName("A late reply the resolver no longer waits for, cancelled, closes its socket at once")
  void lateReplyCancelled_closesTheSocket(Kind kind) throws Exception {
    try (Transport transport = kind.listening().apply(LISTEN_NANOS); DatagramSocket server = udpServer()) {
      CompletableFuture<Message> reply = transport.exchange(addressOf(server), query("www.example.test."), WAIT);
      receive(server);
      CompletableFuture<Message> late = lateReplyOf(reply);
      assertThat(kind.inFlight().applyAsInt(transport)).as("still listening").isEqualTo(1);

      late.cancel(false);

      awaitNoneInFlight(kind, transport);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  @DisplayName("A transport with no listening window fails a timed-out exchange as before, its socket closed")
  void noWindow_plainTimeout(Kind kind) throws Exception {
    try (Transport transport = kind.listening().apply(0); DatagramSocket server = udpServer()) {
      CompletableFuture<Message> reply = transport.exchange(addressOf(server), query("www.example.test."), WAIT);
      receive(server);

      Throwable failure = catchThrowable(() -> reply.get(5, TimeUnit.SECONDS));

      assertThat(failure).hasCauseInstanceOf(TimeoutException.class);
      assertThat(failure.getCause()).isNotInstanceOf(StillListening.class);
      awaitNoneInFlight(kind, transport);
    }
  }

  /** The late reply's future of an exchange that timed out while its socket listens on. */
  private static CompletableFuture<Message> lateReplyOf(CompletableFuture<Message> reply) {
    Throwable failure = catchThrowable(() -> reply.get(5, TimeUnit.SECONDS));
    assertThat(failure).hasCauseInstanceOf(StillListening.class);
    return ((StillListening) failure.getCause()).lateReply();
  }

  private static void awaitNoneInFlight(Kind kind, Transport transport) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (kind.inFlight().applyAsInt(transport) != 0 && System.nanoTime() - until < 0) {
      Thread.sleep(10);
    }
    assertThat(kind.inFlight().applyAsInt(transport)).as("sockets left open").isZero();
  }
}
