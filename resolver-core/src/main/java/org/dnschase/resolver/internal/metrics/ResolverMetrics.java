package org.dnschase.resolver.internal.metrics;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.FlightRecorder;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.cache.CacheStats;
import org.dnschase.resolver.metrics.LatencyHistogram;
import org.dnschase.resolver.metrics.MetricsSnapshot;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * The one place a resolver counts into (DESIGN.md "Added in turn 2"): striped counters and a
 * fixed-bucket histogram, each bumped where its event happens, with one call there; {@link
 * #snapshot} reads them for {@code Resolver.metrics()}, the server and Micrometer. Each event is
 * also a JDK Flight Recorder event while a recording wants it.
 *
 * <p>A resolution-cache hit, the path that must stay at tens of nanoseconds without allocation,
 * costs one {@link LongAdder} increment and the Flight Recorder's enabled check (its event object
 * is never allocated when no recording runs). No event object is made before Flight Recorder
 * starts in the JVM ({@link #recorderStarted}): the first event class loaded brings up the
 * recorder's own machinery, some 200 classes and tens of milliseconds on a resolver's first
 * question, for events no recording can want yet. Every other question is counted once more as a
 * whole by {@link #answered}; their sum is the question count, so the hit needs no second counter.
 *
 * <p>{@link #disabled()} counts nothing and records no events, for a resolver built with
 * {@code recordMetrics(false)}.
 */
public final class ResolverMetrics {

  private static final int KINDS = 3;
  private static final int ANSWER = 0;
  private static final int NODATA = 1;
  private static final int NXDOMAIN = 2;

  private final boolean enabled;
  private final Ticker clock;
  /** By outcome kind (answer, NODATA, NXDOMAIN): questions the resolution cache answered. */
  private final LongAdder[] resolutionCacheHits = adders(KINDS);
  /** By outcome kind and failure reason: every other question's outcome. */
  private final LongAdder[] outcomes = adders(KINDS);
  private final LongAdder[] failures = adders(FailureReason.values().length);
  /** Those of the other questions that needed no upstream query. */
  private final LongAdder otherHits = new LongAdder();
  private final LongAdder staleAnswers = new LongAdder();
  private final LongAdder prefetches = new LongAdder();
  private final LongAdder prefetchesSkipped = new LongAdder();
  private final LongAdder inFlight = new LongAdder();
  private final LongAdder upstreamQueries = new LongAdder();
  private final LongAdder udp = new LongAdder();
  private final LongAdder tcp = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder[] latency = adders(LatencyHistogram.BUCKETS);
  private final LongAdder latencyNanos = new LongAdder();

  private ResolverMetrics(boolean enabled, Ticker clock) {
    this.enabled = enabled;
    this.clock = clock;
  }

  /** Counting, with resolution times read from {@code clock}, the resolver's monotonic time. */
  public static ResolverMetrics recording(Ticker clock) {
    return new ResolverMetrics(true, clock);
  }

  /** Counting nothing: every snapshot reads zero. */
  public static ResolverMetrics disabled() {
    return new ResolverMetrics(false, Ticker.disabledTicker());
  }

  /** A question answered by the resolution cache: the hot path, one increment. */
  public void resolutionCacheHit(Resolution hit) {
    if (enabled) {
      resolutionCacheHits[kind(hit)].increment();
      if (recorderStarted()) {
        new ResolutionEvent().commit(hit, ResolutionEvent.RESOLUTION_CACHE);
      }
    }
  }

  /**
   * A question answered at hand, without a resolution of its own: a special-use name, a closed
   * resolver, or (with {@code shared}) another caller's resolution of the same question.
   */
  public Resolution answered(Resolution outcome, boolean shared) {
    if (enabled) {
      count(outcome);
      if (recorderStarted()) {
        new ResolutionEvent().commit(outcome, shared ? ResolutionEvent.SHARED : ResolutionEvent.AT_HAND);
      }
    }
    return outcome;
  }

  /** A question the resolver iterates: in flight until its {@link Flight#finished}. */
  public Flight resolutionStarted() {
    if (!enabled) {
      return Flight.UNCOUNTED;
    }
    inFlight.increment();
    ResolutionEvent event = null;
    if (recorderStarted()) {
      event = new ResolutionEvent();
      event.begin();
    }
    return new Flight(this, clock.read(), event);
  }

  /**
   * An iterated resolution under way; {@link #finished} once, before its caller sees the outcome,
   * or right after, once {@link #handedOver} noted when that caller got it: its time and its event
   * end at the hand-over either way.
   */
  public static final class Flight {

    static final Flight UNCOUNTED = new Flight(null, 0, null);

    private final ResolverMetrics metrics;
    private final long startNanos;
    /** Null when Flight Recorder had not started as the resolution began. */
    private final ResolutionEvent event;
    /** Whether {@link #handedOver} was noted, and when; read by {@link #finished} on the same thread. */
    private boolean handedOver;
    private long handedOverNanos;

    private Flight(ResolverMetrics metrics, long startNanos, ResolutionEvent event) {
      this.metrics = metrics;
      this.startNanos = startNanos;
      this.event = event;
    }

    /**
     * The outcome is being handed to its caller now, and {@link #finished} comes after: the
     * resolution is timed, and its event ended, here.
     */
    public void handedOver() {
      if (metrics == null) {
        return;
      }
      handedOver = true;
      handedOverNanos = metrics.clock.read();
      if (event != null) {
        event.end();
      }
    }

    /** The resolution ended with {@code outcome}: counted, timed and recorded. */
    public void finished(Resolution outcome) {
      if (metrics == null) {
        return;
      }
      metrics.inFlight.decrement();
      long nanos = Math.max(0, (handedOver ? handedOverNanos : metrics.clock.read()) - startNanos);
      metrics.latency[LatencyHistogram.bucketOf(nanos)].increment();
      metrics.latencyNanos.add(nanos);
      metrics.count(outcome);
      if (event != null) {
        if (!handedOver) {
          event.end();
        }
        event.commit(outcome, ResolutionEvent.ITERATED);
      }
    }
  }

  /**
   * A query sent to {@code server} as a server of {@code zone}; {@code retry} when that server
   * gave no reply to an earlier query of the resolution. Returns {@code reply}, recorded while a
   * Flight Recorder recording runs; whoever takes the reply in counts its end ({@link
   * #exchangeEnded}) before anything that depends on it runs, in the same stage: one more stage
   * here would be a dependent's completion between each upstream reply and the work it starts.
   */
  public CompletableFuture<Message> exchange(InetSocketAddress server, Name zone, Name name, int type,
      boolean retry, CompletableFuture<Message> reply) {
    if (!enabled) {
      return reply;
    }
    upstreamQueries.increment();
    if (retry) {
      retries.increment();
    }
    return recorderStarted() ? ExchangeEvent.recorded(server, zone, name, type, retry, reply) : reply;
  }

  /**
   * An exchange {@link #exchange} counted ended, with {@code failure} or (null) a reply: counted
   * as a timeout when it timed out.
   */
  public void exchangeEnded(Throwable failure) {
    if (enabled && cause(failure) instanceof TimeoutException) {
      timeouts.increment();
    }
  }

  /** What ended an exchange: its future's failure, unwrapped; null for a reply. */
  static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  /** A query the built-in transport sent over UDP. */
  public void udpQuery() {
    if (enabled) {
      udp.increment();
    }
  }

  /** A query the built-in transport sent again over TCP after a truncated reply. */
  public void tcpQuery() {
    if (enabled) {
      tcp.increment();
    }
  }

  /** A prefetch refresh started. */
  public void prefetchStarted() {
    if (enabled) {
      prefetches.increment();
    }
  }

  /** A prefetch refresh that was due but not started: the most that may run at once ran. */
  public void prefetchSkipped() {
    if (enabled) {
      prefetchesSkipped.increment();
    }
  }

  /** The resolution cache's hits as the cache's own statistics count them: answers, negatives. */
  public CacheStats withResolutionCacheHits(CacheStats rrsetStats) {
    return rrsetStats.withResolutionHits(resolutionCacheHits[ANSWER].sum(),
        resolutionCacheHits[NODATA].sum() + resolutionCacheHits[NXDOMAIN].sum());
  }

  /** How many prefetch refreshes were started. */
  public long prefetches() {
    return prefetches.sum();
  }

  /** The counters now, with the sizes of the caches as the resolver reads them. */
  public MetricsSnapshot snapshot(CacheStats rrsets, long resolutionEntries, long resolutionBytes) {
    long cacheHits = sum(resolutionCacheHits);
    long others = sum(outcomes) + sum(failures);
    long otherHitCount = otherHits.sum();
    MetricsSnapshot.Questions questions = new MetricsSnapshot.Questions(cacheHits + others,
        cacheHits + otherHitCount, others - otherHitCount, cacheHits, prefetches.sum(),
        prefetchesSkipped.sum(), staleAnswers.sum(), inFlight.sum());
    MetricsSnapshot.Upstream upstream = new MetricsSnapshot.Upstream(upstreamQueries.sum(), udp.sum(), tcp.sum(),
        timeouts.sum(), retries.sum());
    Map<FailureReason, Long> byReason = new EnumMap<>(FailureReason.class);
    for (FailureReason reason : FailureReason.values()) {
      byReason.put(reason, failures[reason.ordinal()].sum());
    }
    MetricsSnapshot.Outcomes outcomeCounts = new MetricsSnapshot.Outcomes(
        outcomes[ANSWER].sum() + resolutionCacheHits[ANSWER].sum(),
        outcomes[NODATA].sum() + resolutionCacheHits[NODATA].sum(),
        outcomes[NXDOMAIN].sum() + resolutionCacheHits[NXDOMAIN].sum(), byReason);
    long[] buckets = new long[LatencyHistogram.BUCKETS];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = latency[i].sum();
    }
    return new MetricsSnapshot(questions, upstream, outcomeCounts,
        new LatencyHistogram(buckets, latencyNanos.sum()),
        new MetricsSnapshot.Caches(rrsets.entries(), rrsets.estimatedBytes(), resolutionEntries, resolutionBytes));
  }

  /**
   * Whether Flight Recorder has started in this JVM (at launch, by {@code jcmd JFR.start} or a
   * {@code Recording}): before that no recording can want an event.
   */
  private static boolean recorderStarted() {
    return FlightRecorder.isInitialized();
  }

  /** One question's outcome, other than a resolution-cache hit's. */
  private void count(Resolution outcome) {
    if (outcome instanceof Resolution.Failure failure) {
      failures[failure.reason().ordinal()].increment();
    } else {
      outcomes[kind(outcome)].increment();
    }
    if (outcome.upstreamQueries() == 0) {
      otherHits.increment();
    }
    if (!outcome.diagnostics().isEmpty()
        && outcome.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Oddity.STALE_ANSWER)) {
      staleAnswers.increment();
    }
  }

  private static int kind(Resolution outcome) {
    return switch (outcome) {
      case Resolution.Answer answer -> ANSWER;
      case Resolution.NoData noData -> NODATA;
      case Resolution.NxDomain nxDomain -> NXDOMAIN;
      case Resolution.Failure failure -> throw new IllegalArgumentException("a failure has no kind: " + failure);
    };
  }

  private static LongAdder[] adders(int count) {
    LongAdder[] adders = new LongAdder[count];
    for (int i = 0; i < count; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }

  private static long sum(LongAdder[] adders) {
    long sum = 0;
    for (LongAdder adder : adders) {
      sum += adder.sum();
    }
    return sum;
  }
}
