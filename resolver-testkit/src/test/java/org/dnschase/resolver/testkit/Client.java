package org.dnschase.resolver.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** A blocking loopback client that shows replies as they are, TC and wrong IDs included. */
final class Client {
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private Client() {}

  /** A query as an iterative resolver sends it: RD clear, no EDNS. */
  static Message query(String name, int type) {
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
    query.getHeader().unsetFlag(Flags.RD);
    return query;
  }

  /** {@link #query} with an OPT record offering {@code payload} bytes. */
  static Message ednsQuery(String name, int type, int payload) {
    Message query = query(name, type);
    query.addRecord(new OPTRecord(payload, 0, 0), Section.ADDITIONAL);
    return query;
  }

  static Message udp(AuthServer server, Message query) throws IOException {
    byte[] reply = udpRaw(server, query.toWire(), TIMEOUT);
    if (reply == null) {
      throw new SocketTimeoutException("no reply from " + server);
    }
    return new Message(reply);
  }

  /** The reply datagram's bytes, or null if none came within {@code timeout}. */
  static byte[] udpRaw(AuthServer server, byte[] query, Duration timeout) throws IOException {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopbackLike(server), 0))) {
      socket.setSoTimeout((int) timeout.toMillis());
      socket.send(new DatagramPacket(query, query.length, server.socketAddress()));
      DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        return null;
      }
      return Arrays.copyOf(packet.getData(), packet.getLength());
    }
  }

  static Message tcp(AuthServer server, Message query) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(loopbackLike(server), 0));
      socket.connect(server.socketAddress(), (int) TIMEOUT.toMillis());
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      byte[] wire = query.toWire();
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeShort(wire.length);
      out.write(wire);
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] reply = new byte[in.readUnsignedShort()];
      in.readFully(reply);
      return new Message(reply);
    }
  }

  /** The records of one section as "owner ttl class type rdata" lines. */
  static List<String> lines(Message message, int section) {
    return message.getSection(section).stream()
        .map(r -> r.toString().replaceAll("\\s+", " "))
        .toList();
  }

  /** Binds the client to loopback too: nothing in these tests leaves the machine. */
  private static InetAddress loopbackLike(AuthServer server) throws IOException {
    return InetAddress.getByName(server.address() instanceof Inet6Address ? "::1" : "127.0.0.1");
  }
}
