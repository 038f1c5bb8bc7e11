package org.dnschase.resolver.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.DClass;

/**
 * What no well-behaved client sends: raw octets over UDP, and several questions written on one
 * TCP connection before any answer is read.
 */
final class RawClient {

  private static final int TIMEOUT_MILLIS = 10_000;

  private RawClient() {}

  /** A query for (name, type) with RD set and the given ID. */
  static Message query(String name, int type, int id) {
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
    query.getHeader().setID(id);
    return query;
  }

  static Message query(String name, int id) {
    return query(name, Type.A, id);
  }

  /** Sends {@code wire} in one datagram; the answer, or null when none came within {@code millis}. */
  static Message udp(InetSocketAddress server, byte[] wire, int millis) {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(millis);
      socket.send(new DatagramPacket(wire, wire.length, server));
      byte[] buffer = new byte[65_535];
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException none) {
        return null;
      }
      return new Message(java.util.Arrays.copyOf(buffer, packet.getLength()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Message udp(InetSocketAddress server, byte[] wire) {
    return udp(server, wire, TIMEOUT_MILLIS);
  }

  /** A TCP connection that frames messages with their two-octet length (RFC 1035 §4.2.2). */
  static final class Tcp implements AutoCloseable {
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;

    Tcp(InetSocketAddress server) {
      this(server, 0);
    }

    /** With a receive buffer of {@code receiveBuffer} octets (0: the system's). */
    Tcp(InetSocketAddress server, int receiveBuffer) {
      try {
        socket = new Socket();
        if (receiveBuffer > 0) {
          socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(server, TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void send(Message query) {
      try {
        byte[] wire = query.toWire();
        out.writeShort(wire.length);
        out.write(wire);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Message receive() {
      try {
        byte[] wire = new byte[in.readUnsignedShort()];
        in.readFully(wire);
        return new Message(wire);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Closes this side for writing: the server reads the end of the stream. */
    void shutdownOutput() {
      try {
        socket.shutdownOutput();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Whether the server closed the connection: a read ends at once instead of waiting. */
    boolean closedByServer() {
      try {
        return in.read() < 0;
      } catch (IOException e) {
        return true; // reset by the server
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
