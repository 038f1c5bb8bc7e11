package org.dnschase.resolver.internal.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Message;

/**
 * One query in flight on a socket of its own: completes once with the matching reply, an error or
 * a timeout, and closes the socket whichever way it ends, so nothing is left open. Over UDP its
 * socket may go on listening for a while after the timeout ({@link StillListening}): the exchange
 * is over, and the socket closed, once that late reply came, failed or was cancelled. Everything
 * but its creation and a late reply's cancellation happens on the socket's event loop, so the reply
 * completes the future without a hand-off to another thread.
 */
final class PendingExchange {

  private final ExpectedReply expected;
  private final CompletableFuture<Message> result = new CompletableFuture<>();
  /** The question asked again after this exchange (over TCP, after a truncated reply); null until then. */
  private PendingExchange next;
  /** Whether the resolver gave the question up ({@link #abandon}). */
  private boolean abandoned;
  /** The reply after the timeout while the socket still listens ({@link StillListening}); null until then. */
  private volatile CompletableFuture<Message> late;

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
   * Fails the exchange as timed out unless it ends within {@code timeoutNanos}; its socket then
   * listens {@code listenNanos} more for a late reply (0: not at all, {@link StillListening}).
   * {@code readLeft} runs on {@code loop} right before either wait runs out: what came in time and
   * was left unread ({@link UdpExchange}'s reply nobody hurries for) is offered first, so it is
   * never taken for a timeout. {@code close} (closing its socket) runs on {@code loop} when it is
   * over, whichever way.
   */
  void endsWithin(EventLoop loop, long timeoutNanos, long listenNanos, Runnable readLeft, Runnable close) {
    endsBy(loop, System.nanoTime(), timeoutNanos, listenNanos, readLeft, close);
  }

  /** {@link #endsWithin}, the timeout counted from {@code startNanos} ({@link System#nanoTime}). */
  private void endsBy(EventLoop loop, long startNanos, long timeoutNanos, long listenNanos, Runnable readLeft,
      Runnable close) {
    long leftNanos = Math.max(1, startNanos + timeoutNanos - System.nanoTime());
    ScheduledFuture<?> timer = loop.schedule(() -> {
      readLeft.run();
      if (!over()) {
        timedOut(loop, timeoutNanos, listenNanos, readLeft);
      }
    }, leftNanos, TimeUnit.NANOSECONDS);
    whenOver(() -> {
      timer.cancel(false);
      if (loop.inEventLoop()) {
        close.run();
        return;
      }
      try {
        loop.execute(close); // a late reply cancelled by the resolver, off the loop
      } catch (RejectedExecutionException shutDown) {
        close.run(); // a loop that has shut down touches the socket no more
      }
    });
  }

  /**
   * The wait ran out: the exchange fails as timed out, at once when it may not listen on, else with
   * the late reply's future ({@link StillListening}), itself failed once {@code listenNanos} more pass.
   */
  private void timedOut(EventLoop loop, long timeoutNanos, long listenNanos, Runnable readLeft) {
    TimeoutException timedOut = expected.timedOut(timeoutNanos);
    if (listenNanos <= 0 || result.isDone()) {
      fail(timedOut);
      return;
    }
    CompletableFuture<Message> lateReply = new CompletableFuture<>();
    ScheduledFuture<?> timer = loop.schedule(() -> {
      readLeft.run();
      lateReply.completeExceptionally(expected.timedOut(timeoutNanos + listenNanos));
    }, listenNanos, TimeUnit.NANOSECONDS);
    lateReply.whenComplete((reply, error) -> timer.cancel(false));
    late = lateReply;
    result.completeExceptionally(new StillListening(timedOut, lateReply));
  }

  /** Runs {@code then} once the exchange is over: its reply or failure, or its late reply's once it listens on. */
  void whenOver(Runnable then) {
    result.whenComplete((reply, error) -> {
      if (late == null) {
        then.run();
      } else {
        late.whenComplete((lateReply, lateError) -> then.run());
      }
    });
  }

  /** Whether the exchange is over ({@link #whenOver}). */
  boolean over() {
    return late != null ? late.isDone() : result.isDone();
  }

  /**
   * Once the channel is open (connected, over TCP): arms the timeout and sends {@code request}. The
   * channel is closed when the exchange ends, also when it could not be opened. The timeout counts
   * from now, the connect included, so a server slow to accept cannot hold the exchange for its
   * connect timeout and a whole timeout more.
   */
  void sendOnceOpen(ChannelFuture opened, Object request, long timeoutNanos) {
    long start = System.nanoTime();
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
      endsBy(channel.eventLoop(), start, timeoutNanos, 0, () -> { }, channel::close);
      channel.writeAndFlush(request).addListener(sent -> {
        if (!sent.isSuccess()) {
          fail(new IOException("cannot send to " + server() + ": " + sent.cause().getMessage(), sent.cause()));
        }
      });
    });
  }

  /**
   * Offers a message that arrived for the exchange (the buffer's remaining octets). A message that
   * is not its reply is ignored and the exchange keeps waiting: a stray or spoofed packet must not
   * end it. Its reply, malformed, ends it as a bad reply ({@link ExpectedReply#match}).
   */
  void offer(ByteBuffer message) {
    ended(message);
  }

  /**
   * Offers a message that came on a connection of this exchange's own (TCP): only the server can
   * have sent it, and only the reply to the one query asked on it, so anything else fails the
   * exchange at once, as Unbound closes a TCP connection on a reply with another ID, rather than
   * hold it until its timeout while the server sends more.
   */
  void offerOnItsConnection(ByteBuffer message) {
    if (!ended(message)) {
      fail(expected.notTheReply());
    }
  }

  /** Ends the exchange with {@code message} if it is its reply, or fails it if that is malformed; whether it ended. */
  private boolean ended(ByteBuffer message) {
    try {
      Message reply = expected.match(message);
      if (reply == null) {
        return false;
      }
      (late != null ? late : result).complete(reply);
    } catch (MalformedReplyException malformed) {
      fail(malformed);
    }
    return true;
  }

  /** Fails the exchange, or its late reply once it listens on after its timeout. */
  void fail(Throwable error) {
    (late != null ? late : result).completeExceptionally(error);
  }

  /**
   * Ends the exchange at once, and the one asking the question again after it if there is one,
   * whatever their timeouts: the resolver gave the question up (its resolution ended), so the
   * sockets are closed now, not when nobody waits any more; a reply that comes later finds none.
   */
  void abandon() {
    abandoned = true;
    fail(new CancellationException("the resolver gave up the question to " + server()));
    if (next != null) {
      next.abandon();
    }
  }

  /**
   * Whether the question goes on in {@code again} (asked over TCP after a truncated reply): false
   * if it was given up already. The same loop runs both exchanges.
   */
  boolean goesOnIn(PendingExchange again) {
    next = again;
    return !abandoned;
  }
}
