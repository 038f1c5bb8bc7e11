package org.dnschase.resolver.internal.transport;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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

  /** A UDP socket on the port of {@code tcp}, binding both on a fresh port until one is free for both. */
  static DatagramSocket udpOnSamePortAs(ServerSocket tcp) throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket probe = new ServerSocket(0, 50, LOOPBACK)) {
        int port = probe.getLocalPort();
        probe.close();
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
        try {
          tcp.bind(new InetSocketAddress(LOOPBACK, port));
        } catch (BindException taken) {
          udp.close();
          continue;
        }
        udp.setSoTimeout(SERVER_WAIT_MS);
        return udp;
      } catch (BindException taken) {
        // the port went to someone else between probe and bind; try another
      }
    }
    throw new AssertionError("no loopback port free for both UDP and TCP");
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

  /** What a fake server sends back for a query, as bytes. */
  @FunctionalInterface
  interface ReplyBytes {
    byte[] to(Message query) throws IOException;
  }

  /**
   * Accepts one connection on {@code tcp}, reads one length-prefixed query from it (RFC 1035
   * §4.2.2), writes {@code reply}'s bytes for it the same way and closes; returns the query.
   */
  static Message answerOverTcp(ServerSocket tcp, ReplyBytes reply) throws IOException {
    tcp.setSoTimeout(SERVER_WAIT_MS);
    try (Socket connection = tcp.accept()) {
      connection.setSoTimeout(SERVER_WAIT_MS);
      DataInputStream in = new DataInputStream(connection.getInputStream());
      byte[] wire = new byte[in.readUnsignedShort()];
      in.readFully(wire);
      Message query = new Message(wire);
      byte[] bytes = reply.to(query);
      DataOutputStream out = new DataOutputStream(connection.getOutputStream());
      out.writeShort(bytes.length);
      out.write(bytes);
      out.flush();
      return query;
    }
  }

  /** A reply to {@code query} with TC set, this RCODE and nothing but the question. */
  static Message truncated(Message query, int rcode) {
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.TC);
    reply.getHeader().setRcode(rcode);
    reply.addRecord(query.getQuestion(), Section.QUESTION);
    return reply;
  }

  static String addressIn(Message reply) {
    return ((ARecord) reply.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress();
  }
}
