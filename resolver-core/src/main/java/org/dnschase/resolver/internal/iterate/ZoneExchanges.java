package org.dnschase.resolver.internal.iterate;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.dnschase.resolver.internal.reply.ResponseType;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.dnschase.resolver.internal.servers.Delegation;
import org.dnschase.resolver.internal.transport.ReplyFuture;
import org.dnschase.resolver.internal.transport.StillListening;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * A query's exchanges with the servers of the zones it asks: the one in flight or last made, what
 * it brought back, the earlier attempts still listening for a late reply ({@link LateReplies}),
 * and the reply of one server kept as its zone's last resort. The send records the exchange
 * ({@link #expectReply}), the transport's thread what came back ({@link #replied}), and the reply's
 * step reads both; when a late reply came first, the exchange last made is the attempt it answers.
 */
final class ZoneExchanges {

  /**
   * What was sent in the exchange in flight: to whom, which question, with EDNS or not, when, and
   * how long its reply was waited for (over TCP, per round trip).
   */
  record Exchange(InetSocketAddress server, Name name, int type, boolean withEdns, long sentAtNanos,
      long waitNanos) {}

  private Exchange last;
  private Message reply;
  private Throwable error;
  /** How long a truncated UDP leg took before the reply came over TCP; {@link ReplyFuture#NOT_TRUNCATED} if none. */
  private long udpLegNanos = ReplyFuture.NOT_TRUNCATED;
  /** The first reply of the zone being asked that is kept as its last resort; null when none is. */
  private LastResort lastResort;
  /** Whether the reply being used is the zone's last resort, taken back: none is kept after it. */
  private boolean usingLastResort;
  private final LateReplies lateReplies = new LateReplies();

  /** The exchange in flight or last made; null before the first. */
  Exchange last() {
    return last;
  }

  /** The reply to the last exchange; null when it failed. */
  Message reply() {
    return reply;
  }

  /**
   * How long the last exchange's UDP leg took when its reply was truncated and came again over TCP;
   * {@link ReplyFuture#NOT_TRUNCATED} otherwise.
   */
  long udpLegNanos() {
    return udpLegNanos;
  }

  /** Why the last exchange brought no reply; null when it did. */
  Throwable error() {
    return error;
  }

  /** Sends nothing itself: records what goes out, so the reply can be read against it. */
  void expectReply(Exchange sent) {
    usingLastResort = false;
    last = sent;
    reply = null;
    error = null;
    udpLegNanos = ReplyFuture.NOT_TRUNCATED;
  }

  /** Stores what the transport delivered; called on the transport's thread before the driver resumes. */
  void replied(Message message, Throwable failure) {
    replied(message, failure, ReplyFuture.NOT_TRUNCATED);
  }

  /** {@link #replied(Message, Throwable)}, the truncated UDP leg's time beside it ({@link ReplyFuture#udpLegNanos}). */
  void replied(Message message, Throwable failure, long udpLegNanos) {
    LateReplies.Listening late = lateReplies.taken();
    if (late != null) {
      last = late.sent();
      udpLegNanos = ReplyFuture.NOT_TRUNCATED;
    }
    if (message != null) {
      lateReplies.stop(); // the question has its reply
    }
    this.udpLegNanos = udpLegNanos;
    reply = message;
    error = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  /**
   * What the exchange just sent ({@link #expectReply}) to a server of {@code at} waits for: {@code
   * underWay}, or a late reply to an earlier attempt at its question, whichever comes first.
   */
  CompletableFuture<Message> firstReply(CompletableFuture<Message> underWay, Delegation at) {
    return lateReplies.race(underWay, last, at);
  }

  /** The last exchange, to a server of {@code at}, timed out while its socket listens on: it joins the next one's race. */
  void listenLate(Delegation at, StillListening timedOut) {
    lateReplies.listen(last, at, timedOut);
  }

  /** No earlier attempt listens any more: the query waits for something else, or ended. */
  void stopListening() {
    lateReplies.stop();
  }

  /** Whether the reply being used is the zone's last resort, which no other server bettered. */
  boolean usingLastResort() {
    return usingLastResort;
  }

  /** Whether a server of the zone cut {@code at} gave a reply kept as its last resort. */
  boolean hasLastResort(Delegation at) {
    return lastResort != null && lastResort.at() == at;
  }

  /** Keeps the last exchange's reply as the last resort of the zone cut {@code at}, unless it has one. */
  void keepAsLastResort(Delegation at, ScrubbedReply scrubbed, ResponseType type) {
    if (!hasLastResort(at)) {
      lastResort = new LastResort(at, last, scrubbed, type);
    }
  }

  /** Takes back the reply kept as the zone's last resort: its exchange is the last one made again. */
  LastResort takeLastResort() {
    LastResort kept = lastResort;
    lastResort = null;
    last = kept.exchange();
    usingLastResort = true;
    return kept;
  }
}
