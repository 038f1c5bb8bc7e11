package org.dnschase.resolver.internal.transport.loops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An epoll socket whose batch call ({@code recvmmsg}, {@code sendmmsg}) fails where one call per
 * datagram does not: the datagrams go one call each from then on, instead of the fault at each
 * wake-up.
 */
class BatchCallFaultTest {

  /** Batch calls that fail, as a system whose filter refuses them would, or a Netty whose internals changed. */
  private static final class Failing implements BatchCalls {
    private final RuntimeException orUnchecked;
    int calls;
    boolean released;

    Failing(RuntimeException orUnchecked) {
      this.orUnchecked = orUnchecked;
    }

    @Override
    public int receive(DatagramBatch batch) throws IOException {
      return fail();
    }

    @Override
    public int send(DatagramBatch batch, int first) throws IOException {
      return fail();
    }

    private int fail() throws IOException {
      calls++;
      if (orUnchecked != null) {
        throw orUnchecked;
      }
      throw new IOException("the batch call failed: Function not implemented");
    }

    @Override
    public void release() {
      released = true;
    }
  }

  private EpollDatagram socket;
  private DatagramSocket client;

  @BeforeEach
  void open() throws IOException {
    assumeTrue(Epoll.isAvailable(), "no epoll here");
    socket = (EpollDatagram) LoopKind.EPOLL.openDatagram(StandardProtocolFamily.INET);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), false);
    client = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    client.setSoTimeout(5_000);
  }

  @AfterEach
  void close() {
    if (socket != null) {
      socket.close();
      client.close();
    }
  }

  @Test
  @DisplayName("a recvmmsg that fails: the datagrams waiting are read one call each, now and at every read after")
  void receiveFails_oneCallPerDatagram() throws IOException {
    Failing batches = new Failing(null);
    socket.batchCalls(batches);
    DatagramBatch batch = new DatagramBatch(8, 64);
    send("q1");
    send("q2");

    assertThat(socket.receive(batch)).isEqualTo(2);
    assertThat(text(batch, 1)).isEqualTo("q2");
    send("q3");
    assertThat(socket.receive(batch)).isEqualTo(1);
    assertThat(text(batch, 0)).isEqualTo("q3");
    assertThat(batches.calls).as("batch calls tried").isEqualTo(1);
    assertThat(batches.released).isTrue();
  }

  @Test
  @DisplayName("a sendmmsg that fails unchecked (Netty's internals changed): the datagrams go one call each, "
      + "now and at every send after")
  void sendFails_oneCallPerDatagram() throws IOException {
    Failing batches = new Failing(new IllegalStateException("no such field: count"));
    socket.batchCalls(batches);
    DatagramBatch batch = new DatagramBatch(8, 64);
    add(batch, "a1", to(client));
    add(batch, "a2", to(client));

    assertThat(socket.send(batch, 0)).isEqualTo(2);
    assertThat(socket.send(batch, 1)).isEqualTo(1);

    assertThat(received()).isEqualTo("a1");
    assertThat(received()).isEqualTo("a2");
    assertThat(received()).isEqualTo("a2");
    assertThat(batches.calls).as("batch calls tried").isEqualTo(1);
  }

  @Test
  @DisplayName("a batch call that fails where one call per datagram fails too is the datagram's fault: it is "
      + "told, and the batch call is tried again next time")
  void bothFail_faultToldBatchKept() throws IOException {
    Failing batches = new Failing(null);
    socket.batchCalls(batches);
    DatagramBatch batch = new DatagramBatch(8, 64);
    add(batch, "nowhere", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)); // port 0: EINVAL
    add(batch, "b0", to(client));

    assertThatThrownBy(() -> socket.send(batch, 0)).isInstanceOf(IOException.class)
        .hasMessageNotContaining("Function not implemented");
    assertThat(batches.released).isFalse();
    batch.clear();
    add(batch, "b1", to(client));
    add(batch, "b2", to(client));
    assertThat(socket.send(batch, 0)).isEqualTo(2);
    assertThat(received()).isEqualTo("b1");
    assertThat(received()).isEqualTo("b2");
    assertThat(batches.calls).as("batch calls tried").isEqualTo(2);
  }

  private void send(String text) throws IOException {
    byte[] octets = text.getBytes(StandardCharsets.US_ASCII);
    client.send(new DatagramPacket(octets, octets.length, socket.localAddress()));
  }

  private String received() throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[512], 512);
    client.receive(packet);
    return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
  }

  private static InetSocketAddress to(DatagramSocket at) {
    return (InetSocketAddress) at.getLocalSocketAddress();
  }

  private static void add(DatagramBatch batch, String text, InetSocketAddress to) {
    assertThat(batch.add(text.getBytes(StandardCharsets.US_ASCII), to)).isTrue();
  }

  private static String text(DatagramBatch batch, int i) {
    return new String(batch.octets(i), StandardCharsets.US_ASCII);
  }
}
