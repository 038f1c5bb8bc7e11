package org.dnschase.resolver.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection (RFC 7766): length-prefixed requests read one after another without waiting
 * for answers (pipelining, §6.2.1.1), each answer written as soon as it is ready, so a slow
 * question never holds up the ones behind it (§7). The connection is closed once it has been idle
 * for the idle timeout with no answer owed (§6.2.3); while answers are owed it stays open. A
 * client that closes its side after its questions still gets their answers, then the connection
 * closes; so does one that sends a frame that is not a query (shorter than a header, or a
 * response), after which nothing more is read from it. Reading pauses while the client does not read its answers, so a client that only writes
 * cannot make the server buffer answers without end. A query that offers edns-tcp-keepalive gets
 * the idle timeout in its answer (RFC 7828 §3.3.2), one with the Padding option a padded answer
 * (RFC 7830 §4; {@link TcpAnswerOptions}). When the server stops, a connection reads
 * nothing more and closes once what it is owed has gone out, at once when it is owed nothing.
 */
public final class TcpHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(TcpHandler.class);

  /**
   * The event that tells a connection the server is stopping ({@link TcpConnectionLimit#stopping}):
   * it reads nothing more and closes once the answers it is owed have gone out, at once when idle
   * (RFC 7766 §6.2.3: a server may close an idle connection; its client asks another server).
   */
  static final Object SERVER_STOPPING = new Object() {
    @Override
    public String toString() {
      return "the server is stopping";
    }
  };

  private final QueryHandler queries;
  private final InFlight inFlight;
  private final Duration idleTimeout;
  private final AtomicInteger owed = new AtomicInteger();
  private volatile boolean inputClosed;
  /** When the connection opened or its last whole request was read ({@link System#nanoTime}). */
  private volatile long lastRequest = System.nanoTime();

  /**
   * A connection handing requests to {@code queries}.
   *
   * @param queries what answers them
   * @param inFlight where answers on their way are tracked
   * @param idleTimeout how long the connection may stay idle, which a client offering
   *     edns-tcp-keepalive is told (RFC 7828)
   */
  public TcpHandler(QueryHandler queries, InFlight inFlight, Duration idleTimeout) {
    this.queries = queries;
    this.inFlight = inFlight;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    queries.stats().tcpConnection();
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    byte[] wire;
    try {
      wire = ByteBufUtil.getBytes(frame);
    } finally {
      frame.release();
    }
    if (inputClosed) {
      return; // read in the same batch as the frame that ended the client's questions
    }
    lastRequest = System.nanoTime();
    InetSocketAddress client = (InetSocketAddress) ctx.channel().remoteAddress();
    QueryHandler.Reply reply;
    try {
      reply = queries.handle(wire, client, true);
    } catch (RuntimeException e) {
      // as over UDP: one request's failure costs its own answer, not those owed on the connection
      log.warn("no answer to {}: {}", client, e.toString(), e);
      return;
    }
    if (reply == null) {
      // not a query one answers (shorter than a header, a response): nothing more is read, as
      // Unbound drops such a connection; what is owed still goes out
      askNothingMore(ctx);
      return;
    }
    owed.incrementAndGet();
    Channel channel = ctx.channel();
    TcpAnswerOptions.Offered offered = TcpAnswerOptions.offered(wire);
    inFlight.track(reply.later(), reply.send(answer -> channel.writeAndFlush(Unpooled.wrappedBuffer(
        offered.any() ? TcpAnswerOptions.answer(answer, offered, idleTimeout) : answer))).whenComplete((done, error) -> {
      if (owed.decrementAndGet() == 0 && inputClosed) {
        channel.close(); // after the write just queued: the client said it asks nothing more
      }
      if (error != null) {
        log.warn("no answer to {}: {}", client, error.toString());
      }
    }));
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent || event == SERVER_STOPPING) {
      askNothingMore(ctx);
    } else if (event instanceof IdleStateEvent && owed.get() == 0) {
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  /**
   * How long the connection has been idle at {@code now}: since its last whole request, or since
   * it opened; -1 while it is owed an answer, which makes it busy.
   *
   * @param now a {@link System#nanoTime} reading
   * @return nanoseconds idle, or -1
   */
  long idleNanos(long now) {
    return owed.get() > 0 ? -1 : Math.max(0, now - lastRequest);
  }

  /** Reads no more from the client; the connection closes once the answers owed have gone out. */
  private void askNothingMore(ChannelHandlerContext ctx) {
    inputClosed = true;
    ctx.channel().config().setAutoRead(false);
    if (owed.get() == 0) {
      ctx.close();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    ctx.channel().config().setAutoRead(ctx.channel().isWritable() && !inputClosed);
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("TCP connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
