package org.dnschase.resolver.internal.transport;

import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.nio.NioIoEvent;
import io.netty.channel.nio.NioIoHandle;
import io.netty.channel.nio.NioIoOps;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;

/**
 * One query over UDP on a JDK datagram channel of its own, registered on the event loop that asked
 * it: no Netty channel, pipeline or promise per query, which cost about a third of an exchange's
 * processor time. The channel is connected to the server before anything is sent, so the kernel
 * binds it to a fresh random port (RFC 5452 §9.2) and hands it only the server's datagrams (the
 * address and port check of RFC 5452 §9.1); of those only the one {@link ExpectedReply} accepts
 * ends the exchange, the rest are dropped and it keeps waiting until its timeout, also when the
 * server's port is reported unreachable. Everything after its creation runs on the loop, and the
 * channel is closed whichever way the exchange ends.
 */
final class UdpExchange implements NioIoHandle {

  private final PendingExchange pending;
  private final DatagramChannel channel;
  /** The loop's buffer for reading datagrams, shared by its exchanges: each reads it on the loop only. */
  private final ByteBuffer replies;
  private final ByteBuffer query;
  private IoRegistration registration;

  private UdpExchange(PendingExchange pending, DatagramChannel channel, ByteBuffer replies, byte[] wire) {
    this.pending = pending;
    this.channel = channel;
    this.replies = replies;
    this.query = ByteBuffer.wrap(wire);
  }

  /**
   * Sends {@code wire} to {@code pending}'s server from a fresh port and completes {@code pending}
   * with the reply it expects, or fails it after {@code timeoutNanos}; run on {@code loop}.
   * {@code replies} holds the largest datagram (RFC 768's 16-bit length), so that every reply is
   * read whole, whatever size the query advertised (RFC 6891 §6.2.5) and whether the server kept
   * to it.
   */
  static void start(IoEventLoop loop, PendingExchange pending, byte[] wire, long timeoutNanos, ByteBuffer replies) {
    DatagramChannel channel;
    try {
      channel = DatagramChannel.open(pending.server().getAddress() instanceof Inet6Address
          ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    } catch (IOException noSocket) {
      pending.fail(new IOException("cannot open a socket for " + pending.server() + ": " + noSocket, noSocket));
      return;
    }
    UdpExchange exchange = new UdpExchange(pending, channel, replies, wire);
    pending.endsWithin(loop, timeoutNanos, exchange::close);
    try {
      channel.configureBlocking(false);
      channel.connect(pending.server());
    } catch (IOException | RuntimeException unreachable) {
      exchange.failed("cannot reach", unreachable);
      return;
    }
    Future<IoRegistration> registered = loop.register(exchange);
    registered.addListener(done -> exchange.registered(registered));
  }

  private void registered(Future<IoRegistration> registered) {
    if (!registered.isSuccess()) {
      failed("cannot reach", registered.cause());
      return;
    }
    registration = registered.getNow();
    if (pending.result().isDone()) {
      // ended (closed or timed out) while registering: its close came before there was anything to cancel
      registration.cancel();
      return;
    }
    registration.submit(NioIoOps.READ);
    send();
  }

  @Override
  public void handle(IoRegistration registration, IoEvent event) {
    NioIoOps ready = ((NioIoEvent) event).ops();
    if (ready.contains(NioIoOps.WRITE)) {
      registration.submit(NioIoOps.READ);
      send();
    }
    if (ready.contains(NioIoOps.READ)) {
      read();
    }
  }

  /** Sends the query; a full send buffer (which a fresh socket hardly has) waits until it drains. */
  private void send() {
    try {
      if (channel.write(query) == 0) {
        registration.submit(NioIoOps.READ_AND_WRITE);
      }
    } catch (IOException | RuntimeException e) {
      failed("cannot send to", e);
    }
  }

  /** Reads every datagram waiting, until one is the reply. */
  private void read() {
    while (!pending.result().isDone()) {
      replies.clear();
      try {
        if (channel.read(replies) <= 0) {
          return;
        }
      } catch (PortUnreachableException heardOfOnlyWhenConnected) {
        // As on an unconnected socket, which never hears of it: the exchange waits for its timeout,
        // which is what backs an unreachable server off, and ICMP is easier to forge than a reply.
        continue;
      } catch (IOException | RuntimeException e) {
        failed("cannot read from", e);
        return;
      }
      pending.offer(replies.flip());
    }
  }

  private void failed(String what, Throwable cause) {
    pending.fail(new IOException(what + " " + pending.server() + ": " + cause.getMessage(), cause));
  }

  @Override
  public SelectableChannel selectableChannel() {
    return channel;
  }

  /** Ends the channel's registration and closes it; also called by the loop when it shuts down. */
  @Override
  public void close() {
    if (registration != null) {
      registration.cancel();
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was left to send or to read on it
    }
  }
}
