package org.dnschase.resolver.server.internal;

import static org.xbill.DNS.ExtendedErrorCodeOption.OTHER;
import static org.xbill.DNS.ExtendedErrorCodeOption.PROHIBITED;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Resolver.QueryOptions;
import org.dnschase.resolver.spi.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
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
   * The Extended DNS Error text of a stopping server's SERVFAIL. RFC 8914 has no code for it (14,
   * Not Ready, is for a server not yet able to answer), so it goes as 0, Other, with this text.
   */
  static final String STOPPING = "the server is stopping";

  /**
   * An answer, as the octets to send: at once (the cache's answers, refusals) or once a resolution
   * ends.
   *
   * @param now the answer, when it was there at once; else null
   * @param later the answer on its way, when it was not there at once; else null
   */
  public record Reply(byte[] now, Later later) {

    static Reply at(byte[] answer) {
      return new Reply(answer, null);
    }

    /**
     * Hands the answer to {@code send}: at once when it is there, else as {@link Later#send} does.
     * It comes in the room its transport gives it (the client's UDP payload size, 512 for the short
     * answers built without the resolver; over TCP, {@link ResponseFitter#TCP_PAYLOAD}).
     *
     * @param send takes the answer's octets to the client; called once
     * @return completes once the answer was handed to {@code send}; exceptionally with what it threw
     */
    public CompletableFuture<Void> send(Consumer<byte[]> send) {
      if (later != null) {
        return later.send(send);
      }
      try {
        send.accept(now);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
      return CompletableFuture.completedFuture(null);
    }
  }

  /**
   * An answer on its way: built from its resolution's outcome on the thread that completes the
   * resolution and handed to its sender in that same step, with no stage of its own between them
   * (after the pause before a cold question each stage costs a dependent's completion on cold
   * code). What the answer does for the questions after it, its octets kept for the next identical
   * question ({@link EncodedAnswers}) and the count of its rcode, comes only once it was handed
   * over: it is no part of this answer's time. A server that stops before the outcome comes
   * answers in its place ({@link #answerStopping}); whichever comes first is the one answer sent.
   */
  public final class Later {
    private static final VarHandle SENDER;

    static {
      try {
        SENDER = MethodHandles.lookup().findVarHandle(Later.class, "sender", Consumer.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final Asked asked;
    private final int room;
    private final boolean overloaded;
    private final CompletableFuture<Resolution> outcome;
    /** Where the answer goes, until one is sent there ({@link #claim}); set once, by {@link #send}. */
    @SuppressWarnings("unused") // through SENDER
    private Consumer<byte[]> sender;

    private Later(Asked asked, int room, boolean overloaded, CompletableFuture<Resolution> outcome) {
      this.asked = asked;
      this.room = room;
      this.overloaded = overloaded;
      this.outcome = outcome;
    }

    /**
     * Hands the answer to {@code send} once the resolution has ended, on the thread that ends it,
     * then keeps its octets for the next identical question.
     *
     * @param send takes the answer's octets to the client; called once
     * @return completes once the answer was handed to {@code send} and its octets kept (or the
     *     resolution ended after the server answered that it is stopping); exceptionally with what
     *     building or sending it threw
     */
    public CompletableFuture<Void> send(Consumer<byte[]> send) {
      SENDER.setRelease(this, send);
      return outcome.handle((resolution, error) -> {
        Consumer<byte[]> to = claim();
        if (to == null) { // the stopping server answered already
          endCount(overloaded);
          return null;
        }
        byte[] failed = ended(asked, room, overloaded, resolution, error);
        byte[] wire = failed != null ? failed : outcomeAnswer(asked, room, resolution);
        to.accept(wire);
        if (failed == null) {
          answered(asked, resolution, wire);
        }
        return null;
      });
    }

    /**
     * Answers SERVFAIL with the Extended DNS Error "the server is stopping" if the outcome has not
     * been answered yet, so that the client asks another server at once: the server is stopping past
     * its grace, and will not send the outcome.
     *
     * @return whether this answer went out, the outcome's not
     */
    boolean answerStopping() {
      Consumer<byte[]> to = claim();
      if (to == null) {
        return false;
      }
      to.accept(encode(stopping(asked.message()), room));
      return true;
    }

    /** The sender, for the one caller that gets it first; null for every other. */
    @SuppressWarnings("unchecked")
    private Consumer<byte[]> claim() {
      return (Consumer<byte[]>) SENDER.getAndSet(this, null);
    }
  }

  /**
   * What a resolution needs of its query: the question, the options it is asked with, the shape
   * of its answer ({@link EncodedAnswers#shape}), where its question ends, its octets, and the
   * whole message for building an answer, made only then when the query was read plain.
   */
  private static final class Asked {
    final Name name;
    final int type;
    final QueryOptions options;
    final int shape;
    final int questionEnd;
    final byte[] wire;
    private final PlainQuery plain;
    private Message message;

    Asked(Message message, Header header, Name name, int type, OPTRecord opt, int room, int questionEnd, byte[] wire,
        PlainQuery plain) {
      this.message = message;
      this.name = name;
      this.type = type;
      this.options = options(header, opt);
      this.shape = EncodedAnswers.shape(header, opt, room);
      this.questionEnd = questionEnd;
      this.wire = wire;
      this.plain = plain;
    }

    Message message() {
      if (message == null) {
        message = plain.message();
      }
      return message;
    }
  }

  /**
   * The query options of each combination of RD, CD and DO ({@link #options}): built once, as
   * each query asks with one of them.
   */
  private static final QueryOptions[] OPTIONS = new QueryOptions[8];

  static {
    for (int bits = 0; bits < OPTIONS.length; bits++) {
      OPTIONS[bits] = QueryOptions.DEFAULTS.withCacheOnly((bits & 1) == 0).withCheckingDisabled((bits & 2) != 0)
          .withDnssecOk((bits & 4) != 0);
    }
  }

  private final Resolver resolver;
  private final AllowList allowList;
  private final RateLimiter rateLimiter;
  private final int maxOutstanding;
  private final AtomicInteger outstanding = new AtomicInteger();
  private final ServerStats stats = new ServerStats(outstanding::get);
  private final EncodedAnswers encoded;
  private final QuestionNames questions = new QuestionNames();
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
    this(resolver, allowList, rateLimiter, maxOutstanding, new EncodedAnswers());
  }

  /** As {@link #QueryHandler(Resolver, AllowList, RateLimiter, int)}, keeping answers' octets in {@code encoded}. */
  QueryHandler(Resolver resolver, AllowList allowList, RateLimiter rateLimiter, int maxOutstanding,
      EncodedAnswers encoded) {
    this.resolver = resolver;
    this.allowList = allowList;
    this.rateLimiter = rateLimiter;
    this.maxOutstanding = maxOutstanding;
    this.encoded = encoded;
  }

  /** {@return the server's counters} */
  public ServerStats stats() {
    return stats;
  }

  /**
   * From now on a question is answered SERVFAIL "the server is stopping" at once, with no
   * resolution: the server is stopping and answers only what it took before.
   */
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
    PlainQuery plain = draining || wire.length > Listeners.MAX_REQUEST ? null : PlainQuery.read(wire, questions);
    if (plain != null) {
      int room = room(plain.udpPayload(), overTcp);
      Asked asked = new Asked(null, plain.header(), plain.name(), plain.type(), plain.opt(), room, plain.questionEnd(),
          wire, plain);
      return admitted(client) ? resolve(asked, room) : refusal(client, asked.message(), room);
    }
    Request request = RequestDecoder.decode(wire);
    return switch (request) {
      case Request.Ignored ignored -> {
        stats.ignored();
        log.debug("no answer to {}: {}", client, ignored.reason());
        yield null;
      }
      case Request.Rejected rejected -> {
        int room = room(RequestDecoder.PLAIN_UDP_PAYLOAD, overTcp);
        yield admitted(client) ? Reply.at(encode(rejection(rejected), room)) : refusal(client, rejected.query(), room);
      }
      case Request.Query query -> {
        int room = room(query.udpPayload(), overTcp);
        Message message = query.query();
        Record question = query.question();
        Asked asked = new Asked(message, message.getHeader(), question.getName(), question.getType(), message.getOPT(),
            room, Header.LENGTH + question.getName().length() + 4, wire, null);
        if (!admitted(client)) {
          yield refusal(client, message, room);
        }
        yield draining ? Reply.at(encode(stopping(message), room)) : resolve(asked, room);
      }
    };
  }

  /** The answer to a request rejected at once, with the Extended DNS Error that explains it when there is one. */
  private static Message rejection(Request.Rejected rejected) {
    Message answer = Answers.error(rejected.query(), rejected.rcode());
    return rejected.explained() == null ? answer
        : Responses.ExtendedErrors.withExtendedError(answer, OTHER, rejected.explained());
  }

  private static int room(int udpPayload, boolean overTcp) {
    return overTcp ? ResponseFitter.TCP_PAYLOAD : udpPayload;
  }

  /** Whether the client passes the allow list and the rate limit; counts the query once. */
  private boolean admitted(InetSocketAddress client) {
    return allowList.allows(client) && (rateLimiter == null || rateLimiter.tryAcquire(client.getAddress()));
  }

  /**
   * The REFUSED answer of a client {@link #admitted} turned away, with the reason as its Extended
   * DNS Error. These answers are what a flood from spoofed addresses reflects onto its victim, so
   * they grow the query by no more than the Extended DNS Error's few octets: EDE 18 (Prohibited)
   * says it all without a text, as Unbound sends it, and the rate limit's text is two words.
   */
  private Reply refusal(InetSocketAddress client, Message query, int room) {
    Message refused = Answers.error(query, Rcode.REFUSED);
    if (!allowList.allows(client)) {
      stats.unwanted();
      return Reply.at(encode(Responses.ExtendedErrors.withExtendedError(refused, PROHIBITED, ""), room));
    }
    stats.rateLimited();
    return Reply.at(encode(Responses.ExtendedErrors.withExtendedError(refused, OTHER, "rate limited"), room));
  }

  /**
   * Asks the resolver with the query's own options. Beyond the bound of resolutions under way
   * the question is asked of the cache alone, which costs no upstream work: what the cache holds
   * is still answered, the rest gets SERVFAIL at once. An outcome there at once (the cache's) is
   * answered at once, without a callback, with the octets kept for it if there are some; any other
   * once it is there ({@link Later}).
   */
  private Reply resolve(Asked asked, int room) {
    boolean overloaded = outstanding.incrementAndGet() > maxOutstanding;
    if (overloaded) {
      outstanding.decrementAndGet();
    }
    CompletableFuture<Resolution> outcome;
    try {
      outcome = resolver.resolveAsync(asked.name, asked.type,
          overloaded ? asked.options.withCacheOnly(true) : asked.options);
    } catch (IllegalArgumentException notQueryable) { // a meta type, or a reserved one
      endCount(overloaded);
      return Reply.at(encode(Answers.error(asked.message(), Rcode.NOTIMP), room));
    }
    if (outcome.state() != Future.State.SUCCESS) {
      return new Reply(null, new Later(asked, room, overloaded, outcome));
    }
    Resolution resolution = outcome.resultNow();
    byte[] failed = ended(asked, room, overloaded, resolution, null);
    if (failed != null) {
      return Reply.at(failed);
    }
    byte[] kept = encoded.kept(resolution, asked.shape, asked.wire);
    if (kept != null) {
      stats.answered(Responses.rcode(resolution));
      return Reply.at(kept);
    }
    byte[] wire = outcomeAnswer(asked, room, resolution);
    answered(asked, resolution, wire);
    return Reply.at(wire);
  }

  /**
   * Ends the count of a resolution {@link #resolve} started, and gives the answer the server builds
   * itself for its outcome: SERVFAIL for an error or an overload. Null when the outcome is answered
   * with its own answer ({@link #outcomeAnswer}).
   */
  private byte[] ended(Asked asked, int room, boolean overloaded, Resolution resolution, Throwable error) {
    endCount(overloaded);
    if (overloaded && !asked.options.cacheOnly() && notCached(resolution)) {
      return encode(overload(asked.message()), room);
    }
    if (resolution instanceof Resolution.Failure failure && failure.reason() == FailureReason.OVERLOADED) {
      stats.overloaded(); // the resolver's own bound turned it away, or pushed it out
    }
    if (resolution == null) {
      return encode(Responses.ExtendedErrors.withExtendedError(Answers.error(asked.message(), Rcode.SERVFAIL), OTHER,
          Responses.ExtendedErrors.text("INTERNAL_ERROR: " + error)), room);
    }
    return null;
  }

  /** Ends the count of a resolution {@link #resolve} started, unless it found no slot. */
  private void endCount(boolean overloaded) {
    if (!overloaded) {
      outstanding.decrementAndGet();
    }
  }

  /** The outcome's own answer, encoded anew. */
  private static byte[] outcomeAnswer(Asked asked, int room, Resolution resolution) {
    return ResponseFitter.fit(Responses.ExtendedErrors.add(Responses.toMessage(resolution, asked.message()),
        resolution), room);
  }

  /**
   * What the outcome's answer, encoded anew, leaves for the questions after it: its rcode counted
   * and its octets kept. An outcome that took a resolution is new, so its answer looks for no octets
   * kept for it (a question that joined another's resolution may share its outcome, and then keeps
   * the same octets again).
   */
  private void answered(Asked asked, Resolution resolution, byte[] wire) {
    stats.answered(Responses.rcode(resolution));
    encoded.keep(resolution, asked.shape, wire, asked.questionEnd);
  }

  /**
   * The query's own options: RD=0 asks the cache only (RFC 1035 §4.1.1: recursion not desired),
   * CD and DO travel on (RFC 4035 §3.2.2, RFC 3225 §3).
   */
  private static QueryOptions options(Header header, OPTRecord opt) {
    return OPTIONS[(header.getFlag(Flags.RD) ? 1 : 0) | (header.getFlag(Flags.CD) ? 2 : 0)
        | (opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0 ? 4 : 0)];
  }

  private static boolean notCached(Resolution resolution) {
    return resolution instanceof Resolution.Failure failure && failure.reason() == FailureReason.NOT_CACHED;
  }

  private Message overload(Message query) {
    stats.overloaded();
    return Responses.ExtendedErrors.withExtendedError(Answers.error(query, Rcode.SERVFAIL), OTHER,
        "overloaded: " + maxOutstanding + " resolutions under way, the most this server takes");
  }

  /** The answer of a stopping server to a question it will not resolve, or no longer wait for. */
  private static Message stopping(Message query) {
    return Responses.ExtendedErrors.withExtendedError(Answers.error(query, Rcode.SERVFAIL), OTHER, STOPPING);
  }

  private byte[] encode(Message answer, int room) {
    stats.answered(answer.getRcode());
    return ResponseFitter.fit(answer, room);
  }
}
