package org.dnschase.resolver.server.internal;

import static org.xbill.DNS.ExtendedErrorCodeOption.OTHER;
import static org.xbill.DNS.ExtendedErrorCodeOption.PROHIBITED;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Resolver.QueryOptions;
import org.dnschase.resolver.spi.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/**
 * What the server does with one request, whatever carried it: decode, check the allow list and
 * the client's rate, then answer at once or ask the resolver and turn its outcome into the
 * answer with {@link Responses#toMessage}. A query without RD is asked of the cache only. Beyond
 * {@code maxOutstanding} resolutions under way a question is answered from the cache or SERVFAIL
 * at once rather than queued (Unbound's {@code num-queries-per-thread}). No DNS logic of its own:
 * the resolver decides every outcome.
 */
public final class QueryHandler {
  private static final Logger log = LoggerFactory.getLogger(QueryHandler.class);

  /**
   * An answer on its way, as the octets to send.
   *
   * @param wire completes with the answer in the room its transport gives it (the client's UDP
   *     payload size, 512 for the short answers built without the resolver; over TCP, {@link
   *     ResponseFitter#TCP_PAYLOAD}); never exceptionally
   */
  public record Reply(CompletableFuture<byte[]> wire) {}

  private final Resolver resolver;
  private final AllowList allowList;
  private final RateLimiter rateLimiter;
  private final int maxOutstanding;
  private final AtomicInteger outstanding = new AtomicInteger();
  private final ServerStats stats = new ServerStats(outstanding::get);
  private final EncodedAnswers encoded = new EncodedAnswers();
  private volatile boolean draining;

  /**
   * A handler in front of {@code resolver}.
   *
   * @param resolver the resolver that answers the questions
   * @param allowList who may ask
   * @param rateLimiter the per-client limit, or null for none
   * @param maxOutstanding the most resolutions under way at once
   */
  public QueryHandler(Resolver resolver, AllowList allowList, RateLimiter rateLimiter, int maxOutstanding) {
    this.resolver = resolver;
    this.allowList = allowList;
    this.rateLimiter = rateLimiter;
    this.maxOutstanding = maxOutstanding;
  }

  /** {@return the server's counters} */
  public ServerStats stats() {
    return stats;
  }

  /** From now on requests are ignored: the server is stopping and answers what it holds. */
  public void drain() {
    draining = true;
  }

  /**
   * Handles one request.
   *
   * @param wire the request's octets
   * @param client who sent it
   * @param overTcp whether it came over TCP
   * @return the reply, or null when the request gets none
   */
  public Reply handle(byte[] wire, InetSocketAddress client, boolean overTcp) {
    stats.query(overTcp);
    Request request = draining ? new Request.Ignored("the server is stopping") : RequestDecoder.decode(wire);
    return switch (request) {
      case Request.Ignored ignored -> {
        stats.ignored();
        log.debug("no answer to {}: {}", client, ignored.reason());
        yield null;
      }
      case Request.Rejected rejected -> admit(rejected.query(), client, room(RequestDecoder.PLAIN_UDP_PAYLOAD, overTcp),
          room -> answered(Answers.error(rejected.query(), rejected.rcode()), room));
      case Request.Query query -> admit(query.query(), client, room(query.udpPayload(), overTcp),
          room -> resolve(query, wire, room));
    };
  }

  private static int room(int udpPayload, boolean overTcp) {
    return overTcp ? ResponseFitter.TCP_PAYLOAD : udpPayload;
  }

  /** The allow list and the rate limit, then {@code next} with the answer's room. */
  private Reply admit(Message query, InetSocketAddress client, int room, IntFunction<CompletableFuture<byte[]>> next) {
    if (!allowList.allows(client)) {
      stats.unwanted();
      return new Reply(answered(Responses.ExtendedErrors.withExtendedError(Answers.error(query, Rcode.REFUSED), PROHIBITED,
          "the client is not in the server's allow list"), room));
    }
    if (rateLimiter != null && !rateLimiter.tryAcquire(client.getAddress())) {
      stats.rateLimited();
      return new Reply(answered(Responses.ExtendedErrors.withExtendedError(Answers.error(query, Rcode.REFUSED), OTHER,
          "the client is over the server's rate limit"), room));
    }
    return new Reply(next.apply(room));
  }

  /**
   * Asks the resolver with the query's own options. Beyond the bound of resolutions under way
   * the question is asked of the cache alone, which costs no upstream work: what the cache holds
   * is still answered, the rest gets SERVFAIL at once.
   */
  private CompletableFuture<byte[]> resolve(Request.Query request, byte[] wire, int room) {
    Message query = request.query();
    QueryOptions asked = options(query);
    boolean overloaded = outstanding.incrementAndGet() > maxOutstanding;
    if (overloaded) {
      outstanding.decrementAndGet();
    }
    Record question = request.question();
    CompletableFuture<Resolution> outcome;
    try {
      outcome = resolver.resolveAsync(question.getName(), question.getType(),
          overloaded ? asked.withCacheOnly(true) : asked);
    } catch (IllegalArgumentException notQueryable) { // a meta type, or a reserved one
      if (!overloaded) {
        outstanding.decrementAndGet();
      }
      return answered(Answers.error(query, Rcode.NOTIMP), room);
    }
    return outcome.handle((resolution, error) -> {
      if (!overloaded) {
        outstanding.decrementAndGet();
      }
      if (overloaded && !asked.cacheOnly() && notCached(resolution)) {
        return encode(overload(query), room);
      }
      if (resolution == null) {
        return encode(Responses.ExtendedErrors.withExtendedError(Answers.error(query, Rcode.SERVFAIL), OTHER,
            Responses.ExtendedErrors.text("INTERNAL_ERROR: " + error)), room);
      }
      stats.answered(Responses.rcode(resolution));
      return encoded.answer(resolution, query, wire, room, () ->
          ResponseFitter.fit(Responses.ExtendedErrors.add(Responses.toMessage(resolution, query), resolution), room));
    });
  }

  /**
   * The query's own options: RD=0 asks the cache only (RFC 1035 §4.1.1: recursion not desired),
   * CD and DO travel on (RFC 4035 §3.2.2, RFC 3225 §3).
   */
  private static QueryOptions options(Message query) {
    OPTRecord opt = query.getOPT();
    return QueryOptions.DEFAULTS
        .withCacheOnly(!query.getHeader().getFlag(Flags.RD))
        .withCheckingDisabled(query.getHeader().getFlag(Flags.CD))
        .withDnssecOk(opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0);
  }

  private static boolean notCached(Resolution resolution) {
    return resolution instanceof Resolution.Failure failure && failure.reason() == FailureReason.NOT_CACHED;
  }

  private Message overload(Message query) {
    stats.overloaded();
    return Responses.ExtendedErrors.withExtendedError(Answers.error(query, Rcode.SERVFAIL), OTHER,
        "overloaded: " + maxOutstanding + " resolutions under way, the most this server takes");
  }

  private CompletableFuture<byte[]> answered(Message answer, int room) {
    return CompletableFuture.completedFuture(encode(answer, room));
  }

  private byte[] encode(Message answer, int room) {
    stats.answered(answer.getRcode());
    return ResponseFitter.fit(answer, room);
  }
}
