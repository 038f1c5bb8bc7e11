package org.dnschase.resolver.internal.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Transport;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

/**
 * The default transport: each query goes out on a fresh UDP socket bound to a random port, with a
 * random ID; a truncated reply (TC=1) is asked again over TCP (RFC 7766 §5) within the same time
 * budget. One event loop group per transport, of daemon threads, shut down by {@link #close()},
 * which first ends every exchange still in flight: Netty's shutdown alone neither completes them
 * (their timers are dropped) nor reliably closes their sockets.
 */
public final class NettyTransport implements Transport {

  /** Largest DNS message over TCP, plus the two-octet length prefix. */
  private static final int MAX_TCP_FRAME = 65535;

  private final EventLoopGroup group;
  private final List<Thread> eventLoopThreads = new CopyOnWriteArrayList<>();
  private final QueryIds ids = new QueryIds();
  private final Set<PendingExchange> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public NettyTransport(int threads) {
    ThreadFactory daemons = new DefaultThreadFactory("dnschase-transport", true);
    this.group = new MultiThreadIoEventLoopGroup(threads, task -> {
      Thread thread = daemons.newThread(task);
      eventLoopThreads.add(thread);
      return thread;
    }, NioIoHandler.newFactory());
  }

  @Override
  public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
    if (closed) {
      return CompletableFuture.failedFuture(closedError());
    }
    Message stamped = query.clone();
    stamped.getHeader().setID(ids.next());
    long deadline = System.nanoTime() + timeout.toNanos();
    return overUdp(server, stamped, timeout.toNanos()).thenCompose(reply -> {
      if (!reply.getHeader().getFlag(Flags.TC)) {
        return CompletableFuture.completedFuture(reply);
      }
      Message again = stamped.clone();
      again.getHeader().setID(ids.next());
      return overTcp(server, again, Math.max(1, deadline - System.nanoTime()));
    });
  }

  private CompletableFuture<Message> overUdp(InetSocketAddress server, Message query, long timeoutNanos) {
    PendingExchange pending = new PendingExchange(server, query, timeoutNanos);
    if (!track(pending)) {
      return pending.result();
    }
    SocketProtocolFamily family = server.getAddress() instanceof Inet6Address
        ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    Bootstrap bootstrap = new Bootstrap().group(group)
        .channelFactory(() -> new NioDatagramChannel(family))
        .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
          @Override
          protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            if (server.equals(packet.sender())) {
              pending.offer(packet.content());
            }
          }
        });
    ByteBuf wire = Unpooled.wrappedBuffer(query.toWire());
    pending.sendOnceOpen(bootstrap.bind(0), new DatagramPacket(wire, server));
    return pending.result();
  }

  private CompletableFuture<Message> overTcp(InetSocketAddress server, Message query, long timeoutNanos) {
    PendingExchange pending = new PendingExchange(server, query, timeoutNanos);
    if (!track(pending)) {
      return pending.result();
    }
    Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
            (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)))
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(
                new LengthFieldBasedFrameDecoder(MAX_TCP_FRAME + 2, 0, 2, 0, 2),
                new LengthFieldPrepender(2),
                new SimpleChannelInboundHandler<ByteBuf>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
                    pending.offer(frame);
                  }

                  @Override
                  public void channelInactive(ChannelHandlerContext ctx) {
                    pending.fail(new java.io.IOException(server + " closed the TCP connection without a reply"));
                  }
                });
          }
        });
    pending.sendOnceOpen(bootstrap.connect(server), Unpooled.wrappedBuffer(query.toWire()));
    return pending.result();
  }

  /** Registers an exchange so that close() can end it; false (and failed) if the transport is closed. */
  private boolean track(PendingExchange pending) {
    inFlight.add(pending);
    pending.result().whenComplete((reply, error) -> inFlight.remove(pending));
    if (closed) {
      pending.fail(closedError());
      return false;
    }
    return true;
  }

  private static IOException closedError() {
    return new IOException("the transport is closed");
  }

  @Override
  public void close() {
    closed = true;
    inFlight.forEach(pending -> pending.fail(closedError()));
    group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    // Netty reports termination from inside the loop thread, just before it exits: wait for the
    // exit itself, so that "closed" means no thread of ours is left running.
    for (Thread thread : eventLoopThreads) {
      joinUninterruptibly(thread);
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
