package org.dnschase.resolver.internal.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.io.IOException;

/**
 * Reads the length-prefixed messages of a one-exchange TCP connection (RFC 1035 §4.2.2) and hands
 * them to the exchange; a connection closed before the reply, or a message that is not the reply,
 * ends it.
 */
final class TcpReplyHandler extends SimpleChannelInboundHandler<ByteBuf> {

  /** Largest DNS message over TCP, plus the two-octet length prefix. */
  private static final int MAX_TCP_FRAME = 65535;

  private final PendingExchange pending;

  private TcpReplyHandler(PendingExchange pending) {
    this.pending = pending;
  }

  /** The pipeline of a connection for {@code pending}: framing both ways, then this handler. */
  static ChannelInitializer<SocketChannel> pipelineFor(PendingExchange pending) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast(
            new LengthFieldBasedFrameDecoder(MAX_TCP_FRAME + 2, 0, 2, 0, 2),
            new LengthFieldPrepender(2),
            new TcpReplyHandler(pending));
      }
    };
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
    pending.offerOnItsConnection(frame.nioBuffer());
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    pending.fail(new IOException(pending.server() + " closed the TCP connection without a reply"));
  }
}
