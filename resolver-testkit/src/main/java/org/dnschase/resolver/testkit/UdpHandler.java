package org.dnschase.resolver.testkit;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One datagram in, at most one datagram back to its sender. */
final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
  private static final Logger log = LoggerFactory.getLogger(UdpHandler.class);

  private final QueryProcessor processor;

  UdpHandler(QueryProcessor processor) {
    this.processor = processor;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    InetSocketAddress client = packet.sender();
    processor.process(ByteBufUtil.getBytes(packet.content()), client, RecordedQuery.Transport.UDP,
        ctx.executor(),
        reply -> ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), client)));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // one bad datagram (e.g. an ICMP unreachable for a gone client) must not stop the server
    log.debug("UDP {}: {}", ctx.channel().localAddress(), cause.toString());
  }
}
