package org.dnschase.resolver.internal.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Message;

/**
 * The exchanges of one event loop: it opens their channels on the loop and keeps those still in
 * flight, so that {@link #close} can end them. An exchange started from the loop's own thread
 * (the resolver's next query, run where the last reply completed) is set up in place, without
 * handing anything to another thread; the exchange set is only ever touched by the loop.
 */
final class LoopExchanges {

  /**
   * The wildcard address of each family, port chosen by the kernel at random (Linux picks
   * ephemeral UDP ports so). Not {@code new InetSocketAddress(0)}: its wildcard is {@code ::} under
   * {@code java.net.preferIPv6Addresses=true}, which an IPv4 channel cannot bind.
   */
  private static final InetSocketAddress ANY_IPV4_PORT = new InetSocketAddress(wildcard(4), 0);
  private static final InetSocketAddress ANY_IPV6_PORT = new InetSocketAddress(wildcard(16), 0);
  /**
   * The largest UDP payload (RFC 768's 16-bit length): every datagram is read whole, whatever size
   * the query advertised (RFC 6891 §6.2.5) and whether the server kept to it. Netty's default read
   * is 2,048 octets and cuts anything longer, which then fails to parse and is lost. The buffer is
   * pooled and taken only for the read itself.
   */
  private static final int MAX_DATAGRAM = 65_535;

  private final EventLoop loop;
  private final Set<PendingExchange> inFlight = new HashSet<>();
  private boolean closed;

  LoopExchanges(EventLoop loop) {
    this.loop = loop;
  }

  boolean isCurrentThread() {
    return loop.inEventLoop();
  }

  /** Sends {@code wire} in one datagram from a fresh port and completes with the matching reply. */
  CompletableFuture<Message> overUdp(PendingExchange pending, byte[] wire, long timeoutNanos) {
    onLoop(pending, () -> {
      DatagramPacket packet = new DatagramPacket(Unpooled.wrappedBuffer(wire), pending.server());
      pending.sendOnceOpen(openUdp(pending), packet, timeoutNanos);
    });
    return pending.result();
  }

  /** Sends {@code wire} over a new TCP connection and completes with the matching reply. */
  CompletableFuture<Message> overTcp(PendingExchange pending, byte[] wire, long timeoutNanos) {
    onLoop(pending, () -> {
      Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)))
          .handler(TcpReplyHandler.pipelineFor(pending));
      pending.sendOnceOpen(bootstrap.connect(pending.server()), Unpooled.wrappedBuffer(wire), timeoutNanos);
    });
    return pending.result();
  }

  /** Runs {@code start} on the loop once {@code pending} is tracked; fails it if the loop is closed. */
  private void onLoop(PendingExchange pending, Runnable start) {
    Runnable tracked = () -> {
      if (closed) {
        pending.fail(closedError());
        return;
      }
      inFlight.add(pending);
      pending.result().whenComplete((reply, error) -> inFlight.remove(pending));
      try {
        start.run();
      } catch (RuntimeException noSocket) {
        // e.g. Netty's ChannelException when the process is out of file descriptors
        pending.fail(new IOException("cannot open a socket for " + pending.server() + ": " + noSocket, noSocket));
      }
    };
    if (loop.inEventLoop()) {
      tracked.run();
      return;
    }
    try {
      loop.execute(tracked);
    } catch (RejectedExecutionException shutDown) {
      pending.fail(closedError());
    }
  }

  /** A UDP channel of the server's family, registered on this loop and being bound to a random port. */
  private ChannelFuture openUdp(PendingExchange pending) {
    SocketProtocolFamily family = pending.server().getAddress() instanceof Inet6Address
        ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    Channel channel = new NioDatagramChannel(family);
    InetSocketAddress local = family == SocketProtocolFamily.INET6 ? ANY_IPV6_PORT : ANY_IPV4_PORT;
    channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(MAX_DATAGRAM));
    channel.pipeline().addLast(new UdpReplyHandler(pending));
    ChannelPromise bound = channel.newPromise();
    loop.register(channel).addListener(registered -> {
      if (registered.isSuccess()) {
        channel.bind(local, bound);
      } else {
        // never registered, so the pipeline cannot close it: close the socket directly
        channel.unsafe().closeForcibly();
        bound.setFailure(registered.cause());
      }
    });
    return bound;
  }

  private static InetAddress wildcard(int octets) {
    try {
      return InetAddress.getByAddress(new byte[octets]);
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException("4 or 16 octets are an address", impossible);
    }
  }

  /** Ends every exchange still in flight and refuses new ones; returns once that is done. */
  void close() {
    if (loop.inEventLoop()) {
      closeAll();
      return;
    }
    try {
      loop.submit(() -> closeAll()).syncUninterruptibly();
    } catch (RejectedExecutionException alreadyShutDown) {
      // a loop that has stopped has nothing in flight
    }
  }

  /**
   * Once the loop has ended (a caller's loop shut down under its exchanges, dropping their timers):
   * ends those still in flight and refuses new ones. Its thread is gone, so this may run anywhere.
   */
  void loopEnded() {
    closeAll(new IOException("the event loop the exchange was asked on has shut down"));
  }

  private void closeAll() {
    closeAll(closedError());
  }

  private void closeAll(IOException error) {
    closed = true;
    // failing one lets the resolver ask its next query at once, which is refused: iterate a copy
    for (PendingExchange pending : List.copyOf(inFlight)) {
      pending.fail(error);
    }
  }

  static IOException closedError() {
    return new IOException("the transport is closed");
  }
}
