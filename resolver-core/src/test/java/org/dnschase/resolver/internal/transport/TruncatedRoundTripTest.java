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

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.dnschase.resolver.internal.transport.FakeServers.Received;
import org.dnschase.resolver.spi.Transport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/**
 * A reply asked again over TCP after a truncated one reports how long its UDP leg took: server
 * selection learns the server's UDP round trip from it, as Unbound's does, not the TCP connection's
 * set-up and query on top. On Netty, and on the plain sockets of a resolver's first queries.
 */
class TruncatedRoundTripTest {

  private static final Duration LONG = Duration.ofSeconds(5);
  /** How long the server takes over TCP: far longer than its UDP round trip on loopback. */
  private static final Duration TCP_DELAY = Duration.ofMillis(400);

  static Stream<Arguments> transports() {
    return Stream.of(
        Arguments.of("Netty", (Supplier<Transport>) () -> new NettyTransport(1)),
        Arguments.of("plain sockets", (Supplier<Transport>) () -> new DefaultTransport(1, false,
            ResolverMetrics.disabled(), NettyTransport.CAPPED, Duration.ZERO)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  @DisplayName("RFC 7766 §5: a reply over TCP after a truncated one reports the UDP leg's time, not the TCP leg's")
  void truncatedOverUdp_reportsTheUdpLeg(String which, Supplier<Transport> transports) throws Exception {
    try (Transport transport = transports.get(); ServerSocket tcp = new ServerSocket();
        DatagramSocket udp = udpOnSamePortAs(tcp)) {
      long startNanos = System.nanoTime();
      CompletableFuture<Message> reply = transport.exchange(addressOf(udp), query("big.example.test."), LONG);
      Received got = receive(udp);
      send(udp, got.from(), truncated(got.query(), Rcode.NOERROR).toWire());
      long truncatedNanos = System.nanoTime() - startNanos;

      answerOverTcp(tcp, asked -> {
        pause(TCP_DELAY);
        return answer(asked, asked.getHeader().getID(), "192.0.2.1").toWire();
      });

      assertThat(addressIn(reply.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
      long wholeNanos = System.nanoTime() - startNanos;
      assertThat(wholeNanos).isGreaterThan(TCP_DELAY.toNanos());
      assertThat(ReplyFuture.udpLegNanos(reply)).as("the UDP leg, up to the truncated reply's reading")
          .isGreaterThanOrEqualTo(truncatedNanos / 2).isLessThan(wholeNanos - TCP_DELAY.toNanos());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  @DisplayName("a reply over UDP reports no truncated leg: its round trip is the resolver's own measure")
  void wholeOverUdp_reportsNoLeg(String which, Supplier<Transport> transports) throws Exception {
    try (Transport transport = transports.get(); DatagramSocket udp = FakeServers.udpServer()) {
      CompletableFuture<Message> reply = transport.exchange(addressOf(udp), query("www.example.test."), LONG);
      Received got = receive(udp);
      send(udp, got.from(), answerTo(got, "192.0.2.1"));

      assertThat(addressIn(reply.get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
      assertThat(ReplyFuture.udpLegNanos(reply)).isEqualTo(ReplyFuture.NOT_TRUNCATED);
    }
  }

  private static void pause(Duration time) throws IOException {
    try {
      Thread.sleep(time);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
