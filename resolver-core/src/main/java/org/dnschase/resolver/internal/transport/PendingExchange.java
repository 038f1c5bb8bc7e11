package org.dnschase.resolver.internal.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Message;

/**
 * One query in flight on its own channel: completes once with the matching reply, an error or a
 * timeout, and closes the channel whichever way it ends, so nothing is left open.
 */
final class PendingExchange {

  private final InetSocketAddress server;
  private final Message query;
  private final long timeoutNanos;
  private final CompletableFuture<Message> result = new CompletableFuture<>();

  PendingExchange(InetSocketAddress server, Message query, long timeoutNanos) {
    this.server = server;
    this.query = query;
    this.timeoutNanos = timeoutNanos;
  }

  CompletableFuture<Message> result() {
    return result;
  }

  InetSocketAddress server() {
    return server;
  }

  Message query() {
    return query;
  }

  /** Once the channel is open (bound or connected): arms the timeout and sends {@code request}. */
  void sendOnceOpen(ChannelFuture opened, Object request) {
    opened.addListener(open -> {
      if (!open.isSuccess()) {
        fail(new IOException("cannot reach " + server + ": " + open.cause().getMessage(), open.cause()));
        return;
      }
      Channel channel = opened.channel();
      ScheduledFuture<?> timer = channel.eventLoop().schedule(
          () -> fail(new TimeoutException("no reply from " + server + " in "
              + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms")),
          timeoutNanos, TimeUnit.NANOSECONDS);
      result.whenComplete((reply, error) -> {
        timer.cancel(false);
        channel.close();
      });
      channel.writeAndFlush(request).addListener(sent -> {
        if (!sent.isSuccess()) {
          fail(new IOException("cannot send to " + server + ": " + sent.cause().getMessage(), sent.cause()));
        }
      });
      if (result.isDone()) {
        channel.close();
      }
    });
  }

  /**
   * Offers bytes that arrived on the channel. Unparseable or non-matching packets are ignored and
   * the exchange keeps waiting: a stray or spoofed packet must not end it.
   */
  void offer(ByteBuf content) {
    Message reply;
    try {
      reply = new Message(ByteBufUtil.getBytes(content));
    } catch (IOException | RuntimeException e) {
      return;
    }
    if (ReplyMatcher.matches(query, reply)) {
      result.complete(reply);
    }
  }

  void fail(Throwable error) {
    result.completeExceptionally(error);
  }
}
