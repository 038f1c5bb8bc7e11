package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * An answer that came after its question, from a resolution that went upstream, leaves first: what
 * it does for the questions after it, its octets kept for the next identical question, comes once
 * it was handed to its socket, over UDP and over TCP.
 */
class AfterTheAnswerTest {

  private static final Name WWW = Name.fromConstantString("www.example.");
  private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 53000);

  private final Resolution outcome = new Resolution.Answer(WWW, Type.A,
      new RRset(new ARecord(WWW, DClass.IN, 300, new byte[] {(byte) 192, 0, 2, 1})), List.of(),
      Duration.ofSeconds(300), List.of(), List.of(), 0, Security.INDETERMINATE, List.of(), false);
  private final FixedOutcomes resolver = new FixedOutcomes().with(outcome).later();
  private final EncodedAnswers encoded = new EncodedAnswers();
  private final QueryHandler queries = new QueryHandler(resolver, AllowList.of(AllowList.LOOPBACK), null, 100,
      encoded);

  private static byte[] query(int id) {
    Message query = Message.newQuery(Record.newRecord(WWW, Type.A, DClass.IN));
    query.getHeader().setID(id);
    return query.toWire();
  }

  /** The octets kept for the outcome's answer to {@code query} (without EDNS) in {@code room}, or null. */
  private byte[] keptFor(byte[] query, int room) throws Exception {
    return encoded.kept(outcome, EncodedAnswers.shape(new Message(query).getHeader(), null, room), query);
  }

  /** The octets kept for {@code query} in {@code room}, once they are: null when not within ten seconds. */
  private byte[] keptSoonFor(byte[] query, int room) throws Exception {
    for (long end = System.nanoTime() + Duration.ofSeconds(10).toNanos(); System.nanoTime() < end; Thread.sleep(5)) {
      byte[] kept = keptFor(query, room);
      if (kept != null) {
        return kept;
      }
    }
    return null;
  }

  /** Listens on the loopback address, UDP and TCP on one event loop. */
  private InetSocketAddress listen(Listeners listeners) {
    InFlight inFlight = new InFlight();
    return listeners.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), queries, inFlight,
        new ChannelInboundHandlerAdapter(), () -> new TcpHandler(queries, inFlight, Duration.ofSeconds(10)),
        Duration.ofSeconds(10));
  }

  /** Ends the resolutions held on the loop that serves the sockets, as a reply read there ends them. */
  private void releaseOnTheLoop(Listeners listeners) throws Exception {
    for (long end = System.nanoTime() + Duration.ofSeconds(10).toNanos(); resolver.waiting() == 0; Thread.sleep(5)) {
      assertThat(System.nanoTime()).as("the question reached the resolver").isLessThan(end);
    }
    listeners.udpSockets().get(0).loop().execute(resolver::release);
  }

  @Test
  @DisplayName("the answer is handed over while nothing is kept for it yet; its octets are kept right after")
  void answerHandedOver_thenKept() throws Exception {
    byte[] query = query(1);
    QueryHandler.Reply reply = queries.handle(query, CLIENT, false);
    AtomicReference<byte[]> sent = new AtomicReference<>();
    AtomicReference<byte[]> keptWhenSent = new AtomicReference<>(new byte[0]);

    CompletableFuture<Void> handedOver = reply.send(answer -> {
      sent.set(answer);
      try {
        keptWhenSent.set(keptFor(query, 512));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    resolver.release();

    assertThat(handedOver).isCompleted();
    assertThat(keptWhenSent.get()).as("octets kept when the answer was handed over").isNull();
    assertThat(keptFor(query, 512)).as("octets kept after").isEqualTo(sent.get());
  }

  @Test
  @DisplayName("over UDP, the octets of an answer that came later are kept once it was sent")
  void overUdp_keptAfterTheSend() throws Exception {
    Listeners listeners = new Listeners(1);
    try (DatagramSocket client = new DatagramSocket()) {
      client.setSoTimeout(10_000);
      InetSocketAddress bound = listen(listeners);
      byte[] query = query(2);
      client.send(new DatagramPacket(query, query.length, bound));
      releaseOnTheLoop(listeners);
      DatagramPacket answer = new DatagramPacket(new byte[512], 512);
      client.receive(answer);

      assertThat(keptSoonFor(query, 512)).isEqualTo(Arrays.copyOf(answer.getData(), answer.getLength()));
    } finally {
      listeners.close();
    }
  }

  @Test
  @DisplayName("over TCP, the octets of an answer that came later are kept once it was written")
  void overTcp_keptAfterTheWrite() throws Exception {
    Listeners listeners = new Listeners(1);
    try {
      InetSocketAddress bound = listen(listeners);
      try (Socket client = new Socket(bound.getAddress(), bound.getPort())) {
        client.setSoTimeout(10_000);
        byte[] query = query(3);
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        out.writeShort(query.length);
        out.write(query);
        out.flush();
        releaseOnTheLoop(listeners);
        DataInputStream in = new DataInputStream(client.getInputStream());
        byte[] answer = new byte[in.readUnsignedShort()];
        in.readFully(answer);

        // fitted into TCP's room, a shape of its own
        assertThat(keptSoonFor(query, ResponseFitter.TCP_PAYLOAD)).isEqualTo(answer);
      }
    } finally {
      listeners.close();
    }
  }
}
