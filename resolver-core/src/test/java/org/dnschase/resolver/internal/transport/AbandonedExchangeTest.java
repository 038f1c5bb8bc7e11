package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.transport.FakeServers.addressOf;
import static org.dnschase.resolver.internal.transport.FakeServers.query;

import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;

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

  /** Polls the transport's loops until none has an exchange in flight; fails after 5 s. */
  private static void awaitNothingInFlight(NettyTransport transport) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      if (transport.inFlight().stream().allMatch(count -> count == 0)) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("still in flight 5 s after the cancellation: " + transport.inFlight());
  }
}
