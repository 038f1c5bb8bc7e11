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
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;

/**
 * One query over UDP on a JDK datagram channel of its own, registered on the event loop that asked
 * it: no Netty channel, pipeline or promise per query, which cost about a third of an exchange's
 * processor time. The channel may be opened ahead of its query ({@link SpareChannels}), but it
 * is bound only as it is connected to the server, before anything is sent: to a fresh random port
 * of the kernel's choice (RFC 5452 §9.2), from which the kernel hands it only the server's
 * datagrams (the address and port check of RFC 5452 §9.1). Of the server's datagrams only the one
 * {@link ExpectedReply} accepts ends the exchange, the rest are dropped and it keeps waiting until
 * its timeout, also when the server's port is reported unreachable. Everything after its creation
 * runs on the loop, and the channel is closed whichever way the exchange ends; it carries one query
 * only.
 */
final class UdpExchange implements NioIoHandle {

  private final DatagramChannel channel;
  /** The loop's buffer for reading datagrams, shared by its exchanges: each reads it on the loop only. */
  private final ByteBuffer replies;
  private IoRegistration registration;
  /** The query and what it waits for; null while the channel is a spare, waiting for its query. */
  private PendingExchange pending;
  private ByteBuffer query;

  private UdpExchange(DatagramChannel channel, ByteBuffer replies) {
    this.channel = channel;
    this.replies = replies;
  }

  /**
   * A channel for a query to a server of {@code family}, not yet connected nor registered; {@code
   * replies} holds the largest datagram (RFC 768's 16-bit length), so that every reply is read
   * whole, whatever size the query advertised (RFC 6891 §6.2.5) and whether the server kept to it.
   * Not bound either: it has no port until {@link #start} connects it.
   */
  static UdpExchange open(ProtocolFamily family, ByteBuffer replies) throws IOException {
    DatagramChannel channel = DatagramChannel.open(family);
    try {
      channel.configureBlocking(false);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new UdpExchange(channel, replies);
  }

  static ProtocolFamily familyOf(InetSocketAddress server) {
    return server.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
  }

  /** The port the channel is bound to, 0 before its query connects it. */
  int localPort() {
    try {
      return channel.getLocalAddress() instanceof InetSocketAddress local ? local.getPort() : 0;
    } catch (IOException closed) {
      return 0;
    }
  }

  /** Registers the channel on {@code loop} with no interest yet, ahead of its query; false if that failed. */
  boolean registerAhead(IoEventLoop loop) {
    Future<IoRegistration> registered = loop.register(this);
    if (registered.isSuccess()) {
      registration = registered.getNow();
      return true;
    }
    // registration on the loop's own thread is done when register returns, one way or the other
    close();
    return false;
  }

  /**
   * Sends {@code wire} to {@code pending}'s server and completes {@code pending} with the reply it
   * expects, or fails it after {@code timeoutNanos}; run on {@code loop}, which a spare is
   * registered on already.
   */
  void start(IoEventLoop loop, PendingExchange pending, byte[] wire, long timeoutNanos) {
    this.pending = pending;
    this.query = ByteBuffer.wrap(wire);
    pending.endsWithin(loop, timeoutNanos, this::close);
    try {
      channel.connect(pending.server());
    } catch (IOException | RuntimeException unreachable) {
      failed("cannot reach", unreachable);
      return;
    }
    if (registration != null) {
      armed();
      return;
    }
    Future<IoRegistration> registered = loop.register(this);
    registered.addListener(done -> registered(registered));
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
    armed();
  }

  private void armed() {
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
    while (pending != null && !pending.result().isDone()) {
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
