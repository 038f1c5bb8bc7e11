package org.dnschase.resolver.internal.iterate;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dnschase.resolver.internal.servers.Delegation;
import org.dnschase.resolver.internal.transport.StillListening;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

/**
 * The earlier attempts at the question a query asks of a zone's servers whose waits ran out while
 * their sockets still listen ({@link StillListening}). RFC 1536 §1: a server slower than the wait
 * it was given is not a lost one, and its reply, when it comes while the retry is out, answers the
 * question as well as the retry's would, sooner: each retry {@linkplain #race races} the attempts
 * still listening, and the first reply of any ends the question. A late reply is its own query's
 * (the transport matches its ID, port and question as strictly as any, RFC 5452 §9.1), and its
 * round trip, counted from its own query, teaches the server's selection what the server takes.
 *
 * <p>At most {@link #MAX_LISTENING} earlier attempts listen beside the one under way, so a question
 * holds three sockets at most, the oldest dropped first. Each wait is at least the one before it
 * (a timeout doubles the server's), so an attempt older than the two before the one under way has
 * gone unanswered for longer than the three waits after it together, at least twice the longest
 * wait given a server ({@link org.dnschase.resolver.Budgets#queryTimeout()}) with the defaults:
 * lost, or so slow that the deadline ends the question first. A bound also caps what a black-holed
 * server costs a busy resolver in sockets: three per resolution waiting for it, not one per query
 * it sent. The attempts stop listening when a reply to the question comes, when the query asks
 * something else or another zone, waits for a child or a priming, or ends (at its deadline too).
 */
final class LateReplies {

  /** Earlier attempts that listen beside the one under way. */
  static final int MAX_LISTENING = 2;

  /** An attempt whose wait ran out, its socket still listening: what it asked, of which zone cut, and its late reply. */
  record Listening(ZoneExchanges.Exchange sent, Delegation at, CompletableFuture<Message> reply) {}

  /** Oldest first; touched by the query's steps only. */
  private final ArrayDeque<Listening> listening = new ArrayDeque<>(MAX_LISTENING + 1);
  /** The attempt whose late reply won the last race, until {@link #taken} takes it; else null. */
  private volatile Listening taken;

  /** Keeps the attempt {@code sent} to a server of {@code at} listening after {@code timedOut}, dropping the oldest past the bound. */
  void listen(ZoneExchanges.Exchange sent, Delegation at, StillListening timedOut) {
    listening.addLast(new Listening(sent, at, timedOut.lateReply()));
    if (listening.size() > MAX_LISTENING) {
      listening.removeFirst().reply().cancel(false);
    }
  }

  /**
   * The first of {@code underWay}'s outcome (the attempt {@code sent} to a server of {@code at}) and
   * a late reply to an earlier attempt at the same question of the same zone cut; those at anything
   * else stop listening. A late reply that wins cancels the attempt under way, and is {@link #taken}.
   * Cancelling the race (the resolution ended) cancels every attempt in it.
   */
  CompletableFuture<Message> race(CompletableFuture<Message> underWay, ZoneExchanges.Exchange sent, Delegation at) {
    if (listening.isEmpty()) {
      return underWay; // every exchange but a retry's: nothing allocated, nothing written
    }
    taken = null;
    listening.removeIf(earlier -> {
      boolean other = earlier.at() != at || !earlier.sent().name().equals(sent.name())
          || earlier.sent().type() != sent.type();
      if (other) {
        earlier.reply().cancel(false);
      }
      return other;
    });
    if (listening.isEmpty()) {
      return underWay;
    }
    List<Listening> racing = List.copyOf(listening);
    CompletableFuture<Message> first = new CompletableFuture<>();
    AtomicBoolean decided = new AtomicBoolean();
    underWay.whenComplete((reply, error) -> {
      if (decided.compareAndSet(false, true)) {
        if (error == null) {
          first.complete(reply);
        } else {
          first.completeExceptionally(error);
        }
      }
    });
    for (Listening earlier : racing) {
      earlier.reply().thenAccept(reply -> {
        // a late reply truncated would need its own TCP exchange: the attempt under way goes on instead
        if (!reply.getHeader().getFlag(Flags.TC) && decided.compareAndSet(false, true)) {
          taken = earlier;
          first.complete(reply);
          underWay.cancel(false);
        }
      });
    }
    first.whenComplete((reply, error) -> {
      if (first.isCancelled()) {
        underWay.cancel(false);
        racing.forEach(earlier -> earlier.reply().cancel(false));
      }
    });
    return first;
  }

  /** The earlier attempt whose late reply ended the last race, no longer listening; null when the attempt under way did. */
  Listening taken() {
    Listening late = taken;
    if (late != null) {
      taken = null;
      listening.remove(late);
    }
    return late;
  }

  /** Stops every attempt listening: the question has its reply, or the query no longer asks it. */
  void stop() {
    while (!listening.isEmpty()) {
      listening.removeFirst().reply().cancel(false);
    }
  }
}
