package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.internal.transport.FakeServers.addressOf;
import static org.dnschase.resolver.internal.transport.FakeServers.answerOverTcp;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.internal.transport.FakeServers.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/** RFC 7766 §5: a reply still truncated over TCP fails the exchange, whatever it holds. */
class TcpTruncationTest {

  private static final Duration LONG = Duration.ofSeconds(5);

  private final NettyTransport transport = new NettyTransport(1);

  @AfterEach
  void closeTransport() {
    transport.close();
  }

  @ParameterizedTest(name = "TC=1 on an empty {0} reply over TCP fails the exchange with an IOException")
  @ValueSource(strings = {"NOERROR", "NXDOMAIN"})
  @DisplayName("RFC 7766 §5: TC=1 on the reply over TCP fails the exchange")
  void truncatedReplyOverTcp_failsTheExchange(String rcode) throws Exception {
    try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = udpOnSamePortAs(tcp)) {
      CompletableFuture<Message> result = transport.exchange(addressOf(udp), query("big.example.test."), LONG);
      Received got = receive(udp);
      send(udp, got.from(), truncated(got.query(), Rcode.NOERROR).toWire());

      answerOverTcp(tcp, asked -> truncated(asked, Rcode.value(rcode)).toWire());

      assertThatThrownBy(() -> result.get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class)
          .hasMessageContaining("TC=1");
    }
  }
}
