package org.dnschase.resolver.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;

/**
 * The lab of the Netty tests: a DNS tree on loopback and an echo server on 127.0.0.1.
 *
 * <pre>
 *   www.app.test  CNAME edge.cdn.test;  edge.cdn.test A 127.0.0.1     (two zones)
 *   n0.app.test ... n9.app.test  A 127.0.0.1
 *   slow.app.test A 127.0.0.1    (the tests delay its answers)
 * </pre>
 */
final class NettyLab {

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("test.", "ns1", "127.53.2.1")
      .defaults(zone -> zone.ttl(3600).negativeTtl(300))
      .zone("app.test.", "ns", "127.53.60.1", "www 300 CNAME edge.cdn.test.\nslow 300 A 127.0.0.1\n" + numbered())
      .zone("cdn.test.", "ns", "127.53.61.1", "edge 300 A 127.0.0.1\n")
      .build();

  private NettyLab() {}

  static TestHierarchy start() {
    return TestHierarchy.builder().zones(TREE).build();
  }

  /** A resolver pointed at the lab's root, never sending a packet off loopback. */
  static Resolver resolverFor(TestHierarchy lab) {
    return Resolver.builder().rootHints(RootHints.of(lab.rootHints())).upstreamPort(lab.port()).loopbackOnly()
        .build();
  }

  /** An echo server on 127.0.0.1, an ephemeral port; close its channel to stop it. */
  static Channel echoServer(EventLoopGroup group) throws InterruptedException {
    return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object message) {
                ctx.writeAndFlush((ByteBuf) message);
              }
            });
          }
        })
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
  }

  static EventLoopGroup eventLoops(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
  }

  private static String numbered() {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      records.append('n').append(i).append(" 300 A 127.0.0.1\n");
    }
    return records.toString();
  }
}
