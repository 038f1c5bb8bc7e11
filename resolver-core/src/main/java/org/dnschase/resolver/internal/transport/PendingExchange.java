package org.dnschase.resolver.internal.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Message;

/**
 * One query in flight on its own channel: completes once with the matching reply, an error or a
 * timeout, and closes the channel whichever way it ends, so nothing is left open. Everything but
 * its creation happens on the channel's event loop, so the reply completes the future without a
 * hand-off to another thread.
 */
final class PendingExchange {

  private final ExpectedReply expected;
  private final CompletableFuture<Message> result = new CompletableFuture<>();

  PendingExchange(ExpectedReply expected) {
    this.expected = expected;
  }

  /** Completed by this exchange alone; callers get a dependent future, never this one. */
  CompletableFuture<Message> result() {
    return result;
  }

  InetSocketAddress server() {
    return expected.server();
  }

  /**
   * Once the channel is open (bound or connected): arms the timeout and sends {@code request}. The
   * channel is closed when the exchange ends, also when it could not be opened.
   */
  void sendOnceOpen(ChannelFuture opened, Object request, long timeoutNanos) {
    opened.addListener(open -> {
      Channel channel = opened.channel();
      if (!open.isSuccess()) {
        fail(new IOException("cannot reach " + server() + ": " + open.cause().getMessage(), open.cause()));
        // one that never got registered was closed where that failed; its pipeline cannot close it
        if (channel.isRegistered()) {
          channel.close();
        }
        return;
      }
      ScheduledFuture<?> timer = channel.eventLoop().schedule(() -> fail(expected.timedOut(timeoutNanos)),
          timeoutNanos, TimeUnit.NANOSECONDS);
      result.whenComplete((reply, error) -> {
        timer.cancel(false);
        channel.close();
      });
      channel.writeAndFlush(request).addListener(sent -> {
        if (!sent.isSuccess()) {
          fail(new IOException("cannot send to " + server() + ": " + sent.cause().getMessage(), sent.cause()));
        }
      });
    });
  }

  /**
   * Offers bytes that arrived on the channel. Unparseable or non-matching packets are ignored and
   * the exchange keeps waiting: a stray or spoofed packet must not end it.
   */
  void offer(ByteBuf content) {
    Message reply = expected.match(content.nioBuffer());
    if (reply != null) {
      result.complete(reply);
    }
  }

  void fail(Throwable error) {
    result.completeExceptionally(error);
  }
}
