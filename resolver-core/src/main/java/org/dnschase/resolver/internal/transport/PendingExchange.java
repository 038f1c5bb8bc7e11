package org.dnschase.resolver.internal.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;

/**
 * One query in flight on its own channel: completes once with the matching reply, an error or a
 * timeout, and closes the channel whichever way it ends, so nothing is left open. Everything but
 * its creation happens on the channel's event loop, so the reply completes the future without a
 * hand-off to another thread.
 */
final class PendingExchange {

  private final InetSocketAddress server;
  private final int id;
  private final Record question;
  /** The random case the question went out in (0x20), or null when it went out as asked. */
  private final QuestionCase spelling;
  private final CompletableFuture<Message> result = new CompletableFuture<>();
  /** Whether a reply that was otherwise this exchange's spelt the question in another case. */
  private boolean otherCaseSeen;

  PendingExchange(InetSocketAddress server, int id, Record question, QuestionCase spelling) {
    this.server = server;
    this.id = id;
    this.question = question;
    this.spelling = spelling;
  }

  /** Completed by this exchange alone; callers get a dependent future, never this one. */
  CompletableFuture<Message> result() {
    return result;
  }

  InetSocketAddress server() {
    return server;
  }

  /**
   * Once the channel is open (bound or connected): arms the timeout and sends {@code request}. The
   * channel is closed when the exchange ends, also when it could not be opened.
   */
  void sendOnceOpen(ChannelFuture opened, Object request, long timeoutNanos) {
    opened.addListener(open -> {
      Channel channel = opened.channel();
      if (!open.isSuccess()) {
        fail(new IOException("cannot reach " + server + ": " + open.cause().getMessage(), open.cause()));
        // one that never got registered was closed where that failed; its pipeline cannot close it
        if (channel.isRegistered()) {
          channel.close();
        }
        return;
      }
      ScheduledFuture<?> timer = channel.eventLoop().schedule(() -> timedOut(timeoutNanos),
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
    });
  }

  /**
   * Offers bytes that arrived on the channel. Unparseable or non-matching packets are ignored and
   * the exchange keeps waiting: a stray or spoofed packet must not end it.
   */
  void offer(ByteBuf content) {
    if (spelling != null && !spelledAsSent(content)) {
      return;
    }
    Message reply;
    try {
      // parsed in place: dnsjava copies what it keeps, so the buffer may be released afterwards
      reply = new Message(content.nioBuffer());
    } catch (IOException | RuntimeException e) {
      return;
    }
    if (ReplyMatcher.matches(id, question, reply)) {
      result.complete(reply);
    }
  }

  /**
   * 0x20: whether the reply's question repeats the random case exactly; if so the name as asked
   * is put back in it. One that spells it in another case is dropped like a forgery (the exchange
   * keeps waiting), and noted when its ID is ours: the server may not echo case.
   */
  private boolean spelledAsSent(ByteBuf content) {
    switch (spelling.echo(content)) {
      case EXACT -> {
        spelling.restore(content);
        return true;
      }
      case OTHER_CASE -> otherCaseSeen |= content.getUnsignedShort(content.readerIndex()) == id;
      case OTHER_NAME -> { }
    }
    return false;
  }

  /**
   * Fails the exchange as timed out; a server whose replies all spelt the question otherwise is
   * first marked as one that does not echo case, so that whoever asks it next, on the failure's
   * own callbacks too, asks without 0x20.
   */
  private void timedOut(long timeoutNanos) {
    if (otherCaseSeen) {
      spelling.notEchoedBy(server);
    }
    fail(new TimeoutException("no reply from " + server + " in " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
        + " ms" + (otherCaseSeen ? "; its replies did not repeat the question's random case (0x20)" : "")));
  }

  void fail(Throwable error) {
    result.completeExceptionally(error);
  }
}
