package org.dnschase.resolver.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A control connection: one command line in, its output back, then the connection closes. Only
 * loopback peers are served (the channel listens on loopback only; this is the second lock).
 */
@Sharable
public final class ControlHandler extends SimpleChannelInboundHandler<ByteBuf> {
  private static final Logger log = LoggerFactory.getLogger(ControlHandler.class);

  private final ControlCommands commands;

  /**
   * A handler running {@code commands}.
   *
   * @param commands what each line runs
   */
  public ControlHandler(ControlCommands commands) {
    this.commands = commands;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
    if (!peer.getAddress().isLoopbackAddress()) {
      log.warn("control connection from {} refused: loopback only", peer);
      ctx.close();
      return;
    }
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
    String command = line.toString(StandardCharsets.UTF_8);
    String output = commands.run(command);
    log.info("control: {} -> {}", command.strip(), output.startsWith("error") ? output.strip() : "done");
    ctx.writeAndFlush(Unpooled.copiedBuffer(output, StandardCharsets.UTF_8))
        .addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.writeAndFlush(Unpooled.copiedBuffer("error: " + cause.getMessage() + "\n", StandardCharsets.UTF_8))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
