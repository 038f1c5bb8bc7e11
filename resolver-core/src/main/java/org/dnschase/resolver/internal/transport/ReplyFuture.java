package org.dnschase.resolver.internal.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

/**
 * The future of a reply that the resolver's own transport hands it: the reply over UDP, or, when
 * the server truncated it (TC), the reply to the question asked again over TCP. Beside the reply it
 * says how long a truncated UDP leg took, so that server selection learns the server's UDP round
 * trip, as Unbound's does, not the TCP connection's set-up and query on top of it (RFC 7766 says
 * nothing of which to learn). Cancelling it cancels the leg under way, and a TCP leg is not begun
 * once it is cancelled.
 */
public final class ReplyFuture extends CompletableFuture<Message> {

  /** What {@link #udpLegNanos} gives when no UDP leg was truncated. */
  public static final long NOT_TRUNCATED = -1;

  private volatile long udpLegNanos = NOT_TRUNCATED;
  /** The leg under way; the one cancelled with this future. */
  private volatile CompletableFuture<?> leg;

  /**
   * {@return how long the truncated UDP leg of {@code reply}'s exchange took, in nanoseconds, when
   * its reply came over TCP after it; {@link #NOT_TRUNCATED} otherwise, and for another transport's
   * future}
   */
  public static long udpLegNanos(CompletableFuture<Message> reply) {
    return reply instanceof ReplyFuture own ? own.udpLegNanos : NOT_TRUNCATED;
  }

  /**
   * A reply asked over UDP by {@code udp} at {@code startNanos} ({@link System#nanoTime}); when it
   * is truncated, asked again by {@code overTcp}, given the truncated reply.
   */
  static ReplyFuture udpThenTcp(CompletableFuture<Message> udp, long startNanos,
      Function<Message, CompletableFuture<Message>> overTcp) {
    ReplyFuture reply = new ReplyFuture();
    reply.follow(udp, overUdp -> {
      if (!overUdp.getHeader().getFlag(Flags.TC)) {
        reply.complete(overUdp);
        return;
      }
      reply.udpLegTook(System.nanoTime() - startNanos);
      reply.finishWith(overTcp.apply(overUdp));
    });
    return reply;
  }

  /**
   * A reply asked by {@code exchange} once {@code ready} (the transport's start, which others may
   * wait for too) completes; cancelled meanwhile, it is never asked.
   */
  static <T> ReplyFuture once(CompletableFuture<T> ready, Function<T, CompletableFuture<Message>> exchange) {
    ReplyFuture reply = new ReplyFuture();
    // through a future of its own: cancelling this reply cancels no one else's wait
    reply.follow(ready.thenApply(Function.identity()), value -> reply.finishWith(exchange.apply(value)));
    return reply;
  }

  /** Completes as {@code last} does, with the time of a truncated UDP leg it reports. */
  private void finishWith(CompletableFuture<Message> last) {
    follow(last, message -> {
      long lastLegNanos = udpLegNanos(last);
      if (lastLegNanos != NOT_TRUNCATED) {
        udpLegNanos = lastLegNanos;
      }
      complete(message);
    });
  }

  /** Records how long the UDP leg took, its reply being truncated. */
  public void udpLegTook(long nanos) {
    udpLegNanos = nanos;
  }

  /**
   * Makes {@code next} the leg under way, unless this future is done already (cancelled: the leg is
   * cancelled at once), and hands its reply to {@code then}; its failure fails this future, wrapped
   * as a dependent future's is.
   */
  private <T> void follow(CompletableFuture<T> next, Consumer<T> then) {
    leg = next;
    if (isCancelled()) {
      next.cancel(false);
      return;
    }
    next.whenComplete((message, error) -> {
      if (error != null) {
        fail(error);
      } else if (!isDone()) {
        try {
          then.accept(message);
        } catch (RuntimeException e) {
          fail(e);
        }
      }
    });
  }

  private void fail(Throwable error) {
    completeExceptionally(error instanceof CompletionException ? error : new CompletionException(error));
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    CompletableFuture<?> current = leg;
    if (cancelled && current != null) {
      current.cancel(false);
    }
    return cancelled;
  }

  /** Futures made from this one are plain futures, with no UDP leg of their own. */
  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }
}
