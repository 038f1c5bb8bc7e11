package org.dnschase.resolver.bench.soak;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * {@code stall.lab.}'s server: over UDP it answers every query with TC set, header and question
 * only, so the resolver asks again over TCP; over TCP it reads the query, sends the reply's length
 * and its first six octets, and then nothing more, holding the connection until the resolver
 * closes it (a server that stalls mid-reply). Plain sockets, a virtual thread per connection.
 */
final class StallingServer implements AutoCloseable {

  /** The length the stalled reply announces: far more than the octets that ever come. */
  private static final int ANNOUNCED = 512;

  private final DatagramSocket udp;
  private final ServerSocket tcp;

  private StallingServer(DatagramSocket udp, ServerSocket tcp) {
    this.udp = udp;
    this.tcp = tcp;
  }

  static StallingServer start(InetAddress address, int port) throws IOException {
    StallingServer server = new StallingServer(new DatagramSocket(new InetSocketAddress(address, port)),
        new ServerSocket(port, 512, address));
    Thread.ofPlatform().daemon().name("stall-udp").start(server::truncateAll);
    Thread.ofPlatform().daemon().name("stall-tcp").start(server::acceptAll);
    return server;
  }

  private void truncateAll() {
    byte[] buffer = new byte[4096];
    try {
      while (true) {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        udp.receive(packet);
        byte[] reply = truncated(buffer, packet.getLength());
        if (reply != null) {
          udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        }
      }
    } catch (IOException closed) {
      // the lab is stopping
    }
  }

  /** The query's octets turned into a reply with QR, TC and no records beyond the question. */
  private static byte[] truncated(byte[] query, int length) {
    int end = questionEnd(query, length);
    if (end < 0) {
      return null;
    }
    byte[] reply = java.util.Arrays.copyOf(query, end);
    reply[2] = (byte) ((reply[2] | 0x82) & ~0x78 | (query[2] & 0x79)); // QR, opcode and RD kept, TC
    reply[3] = 0;
    for (int i = 6; i < 12; i++) {
      reply[i] = 0; // no answer, authority or additional records
    }
    return reply;
  }

  /** Where the query's one question ends, or -1 when it has none that reads. */
  private static int questionEnd(byte[] query, int length) {
    if (length < 12 || query[4] != 0 || query[5] != 1) {
      return -1;
    }
    int at = 12;
    while (at < length && query[at] != 0) {
      if ((query[at] & 0xc0) != 0) {
        return -1;
      }
      at += 1 + query[at];
    }
    at += 5;
    return at <= length ? at : -1;
  }

  private void acceptAll() {
    try {
      while (true) {
        Socket connection = tcp.accept();
        Thread.ofVirtual().start(() -> stall(connection));
      }
    } catch (IOException closed) {
      // the lab is stopping
    }
  }

  private static void stall(Socket connection) {
    try (connection) {
      DataInputStream in = new DataInputStream(connection.getInputStream());
      byte[] query = new byte[in.readUnsignedShort()];
      in.readFully(query);
      OutputStream out = connection.getOutputStream();
      out.write(new byte[] {(byte) (ANNOUNCED >> 8), (byte) ANNOUNCED, query[0], query[1], (byte) 0x81, 0, 0, 1});
      out.flush();
      drain(in);
    } catch (IOException | RuntimeException gone) {
      // the resolver gave up on the exchange
    }
  }

  /** Reads until the other side closes; whatever it sends is ignored. */
  private static void drain(InputStream in) throws IOException {
    byte[] ignored = new byte[512];
    while (in.read(ignored) >= 0) {
      // nothing
    }
  }

  @Override
  public void close() throws IOException {
    udp.close();
    tcp.close();
  }
}
