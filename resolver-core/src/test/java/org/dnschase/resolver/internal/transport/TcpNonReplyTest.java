package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.internal.transport.FakeServers.LOOPBACK;
import static org.dnschase.resolver.internal.transport.FakeServers.SERVER_WAIT_MS;
import static org.dnschase.resolver.internal.transport.FakeServers.answer;
import static org.dnschase.resolver.internal.transport.FakeServers.query;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;

/**
 * A TCP server that holds its connection open and never sends the reply (RFC 7766): a query goes
 * over TCP on a connection of its own, so the server can stall it only for the exchange's
 * timeout, however it spends it.
 */
class TcpNonReplyTest {

  /** Far longer than the test waits: an exchange that ends must end for another reason than its timeout. */
  private static final Duration PATIENT = Duration.ofSeconds(60);

  private final NettyTransport transport = new NettyTransport(1);

  @AfterEach
  void closeTransport() {
    transport.close();
  }

  @Test
  @DisplayName("RFC 7766 §7, RFC 5452 §9.1: a message over TCP that is not the reply (another ID) fails the "
      + "exchange at once, naming the server, though the connection stays open")
  void anotherIdOverTcp_failsAtOnce() throws Exception {
    try (ServerSocket tcp = new ServerSocket(0, 50, LOOPBACK)) {
      InetSocketAddress server = new InetSocketAddress(LOOPBACK, tcp.getLocalPort());
      CompletableFuture<Message> result = transport.exchangeOverTcp(server, query("www.example.test."), PATIENT);
      try (Socket connection = accept(tcp)) {
        Message asked = readQuery(connection);
        writeFrame(connection.getOutputStream(), answer(asked, asked.getHeader().getID() ^ 0x5a5a, "192.0.2.66").toWire());

        assertThatThrownBy(() -> result.get(SERVER_WAIT_MS, TimeUnit.MILLISECONDS))
            .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class)
            .hasMessageContaining(server.toString()).hasMessageContaining("not the reply");
      }
    }
  }

  @Test
  @DisplayName("RFC 7766 §6.2.3: a reply trickled an octet at a time ends the exchange at its timeout, "
      + "however often an octet comes")
  void replyTrickled_endsAtTheTimeout() throws Exception {
    Duration timeout = Duration.ofMillis(600);
    try (ServerSocket tcp = new ServerSocket(0, 50, LOOPBACK)) {
      InetSocketAddress server = new InetSocketAddress(LOOPBACK, tcp.getLocalPort());
      long start = System.nanoTime();
      CompletableFuture<Message> result = transport.exchangeOverTcp(server, query("www.example.test."), timeout);
      try (Socket connection = accept(tcp)) {
        Message asked = readQuery(connection);
        byte[] reply = answer(asked, asked.getHeader().getID(), "192.0.2.1").toWire();
        trickle(connection.getOutputStream(), reply, result);

        assertThatThrownBy(() -> result.get(SERVER_WAIT_MS, TimeUnit.MILLISECONDS))
            .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusSeconds(2));
      }
    }
  }

  /** The length prefix, then one octet of {@code reply} every 50 ms, all but the last, until the exchange ends. */
  private static void trickle(OutputStream out, byte[] reply, CompletableFuture<Message> exchange)
      throws InterruptedException {
    try {
      out.write(new byte[] {(byte) (reply.length >> 8), (byte) reply.length});
      for (int i = 0; i < reply.length - 1 && !exchange.isDone(); i++) {
        out.write(reply[i]);
        out.flush();
        Thread.sleep(50);
      }
    } catch (IOException closedByTheResolver) {
      // the exchange ended and closed its connection
    }
  }

  private static Socket accept(ServerSocket tcp) throws IOException {
    tcp.setSoTimeout(SERVER_WAIT_MS);
    Socket connection = tcp.accept();
    connection.setSoTimeout(SERVER_WAIT_MS);
    return connection;
  }

  private static Message readQuery(Socket connection) throws IOException {
    DataInputStream in = new DataInputStream(connection.getInputStream());
    byte[] wire = new byte[in.readUnsignedShort()];
    in.readFully(wire);
    return new Message(wire);
  }

  private static void writeFrame(OutputStream out, byte[] message) throws IOException {
    DataOutputStream framed = new DataOutputStream(out);
    framed.writeShort(message.length);
    framed.write(message);
    framed.flush();
  }
}
