package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.internal.transport.loops.LoopKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The sockets a server opens for each address. */
class ListenersTest {

  private static final Name WWW = Name.fromConstantString("www.example.");
  private static final Name FAULTY = Name.fromConstantString("faulty.example.");

  @Sharable
  private static final class Nothing extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      io.netty.util.ReferenceCountUtil.release(msg);
    }
  }

  private final QueryHandler queries = new QueryHandler(new FixedOutcomes().with(new Resolution.Answer(WWW, Type.A,
      new RRset(new ARecord(WWW, DClass.IN, 300, new byte[] {(byte) 192, 0, 2, 1})), List.of(),
      Duration.ofSeconds(300), List.of(), List.of(), 0, Security.INDETERMINATE, List.of(), false))
      .failing(FAULTY),
      AllowList.of(AllowList.LOOPBACK), null, 100);

  /** One event loop, of the kind the server runs on here. */
  final Listeners newListeners() {
    return newListeners(1);
  }

  /** {@code threads} event loops, of the kind the server runs on here. */
  final Listeners newListeners(int threads) {
    return newListeners(threads, EphemeralPorts.SYSTEM::portOutside);
  }

  /** {@code threads} event loops that try {@code ports} when asked for port 0. */
  Listeners newListeners(int threads, IntSupplier ports) {
    return new Listeners(threads, LoopKind.CHOSEN, ports);
  }

  private InetSocketAddress listen(Listeners listeners) {
    return listeners.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), queries, new InFlight(),
        new Nothing(), Nothing::new, Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("datagrams waiting when the event loop wakes are read and answered in that one wake-up")
  void waitingDatagrams_readInOneWakeUp() throws Exception {
    Listeners listeners = newListeners();
    try (DatagramSocket client = new DatagramSocket()) {
      client.setSoTimeout(10_000);
      InetSocketAddress bound = listen(listeners);
      UdpListener socket = listeners.udpSockets().get(0);
      long before = socket.loop().submit(socket::readWakeUps).get(10, TimeUnit.SECONDS);
      withLoopBusy(socket, () -> { // the datagrams arrive while the loop is busy
        for (int id = 1; id <= 20; id++) {
          ask(client, bound, WWW, id);
        }
      });
      for (int i = 0; i < 20; i++) {
        DatagramPacket answer = new DatagramPacket(new byte[512], 512);
        client.receive(answer);
        assertThat(new Message(answer.getData()).getRcode()).isEqualTo(Rcode.NOERROR);
      }

      assertThat(socket.loop().submit(socket::readWakeUps).get(10, TimeUnit.SECONDS) - before).isEqualTo(1);
    } finally {
      listeners.close();
    }
  }

  @Test
  @DisplayName("the requests read together are each answered, to its own client, with its own ID, in the order asked")
  void readTogether_eachAnsweredToItsClient() throws Exception {
    Listeners listeners = newListeners();
    try (DatagramSocket alice = new DatagramSocket(); DatagramSocket bob = new DatagramSocket()) {
      alice.setSoTimeout(10_000);
      bob.setSoTimeout(10_000);
      InetSocketAddress bound = listen(listeners);

      withLoopBusy(listeners.udpSockets().get(0), () -> {
        for (int id = 1; id <= 5; id++) {
          ask(alice, bound, WWW, id);
          ask(bob, bound, WWW, 100 + id);
        }
      });

      assertThat(answerIds(alice, 5)).containsExactly(1, 2, 3, 4, 5);
      assertThat(answerIds(bob, 5)).containsExactly(101, 102, 103, 104, 105);
    } finally {
      listeners.close();
    }
  }

  @Test
  @DisplayName("an empty answer, were one made, is dropped when queued, not met at each flush: the answers after it go")
  void emptyAnswer_droppedOthersGo() throws Exception {
    Listeners listeners = newListeners();
    try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      client.setSoTimeout(5_000);
      listen(listeners);
      UdpListener socket = listeners.udpSockets().get(0);
      InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
      byte[] answer = query(WWW, 9).toWire();

      socket.loop().submit(() -> socket.sendNow(new byte[0], to)).await(10, TimeUnit.SECONDS);
      socket.loop().submit(() -> socket.sendNow(answer, to)).await(10, TimeUnit.SECONDS);

      assertThat(answerIds(client, 1)).containsExactly(9);
    } finally {
      listeners.close();
    }
  }

  @Test
  @DisplayName("RFC 8914: a request longer than the largest read over UDP (4 KiB) arrives cut, and is FORMERR with an Extended DNS Error saying why")
  void requestLongerThanRead_formErr() throws Exception {
    Listeners listeners = newListeners();
    try (DatagramSocket client = new DatagramSocket()) {
      client.setSoTimeout(5_000);
      InetSocketAddress bound = listen(listeners);
      Message query = query(WWW, 12);
      // RFC 7830 padding (option 12) past the read's end
      query.addRecord(new OPTRecord(1232, 0, 0, 0,
          List.of(new GenericEDNSOption(12, new byte[Listeners.MAX_REQUEST]))), Section.ADDITIONAL);
      byte[] wire = query.toWire();
      client.send(new DatagramPacket(wire, wire.length, bound));

      Message answer = answer(client);
      assertThat(answer.getHeader().getID()).isEqualTo(12);
      assertThat(answer.getRcode()).isEqualTo(Rcode.FORMERR);
      assertTooLongExplained(answer);
    } finally {
      listeners.close();
    }
  }

  @Test
  @DisplayName("RFC 8914: a request longer than 4 KiB over TCP is read to its end, and is FORMERR with an Extended DNS Error saying why")
  void requestLongerThanReadOverTcp_formErr() throws Exception {
    Listeners listeners = newListeners();
    InFlight inFlight = new InFlight();
    InetSocketAddress bound = listeners.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), queries,
        inFlight, new TcpConnectionLimit(4, queries.stats()), () -> new TcpHandler(queries, inFlight,
            Duration.ofSeconds(5)), Duration.ofSeconds(5));
    try (Socket client = new Socket(bound.getAddress(), bound.getPort())) {
      client.setSoTimeout(5_000);
      Message query = query(WWW, 13);
      query.addRecord(new OPTRecord(1232, 0, 0, 0,
          List.of(new GenericEDNSOption(12, new byte[Listeners.MAX_REQUEST]))), Section.ADDITIONAL);
      byte[] wire = query.toWire();
      DataOutputStream out = new DataOutputStream(client.getOutputStream());
      out.writeShort(wire.length);
      out.write(wire);
      out.flush();

      DataInputStream in = new DataInputStream(client.getInputStream());
      byte[] answer = new byte[in.readUnsignedShort()];
      in.readFully(answer);
      Message message = new Message(answer);
      assertThat(message.getHeader().getID()).isEqualTo(13);
      assertThat(message.getRcode()).isEqualTo(Rcode.FORMERR);
      assertTooLongExplained(message);
    } finally {
      listeners.close();
    }
  }

  /** The IDs of the next {@code count} answers {@code client} receives, with rcode NOERROR. */
  private static List<Integer> answerIds(DatagramSocket client, int count) throws Exception {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Message message = answer(client);
      assertThat(message.getRcode()).isEqualTo(Rcode.NOERROR);
      ids.add(message.getHeader().getID());
    }
    return ids;
  }

  /** The answer carries EDE 0 (Other) saying the request was longer than the server reads. */
  private static void assertTooLongExplained(Message answer) {
    assertThat(answer.getOPT()).as("the query's OPT record is answered with one").isNotNull();
    assertThat(answer.getOPT().getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR)).singleElement()
        .isInstanceOfSatisfying(ExtendedErrorCodeOption.class, ede -> {
          assertThat(ede.getErrorCode()).isEqualTo(ExtendedErrorCodeOption.OTHER);
          assertThat(ede.getText()).contains("longer than 4096 octets");
        });
  }

  /** The next answer {@code client} receives. */
  private static Message answer(DatagramSocket client) throws Exception {
    DatagramPacket answer = new DatagramPacket(new byte[512], 512);
    client.receive(answer);
    return new Message(answer.getData());
  }

  /** Sends a query for {@code name} with {@code id}. */
  private static void ask(DatagramSocket client, InetSocketAddress server, Name name, int id) throws Exception {
    byte[] wire = query(name, id).toWire();
    client.send(new DatagramPacket(wire, wire.length, server));
  }

  private static Message query(Name name, int id) {
    Message query = Message.newQuery(Record.newRecord(name, Type.A, DClass.IN));
    query.getHeader().setID(id);
    return query;
  }

  /** Runs {@code whileBusy} while the socket's loop is kept busy, then lets the loop go on. */
  private static void withLoopBusy(UdpListener socket, ThrowingRunnable whileBusy) throws Exception {
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    socket.loop().execute(() -> {
      busy.countDown();
      try {
        goOn.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      whileBusy.run();
    } finally {
      goOn.countDown();
    }
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  @DisplayName("a request whose handling fails gets no answer; those read with it, before and after it, get theirs")
  void failingRequest_othersAnswered() throws Exception {
    Listeners listeners = newListeners();
    try (DatagramSocket client = new DatagramSocket()) {
      client.setSoTimeout(5_000);
      InetSocketAddress bound = listen(listeners);

      withLoopBusy(listeners.udpSockets().get(0), () -> {
        ask(client, bound, WWW, 1);
        ask(client, bound, FAULTY, 2);
        ask(client, bound, WWW, 3);
        ask(client, bound, FAULTY, 4); // the last of the read: nothing after it would flush the answers
      });
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        DatagramPacket answer = new DatagramPacket(new byte[512], 512);
        client.receive(answer);
        ids.add(new Message(answer.getData()).getHeader().getID());
      }

      assertThat(ids).containsExactlyInAnyOrder(1, 3);
    } finally {
      listeners.close();
    }
  }

  @Test
  @DisplayName("RFC 7766 §6.2.1.1: over TCP too, a request whose handling fails gets no answer; the requests "
      + "pipelined before and after it on its connection get theirs, and the connection stays open")
  void failingRequestOverTcp_othersAnswered() throws Exception {
    Listeners listeners = newListeners();
    InFlight inFlight = new InFlight();
    try {
      InetSocketAddress bound = listeners.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), queries,
          inFlight, new ChannelInboundHandlerAdapter(), () -> new TcpHandler(queries, inFlight, Duration.ofSeconds(10)),
          Duration.ofSeconds(10));
      try (Socket client = new Socket(bound.getAddress(), bound.getPort())) {
        client.setSoTimeout(5_000);
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        for (int id = 1; id <= 3; id++) {
          byte[] wire = query(id == 2 ? FAULTY : WWW, id).toWire();
          out.writeShort(wire.length);
          out.write(wire);
        }
        out.flush();
        DataInputStream in = new DataInputStream(client.getInputStream());
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          byte[] answer = new byte[in.readUnsignedShort()];
          in.readFully(answer);
          ids.add(new Message(answer).getHeader().getID());
        }

        assertThat(ids).containsExactly(1, 3);
      }
    } finally {
      listeners.close();
    }
  }

  @Test
  @DisplayName("with SO_REUSEPORT, one UDP socket per thread on each address, all on one port")
  void udpSocketPerThread() throws Exception {
    assumeTrue(Listeners.REUSE_PORT, "this system has no SO_REUSEPORT: one UDP socket per address");
    Listeners listeners = newListeners(3);
    try {
      InetSocketAddress bound = listen(listeners);

      assertThat(bound.getPort()).isPositive();
      assertThat(listeners.udpSockets()).hasSize(3);
      for (UdpListener socket : listeners.udpSockets()) {
        assertThat(socket.localAddress().getPort()).isEqualTo(bound.getPort());
      }
      assertThat(listeners.udpSockets().stream().map(UdpListener::loop).distinct()).hasSize(3);
    } finally {
      listeners.close();
    }
  }

  /* ---- a port no other socket shares ---- */

  @Test
  @DisplayName("a port whose UDP another socket holds, even one that lets others share it (SO_REUSEPORT), "
      + "is not shared: listening there fails, saying so")
  void portHeldOverUdp_notShared() throws Exception {
    try (DatagramChannel other = sharingUdpSocket(0)) {
      InetSocketAddress held = (InetSocketAddress) other.getLocalAddress();
      Listeners listeners = newListeners(2);
      try {
        assertThatThrownBy(() -> listeners.listen(held, queries, new InFlight(), new Nothing(), Nothing::new,
            Duration.ofSeconds(1)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(String.valueOf(held.getPort()))
            .hasMessageContaining("in use");
      } finally {
        listeners.close();
      }
    }
  }

  @Test
  @DisplayName("asked for port 0, a port whose UDP another socket holds (SO_REUSEPORT) is passed over for the next")
  void anyPort_heldOverUdp_passedOver() throws Exception {
    try (DatagramChannel other = sharingUdpSocket(0); DatagramSocket client = new DatagramSocket()) {
      client.setSoTimeout(10_000);
      int held = ((InetSocketAddress) other.getLocalAddress()).getPort();
      int[] ports = {held, 0}; // the held port, then the system's pick
      int[] tried = {0};
      Listeners listeners = newListeners(2, () -> ports[tried[0]++]);
      try {
        InetSocketAddress bound = listen(listeners);
        ask(client, bound, WWW, 7);

        assertThat(bound.getPort()).isNotEqualTo(held);
        assertThat(answerIds(client, 1)).containsExactly(7);
        other.configureBlocking(false);
        assertThat(other.receive(ByteBuffer.allocate(512))).as("a datagram at the other socket").isNull();
      } finally {
        listeners.close();
      }
    }
  }

  @Test
  @DisplayName("asked for port 0, the server takes a port outside the range the system gives a socket bound "
      + "without a port: no client socket bound so (dig's sets SO_REUSEPORT) is given the server's port")
  void anyPort_outsideTheEphemeralRange() {
    assumeTrue(EphemeralPorts.SYSTEM.known(), "this system does not say which ports it gives: the system's pick");
    Listeners listeners = newListeners(2);
    try {
      int port = listen(listeners).getPort();

      assertThat(EphemeralPorts.SYSTEM.contains(port)).as("port %d in the system's range", port).isFalse();
    } finally {
      listeners.close();
    }
  }

  /** A UDP socket of another program on loopback at {@code port}, with SO_REUSEPORT, as dig's. */
  private static DatagramChannel sharingUdpSocket(int port) throws Exception {
    assumeTrue(Listeners.REUSE_PORT, "this system has no SO_REUSEPORT");
    DatagramChannel socket = DatagramChannel.open();
    socket.setOption(StandardSocketOptions.SO_REUSEPORT, true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }
}
