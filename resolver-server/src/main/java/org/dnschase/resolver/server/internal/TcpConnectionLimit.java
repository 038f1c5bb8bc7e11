package org.dnschase.resolver.server.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the TCP connections open at once, over every address (Unbound's {@code
 * incoming-num-tcp}), so that clients opening connections without end cannot take every file
 * descriptor the process has, which the resolver's own upstream sockets need too. At the bound a
 * new connection takes the place of the one idle longest, which is closed (RFC 7766 §6.2.3: a
 * server under pressure may close idle connections): a client holding many connections open must
 * keep asking on each of them to keep it, and one that has just asked keeps its own. Only when
 * every connection is owed an answer is the new one closed as soon as it is accepted; its client
 * can still ask over UDP.
 */
@Sharable
public final class TcpConnectionLimit extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(TcpConnectionLimit.class);

  private final int max;
  private final ServerStats stats;
  private final AtomicInteger open = new AtomicInteger();
  private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

  /**
   * A limit of {@code max} connections.
   *
   * @param max the most TCP connections open at once, positive
   * @param stats where connections closed for room are counted
   */
  public TcpConnectionLimit(int max, ServerStats stats) {
    this.max = max;
    this.stats = stats;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    // every connection that became active becomes inactive once: the count goes down there
    if (open.incrementAndGet() > max && !closeIdlest()) {
      stats.tcpRefused();
      log.debug("TCP connection from {} closed: {} connections open, each owed an answer",
          ctx.channel().remoteAddress(), max);
      ctx.close();
      return;
    }
    channels.add(ctx.channel());
    ctx.fireChannelActive();
  }

  /**
   * The server is stopping: every connection reads no more requests and closes once the answers
   * it is owed have gone out, an idle one at once, rather than at the end of the shutdown grace.
   * Runs on each connection's loop.
   */
  public void stopping() {
    channels.forEach(channel -> channel.pipeline().fireUserEventTriggered(TcpHandler.SERVER_STOPPING));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    channels.remove(ctx.channel());
    open.decrementAndGet();
    ctx.fireChannelInactive();
  }

  /**
   * Closes the connection idle longest, owed no answer; whether there was one. Runs only at the
   * bound: it looks at every connection open.
   */
  private boolean closeIdlest() {
    long now = System.nanoTime();
    Channel idlest = null;
    long longest = -1;
    for (Channel channel : channels) {
      TcpHandler connection = channel.pipeline().get(TcpHandler.class);
      long idle = connection == null ? -1 : connection.idleNanos(now);
      if (idle > longest) {
        longest = idle;
        idlest = channel;
      }
    }
    if (idlest == null || !channels.remove(idlest)) {
      return false;
    }
    stats.tcpClosedForRoom();
    log.debug("TCP connection from {} closed for a new one: idle {} ms, the longest", idlest.remoteAddress(),
        longest / 1_000_000);
    idlest.close();
    return true;
  }
}
