package org.dnschase.resolver.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One length-prefixed message in, at most one back, on a connection that stays open for more
 * (RFC 7766 §6.2.1); the framing is done by the codecs in front of it.
 */
final class TcpHandler extends SimpleChannelInboundHandler<ByteBuf> {
  private static final Logger log = LoggerFactory.getLogger(TcpHandler.class);

  private final QueryProcessor processor;

  TcpHandler(QueryProcessor processor) {
    this.processor = processor;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
    InetSocketAddress client = (InetSocketAddress) ctx.channel().remoteAddress();
    processor.process(ByteBufUtil.getBytes(frame), client, RecordedQuery.Transport.TCP,
        ctx.executor(), reply -> ctx.writeAndFlush(Unpooled.wrappedBuffer(reply)));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("TCP {}: {}, closing", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
