package org.dnschase.resolver.server.internal;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the TCP connections open at once, over every address (Unbound's {@code
 * incoming-num-tcp}): a connection beyond the bound is closed as soon as it is accepted, before
 * anything is read from it, so that clients opening connections without end cannot take every
 * file descriptor the process has, which the resolver's own upstream sockets need too. Those
 * clients keep being answered over UDP, and the connections already open are not touched.
 */
@Sharable
public final class TcpConnectionLimit extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(TcpConnectionLimit.class);

  private final int max;
  private final ServerStats stats;
  private final AtomicInteger open = new AtomicInteger();

  /**
   * A limit of {@code max} connections.
   *
   * @param max the most TCP connections open at once, positive
   * @param stats where refused connections are counted
   */
  public TcpConnectionLimit(int max, ServerStats stats) {
    this.max = max;
    this.stats = stats;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    // every connection that became active becomes inactive once: the count goes down there
    if (open.incrementAndGet() > max) {
      stats.tcpRefused();
      log.debug("TCP connection from {} closed: {} connections open, the most this server takes",
          ctx.channel().remoteAddress(), max);
      ctx.close();
      return;
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    open.decrementAndGet();
    ctx.fireChannelInactive();
  }
}
