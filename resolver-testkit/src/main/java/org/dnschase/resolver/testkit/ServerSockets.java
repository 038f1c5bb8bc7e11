package org.dnschase.resolver.testkit;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Netty side of a hierarchy: one event loop group, a UDP and a TCP socket per server. */
final class ServerSockets implements AutoCloseable {
  /** Thread name prefix of the event loop: tests look for leftovers by it. */
  static final String THREAD_PREFIX = "testkit-dns";
  /** Loopback traffic from tests is light: two threads keep a delayed reply from stalling others. */
  private static final int EVENT_LOOP_THREADS = 2;
  /** A port picked on the first address may be taken on another; try this many ports. */
  private static final int MAX_PORT_ATTEMPTS = 20;

  private static final Logger log = LoggerFactory.getLogger(ServerSockets.class);

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS,
      new DefaultThreadFactory(THREAD_PREFIX, true), NioIoHandler.newFactory());
  private final List<Channel> channels = new ArrayList<>();

  private ServerSockets() {}

  /**
   * Binds every server's UDP and TCP socket on one port: {@code port}, or if 0 one that is free
   * on every address, and tells each server the port.
   *
   * @throws IllegalStateException if an address or the port cannot be bound
   */
  static ServerSockets start(List<AuthServer> servers, int port) {
    ServerSockets sockets = new ServerSockets();
    try {
      int bound = sockets.bindAll(servers, port);
      servers.forEach(server -> server.bound(bound));
      return sockets;
    } catch (RuntimeException e) {
      sockets.close();
      throw e;
    }
  }

  private int bindAll(List<AuthServer> servers, int port) {
    for (int attempt = 1; ; attempt++) {
      try {
        return bindOnce(servers, port);
      } catch (IllegalStateException e) {
        closeChannels();
        if (port != 0 || attempt == MAX_PORT_ATTEMPTS) {
          throw e;
        }
        log.debug("attempt {} to find a common port failed ({}), retrying", attempt, e.getMessage());
      }
    }
  }

  private int bindOnce(List<AuthServer> servers, int requested) {
    int port = requested;
    for (AuthServer server : servers) {
      QueryProcessor processor = new QueryProcessor(server);
      Channel udp = bind(udp(processor), new InetSocketAddress(server.address(), port), "UDP");
      port = ((InetSocketAddress) udp.localAddress()).getPort();
      bind(tcp(processor), new InetSocketAddress(server.address(), port), "TCP");
    }
    return port;
  }

  private Channel bind(AbstractBootstrap<?, ?> bootstrap, InetSocketAddress address, String kind) {
    ChannelFuture future = bootstrap.bind(address).awaitUninterruptibly();
    if (!future.isSuccess()) {
      throw new IllegalStateException("cannot bind " + kind + " " + address.getAddress().getHostAddress()
          + ":" + address.getPort() + ": " + future.cause().getMessage(), future.cause());
    }
    channels.add(future.channel());
    return future.channel();
  }

  private Bootstrap udp(QueryProcessor processor) {
    return new Bootstrap().group(group).channel(NioDatagramChannel.class)
        .handler(new UdpHandler(processor));
  }

  private ServerBootstrap tcp(QueryProcessor processor) {
    return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        // lets a test re-bind the port while closed connections linger in TIME_WAIT
        .option(ChannelOption.SO_REUSEADDR, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(
                new LengthFieldBasedFrameDecoder(Replies.TCP_LIMIT + 2, 0, 2, 0, 2),
                new LengthFieldPrepender(2),
                new TcpHandler(processor));
          }
        });
  }

  private void closeChannels() {
    channels.forEach(channel -> channel.close().awaitUninterruptibly());
    channels.clear();
  }

  /** Closes every socket and waits until the event loop threads have ended. */
  @Override
  public void close() {
    closeChannels();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
