package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.transport.FakeServers.addressOf;
import static org.dnschase.resolver.internal.transport.FakeServers.receive;
import static org.dnschase.resolver.internal.transport.FakeServers.send;
import static org.dnschase.resolver.internal.transport.FakeServers.udpServer;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.internal.message.Queries;
import org.dnschase.resolver.internal.transport.FakeServers.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 6891 §6.2.5 and RFC 768: a UDP reply is read whole up to the largest datagram, whatever
 * payload size the query advertised, so a correct server's reply above 2,048 octets (Netty's
 * default datagram read) and a server that ignores the advertised size both get through.
 */
class LargeUdpReplyTest {

  private static final Duration LONG = Duration.ofSeconds(5);

  private final NettyTransport transport = new NettyTransport(1);

  @AfterEach
  void closeTransport() {
    transport.close();
  }

  @ParameterizedTest(name = "a {0}-octet reply to a query advertising {1} arrives whole")
  @CsvSource({"2900, 4096", "8000, 4096", "8000, 1232", "60000, 65535"})
  @DisplayName("RFC 6891 §6.2.5: a UDP reply larger than 2,048 octets is received whole")
  void largeUdpReply_isReceivedWhole(int size, int advertised) throws Exception {
    try (DatagramSocket server = udpServer()) {
      server.setSendBufferSize(128 * 1024);
      Message query = Queries.iterative(Name.fromConstantString("big.example.test."), Type.A, advertised);
      CompletableFuture<Message> result = transport.exchange(addressOf(server), query, LONG);
      Received got = receive(server);
      byte[] big = replyOfAtLeast(got, size);

      send(server, got.from(), big);

      Message reply = result.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(reply.getHeader().getFlag(Flags.TC)).isFalse();
      assertThat(reply.toWire()).hasSize(big.length);
      assertThat(reply.getSection(Section.ANSWER)).hasSize(new Message(big).getSection(Section.ANSWER).size());
    }
  }

  /** An answer of A records under the question's name, just over {@code size} octets on the wire. */
  private static byte[] replyOfAtLeast(Received got, int size) throws Exception {
    Message reply = new Message(got.query().getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.AA);
    reply.addRecord(got.query().getQuestion(), Section.QUESTION);
    Name owner = got.query().getQuestion().getName();
    for (int i = 0; reply.toWire().length < size; i++) {
      for (int batch = 0; batch < 64; batch++, i++) {
        byte[] address = {10, (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
        reply.addRecord(new ARecord(owner, DClass.IN, 300, InetAddress.getByAddress(address)), Section.ANSWER);
      }
    }
    return reply.toWire();
  }
}
