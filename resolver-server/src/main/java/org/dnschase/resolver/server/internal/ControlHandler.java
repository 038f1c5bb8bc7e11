package org.dnschase.resolver.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.dnschase.resolver.spi.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A control connection: one command line in, its output back, then the connection closes; the
 * line ends with a line feed or with the client's input ({@link ControlLines}), and lines after it
 * are not run. Only
 * loopback peers are served (the channel listens on loopback only; this is the second lock). A
 * line longer than the bound, or no whole line within the idle timeout, is answered with an error
 * and the connection closed, so a client that stays silent holds no connection. A line is logged
 * with its controls escaped ({@link LogText}).
 */
@Sharable
public final class ControlHandler extends SimpleChannelInboundHandler<ByteBuf> {
  private static final Logger log = LoggerFactory.getLogger(ControlHandler.class);

  /** Set on a connection once its command line was read: its output, not an error, is owed. */
  private static final AttributeKey<Boolean> ANSWERED = AttributeKey.valueOf(ControlHandler.class, "answered");

  private final ControlCommands commands;
  private final Duration idleTimeout;

  /**
   * A handler running {@code commands}.
   *
   * @param commands what each line runs
   * @param idleTimeout how long a connection may stay without a whole line, for the error that says so
   */
  public ControlHandler(ControlCommands commands, Duration idleTimeout) {
    this.commands = commands;
    this.idleTimeout = idleTimeout;
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
    if (ctx.channel().attr(ANSWERED).setIfAbsent(true) != null) {
      // one command a connection, as unbound-control's: a line after it would run unseen, its
      // output going nowhere once the first's closed the connection
      log.info("control connection {}: a line after its command, not run", ctx.channel().remoteAddress());
      return;
    }
    String command = line.toString(StandardCharsets.UTF_8);
    String output = commands.run(command);
    // a local client's line, which could otherwise move the terminal or start a forged log line; an
    // error escapes what it quotes of the line already
    log.info("control: {} -> {}", LogText.escaped(command.strip()),
        output.startsWith("error") ? output.strip() : "done");
    ctx.writeAndFlush(Unpooled.copiedBuffer(output, StandardCharsets.UTF_8))
        .addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      fail(ctx, "no command line within " + idleTimeout.toMillis() + " ms");
    } else if (event instanceof ChannelInputShutdownEvent && ctx.channel().attr(ANSWERED).get() == null) {
      fail(ctx, "the client's input ended without a command line");
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(ctx, cause instanceof TooLongFrameException
        ? "a command line longer than " + Listeners.MAX_CONTROL_LINE + " octets" : String.valueOf(cause.getMessage()));
  }

  private static void fail(ChannelHandlerContext ctx, String why) {
    log.info("control connection {} closed: {}", ctx.channel().remoteAddress(), why);
    ctx.writeAndFlush(Unpooled.copiedBuffer("error: " + why + "\n", StandardCharsets.UTF_8))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
