package org.dnschase.resolver.server.internal;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP listener: each datagram is one request, each answer one datagram back to its sender, in
 * the room the request's EDNS payload size gives it (TC set when it does not fit). Answers are
 * written without a promise of their own (Netty's void promise): nothing waits on one, and a send
 * that fails reaches {@link #exceptionCaught} instead, which logs it.
 */
@Sharable
public final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
  private static final Logger log = LoggerFactory.getLogger(UdpHandler.class);

  private final QueryHandler queries;
  private final InFlight inFlight;

  /**
   * A listener handing requests to {@code queries}.
   *
   * @param queries what answers them
   * @param inFlight where answers on their way are tracked
   */
  public UdpHandler(QueryHandler queries, InFlight inFlight) {
    this.queries = queries;
    this.inFlight = inFlight;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    InetSocketAddress client = packet.sender();
    QueryHandler.Reply reply = queries.handle(ByteBufUtil.getBytes(packet.content()), client, false);
    if (reply == null) {
      return;
    }
    if (reply.now() != null) {
      // answered at once (the cache, a refusal): sent with the other answers of this read
      ctx.write(datagram(ctx.alloc(), reply.now(), client), ctx.voidPromise());
      return;
    }
    Channel channel = ctx.channel();
    inFlight.track(reply.later().thenAccept(answer ->
        channel.writeAndFlush(datagram(channel.alloc(), answer, client), channel.voidPromise()))
        .exceptionally(error -> {
          log.warn("no answer to {}: {}", client, error.toString());
          return null;
        }));
  }

  /**
   * The answer in a direct buffer of the channel's allocator, which the socket writes as it is: a
   * heap buffer would be copied into one by the channel.
   */
  private static DatagramPacket datagram(ByteBufAllocator alloc, byte[] answer, InetSocketAddress client) {
    return new DatagramPacket(alloc.directBuffer(answer.length).writeBytes(answer), client);
  }

  /** The event loop reads requests in batches: their answers leave together, in one flush. */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.warn("UDP listener {}: {}", ctx.channel().localAddress(), cause.toString());
  }
}
