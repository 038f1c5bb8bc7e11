package org.dnschase.resolver.internal.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import org.dnschase.resolver.internal.message.Queries;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A fake DNS server made of a plain JDK socket on 127.0.0.1, and the messages the transport tests
 * exchange with it. Only loopback is ever used.
 */
final class FakeServers {

  static final InetAddress LOOPBACK = loopback();
  /** How long the fake server waits for the transport's packets before the test fails. */
  static final int SERVER_WAIT_MS = 5_000;

  private FakeServers() {}

  /** A query as the server received it, and the address and port it came from. */
  record Received(Message query, SocketAddress from) {}

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static DatagramSocket udpServer() throws IOException {
    DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    socket.setSoTimeout(SERVER_WAIT_MS);
    return socket;
  }

  static InetSocketAddress addressOf(DatagramSocket socket) {
    return new InetSocketAddress(LOOPBACK, socket.getLocalPort());
  }

  static Received receive(DatagramSocket socket) throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
    socket.receive(packet);
    byte[] bytes = Arrays.copyOf(packet.getData(), packet.getLength());
    return new Received(new Message(bytes), packet.getSocketAddress());
  }

  static void send(DatagramSocket socket, SocketAddress to, byte[] bytes) throws IOException {
    socket.send(new DatagramPacket(bytes, bytes.length, to));
  }

  static Message query(String name) {
    return Queries.iterative(Name.fromConstantString(name), Type.A, 1232);
  }

  /** A reply to {@code query} with the given ID and one A record. */
  static Message answer(Message query, int id, String address) throws IOException {
    Message reply = new Message(id);
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.AA);
    reply.addRecord(query.getQuestion(), Section.QUESTION);
    reply.addRecord(new ARecord(query.getQuestion().getName(), DClass.IN, 300,
        InetAddress.getByName(address)), Section.ANSWER);
    return reply;
  }

  /** The reply to what the server {@code got}, with its ID and one A record. */
  static byte[] answerTo(Received got, String address) throws IOException {
    return answer(got.query(), got.query().getHeader().getID(), address).toWire();
  }

  static String addressIn(Message reply) {
    return ((ARecord) reply.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress();
  }
}
