package org.dnschase.resolver.internal.transport.loops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.socket.SocketProtocolFamily;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Many datagrams read or sent in one go, on a socket of either kind (recvmmsg and sendmmsg, RFC-less: Linux's). */
class DatagramBatchTest {

  /** The largest UDP payload over IPv4: 65,535 less the IP and UDP headers. */
  private static final int IPV4_UDP_MAX = 65_507;

  private static LoopDatagram bound(LoopKind kind) throws IOException {
    assumeTrue(kind != LoopKind.EPOLL || Epoll.isAvailable(), "no epoll here");
    LoopDatagram socket = kind.openDatagram(StandardProtocolFamily.INET);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), false);
    return socket;
  }

  private static void send(DatagramSocket from, InetSocketAddress to, String text) throws IOException {
    byte[] octets = text.getBytes(StandardCharsets.US_ASCII);
    from.send(new DatagramPacket(octets, octets.length, to));
  }

  /** Datagram {@code i} of {@code batch} as the text it was sent as. */
  private static String text(DatagramBatch batch, int i) {
    return new String(batch.octets(i), StandardCharsets.US_ASCII);
  }

  private static String received(DatagramSocket at) throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[512], 512);
    at.receive(packet);
    return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
  }

  @ParameterizedTest
  @EnumSource(LoopKind.class)
  @DisplayName("the datagrams waiting are read in their order of arrival, each with its own length and sender")
  void waiting_readInOrderWithSenders(LoopKind kind) throws IOException {
    LoopDatagram socket = bound(kind);
    try (DatagramSocket alice = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        DatagramSocket bob = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      InetSocketAddress server = socket.localAddress();
      send(alice, server, "a1");
      send(bob, server, "b-one");
      send(alice, server, "a-two");
      send(bob, server, "b3");
      DatagramBatch batch = new DatagramBatch(8, 512);

      assertThat(socket.receive(batch)).isEqualTo(4);

      List<String> texts = new ArrayList<>();
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        texts.add(text(batch, i));
        ports.add(batch.peer(i).getPort());
      }
      assertThat(texts).containsExactly("a1", "b-one", "a-two", "b3");
      assertThat(ports).containsExactly(alice.getLocalPort(), bob.getLocalPort(), alice.getLocalPort(),
          bob.getLocalPort());
      assertThat(socket.receive(batch)).as("nothing waits any more").isZero();
      assertThat(batch.size()).isZero();
    } finally {
      socket.close();
    }
  }

  @ParameterizedTest
  @EnumSource(LoopKind.class)
  @DisplayName("a batch reads no more than it holds; the rest wait for the next read")
  void moreThanHeld_restWait(LoopKind kind) throws IOException {
    LoopDatagram socket = bound(kind);
    try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      for (int i = 1; i <= 5; i++) {
        send(client, socket.localAddress(), "q" + i);
      }
      DatagramBatch batch = new DatagramBatch(3, 64);

      assertThat(socket.receive(batch)).isEqualTo(3);
      assertThat(text(batch, 2)).isEqualTo("q3");
      assertThat(socket.receive(batch)).isEqualTo(2);
      assertThat(text(batch, 0)).isEqualTo("q4");
    } finally {
      socket.close();
    }
  }

  @Test
  @DisplayName("on epoll, after a lone datagram's read, a burst is read in calls growing back to the batch, none lost")
  void afterALoneDatagram_burstReadInGrowingCalls() throws IOException {
    LoopDatagram socket = bound(LoopKind.EPOLL);
    assumeTrue(MultipleMessages.BOUND != null, "Netty's recvmmsg out of reach");
    try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      DatagramBatch batch = new DatagramBatch(16, 64);
      send(client, socket.localAddress(), "alone");
      assertThat(socket.receive(batch)).isEqualTo(1);
      for (int i = 1; i <= 9; i++) {
        send(client, socket.localAddress(), "q" + i);
      }

      List<Integer> reads = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int read; (read = socket.receive(batch)) > 0; ) {
        reads.add(read);
        for (int i = 0; i < read; i++) {
          texts.add(text(batch, i));
        }
      }

      assertThat(reads).as("datagrams per call").containsExactly(MultipleMessages.FEWEST_SLOTS, 4, 3);
      assertThat(texts).containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9");
    } finally {
      socket.close();
    }
  }

  @ParameterizedTest
  @EnumSource(LoopKind.class)
  @DisplayName("a datagram longer than a slot is read cut to the slot")
  void longerThanSlot_cut(LoopKind kind) throws IOException {
    LoopDatagram socket = bound(kind);
    try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      send(client, socket.localAddress(), "0123456789");
      DatagramBatch batch = new DatagramBatch(2, 4);

      assertThat(socket.receive(batch)).isEqualTo(1);
      assertThat(text(batch, 0)).isEqualTo("0123");
    } finally {
      socket.close();
    }
  }

  @ParameterizedTest
  @EnumSource(LoopKind.class)
  @DisplayName("the datagrams of a batch are sent from the one asked for on, in order, each to its own peer")
  void sent_fromFirstInOrder(LoopKind kind) throws IOException {
    LoopDatagram socket = bound(kind);
    try (DatagramSocket alice = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        DatagramSocket bob = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      alice.setSoTimeout(5_000);
      bob.setSoTimeout(5_000);
      DatagramBatch batch = new DatagramBatch(4, 64);
      InetSocketAddress toAlice = (InetSocketAddress) alice.getLocalSocketAddress();
      InetSocketAddress toBob = (InetSocketAddress) bob.getLocalSocketAddress();
      assertThat(batch.add("not again".getBytes(StandardCharsets.US_ASCII), toAlice)).isTrue();
      assertThat(batch.add("a1".getBytes(StandardCharsets.US_ASCII), toAlice)).isTrue();
      assertThat(batch.add("b1".getBytes(StandardCharsets.US_ASCII), toBob)).isTrue();
      assertThat(batch.add("a2".getBytes(StandardCharsets.US_ASCII), toAlice)).isTrue();
      assertThat(batch.add("full".getBytes(StandardCharsets.US_ASCII), toBob)).as("the batch is full").isFalse();

      assertThat(socket.send(batch, 1)).isEqualTo(3);

      assertThat(received(alice)).isEqualTo("a1");
      assertThat(received(alice)).isEqualTo("a2");
      assertThat(received(bob)).isEqualTo("b1");
    } finally {
      socket.close();
    }
  }

  @ParameterizedTest
  @EnumSource(LoopKind.class)
  @DisplayName("a datagram the system refuses fails alone: those before it leave, it fails on the next call, those after it leave on the one after")
  void refusedDatagram_failsAlone(LoopKind kind) throws IOException {
    LoopDatagram socket = bound(kind);
    try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      client.setSoTimeout(5_000);
      InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
      DatagramBatch batch = new DatagramBatch(3, IPV4_UDP_MAX + 1);
      batch.add("before".getBytes(StandardCharsets.US_ASCII), to);
      batch.add(new byte[IPV4_UDP_MAX + 1], to); // longer than UDP over IPv4 carries: EMSGSIZE
      batch.add("after".getBytes(StandardCharsets.US_ASCII), to);

      assertThat(socket.send(batch, 0)).isEqualTo(1);
      assertThatThrownBy(() -> socket.send(batch, 1)).isInstanceOf(IOException.class);
      assertThat(socket.send(batch, 2)).isEqualTo(1);

      assertThat(received(client)).isEqualTo("before");
      assertThat(received(client)).isEqualTo("after");
    } finally {
      socket.close();
    }
  }

  @Test
  @DisplayName("on epoll, a lone datagram leaves in one sendto, a batch of several in one sendmmsg, each arriving whole")
  void epoll_loneDatagramPlainCall() throws IOException {
    assumeTrue(Epoll.isAvailable(), "no epoll here");
    EpollDatagram socket = (EpollDatagram) bound(LoopKind.EPOLL);
    try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      client.setSoTimeout(5_000);
      LinuxSocket linux = (LinuxSocket) socket.fd();
      MultipleMessages netty = MultipleMessages.forSocket(linux);
      assumeTrue(netty != null, "Netty's sendmmsg is out of reach");
      int[] batchCalls = {0};
      socket.batchCalls(new BatchCalls() {
        @Override
        public int receive(DatagramBatch batch) throws IOException {
          return netty.receive(batch);
        }

        @Override
        public int send(DatagramBatch batch, int first) throws IOException {
          batchCalls[0]++;
          return netty.send(batch, first);
        }

        @Override
        public void release() {
          netty.release();
        }
      });
      InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
      DatagramBatch batch = new DatagramBatch(4, 512);
      String lone = "a lone answer, " + "x".repeat(200);
      batch.add(lone.getBytes(StandardCharsets.US_ASCII), to);

      assertThat(socket.send(batch, 0)).isEqualTo(1);
      assertThat(received(client)).isEqualTo(lone);
      assertThat(batchCalls[0]).as("sendmmsg calls for a lone datagram").isZero();

      batch.clear();
      batch.add("first of two".getBytes(StandardCharsets.US_ASCII), to);
      batch.add("second of two".getBytes(StandardCharsets.US_ASCII), to);
      assertThat(socket.send(batch, 0)).isEqualTo(2);
      assertThat(received(client)).isEqualTo("first of two");
      assertThat(received(client)).isEqualTo("second of two");
      assertThat(batchCalls[0]).as("sendmmsg calls for a batch of two").isEqualTo(1);
    } finally {
      socket.close();
    }
  }

  @Test
  @DisplayName("on epoll, a batch takes one system call: Netty's recvmmsg and sendmmsg are within reach of a socket")
  void epoll_oneCallPerBatch() {
    assumeTrue(Epoll.isAvailable(), "no epoll here");
    LinuxSocket socket = LinuxSocket.newSocketDgram(SocketProtocolFamily.INET);
    try {
      MultipleMessages calls = MultipleMessages.forSocket(socket);

      assertThat(calls).isNotNull();
      calls.release();
    } finally {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a socket never used
      }
    }
  }
}
