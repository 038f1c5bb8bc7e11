package org.dnschase.resolver.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.dnschase.resolver.cache.internal.CacheSettings;
import org.dnschase.resolver.cache.internal.CaffeineRRsetCache;

/**
 * Configures and builds an {@link RRsetCache}. Get one from {@link RRsetCache#builder()}.
 *
 * <p>Every setter checks its argument on the spot and may be called once: a bad value is an
 * {@link IllegalArgumentException}, a second call an {@link IllegalStateException}, each naming
 * the setting and the conflict. A builder is not thread-safe; each {@link #build()} returns a new,
 * independent cache.
 *
 * <p>TTLs are whole seconds, as in DNS, and at most {@value #MAX_TTL_SECONDS} seconds (RFC 2181
 * §8).
 */
public final class RRsetCacheBuilder {

  /**
   * 32 MiB. Unbound's default {@code rrset-cache-size} is 4 MB of packed wire data; dnsjava objects
   * take several times more heap per record, so the default budget is larger.
   */
  public static final long DEFAULT_MAXIMUM_BYTES = 32L << 20;

  /**
   * One day, Unbound's {@code cache-max-ttl} default (86400 s); BIND's {@code max-cache-ttl} is 7
   * days.
   */
  public static final Duration DEFAULT_MAX_TTL = Duration.ofDays(1);

  /** One hour, Unbound's {@code cache-max-negative-ttl} default (3600); BIND's is 3 hours. */
  public static final Duration DEFAULT_MAX_NEGATIVE_TTL = Duration.ofHours(1);

  /** Zero: TTLs are kept as the zone owner set them. */
  public static final Duration DEFAULT_MIN_TTL = Duration.ZERO;

  /**
   * One day, how long expired data is kept to be served stale once {@link #serveStale()} is on.
   * RFC 8767 §5 suggests 1 to 3 days; Unbound's {@code serve-expired-ttl} is 1 day too.
   */
  public static final Duration DEFAULT_STALE_WINDOW = Duration.ofDays(1);

  /** The largest TTL a DNS record can carry: 2^31 - 1 seconds (RFC 2181 §8). */
  public static final long MAX_TTL_SECONDS = 0x7FFF_FFFFL;

  private long maximumBytes = -1;
  private Duration maxTtl;
  private Duration maxNegativeTtl;
  private Duration minTtl;
  private Duration staleWindow;
  private Duration staleAnswerTtl;
  private TimeSource timeSource;
  private Executor executor;
  private boolean recordStats;
  private boolean originalTtl;
  private boolean renewStale;

  RRsetCacheBuilder() {}

  /**
   * The byte budget: the estimated heap size of all entries, each weighed by what it really holds
   * (records, RDATA, names, signatures). Beyond it Caffeine evicts the entries least likely to be
   * used again. A resolver built on the cache sizes what it keeps beside it (finished resolutions,
   * glue, server state) as shares of this budget, about 0.4 of it in all. Default {@link
   * #DEFAULT_MAXIMUM_BYTES}.
   *
   * @param bytes the budget in bytes, positive
   * @return this builder
   */
  public RRsetCacheBuilder maximumBytes(long bytes) {
    requireUnset("maximumBytes", maximumBytes == -1 ? null : maximumBytes);
    if (bytes <= 0) {
      throw new IllegalArgumentException("maximumBytes must be positive but was " + bytes);
    }
    this.maximumBytes = bytes;
    return this;
  }

  /**
   * The cap on a positive TTL, at least one second. Default {@link #DEFAULT_MAX_TTL}.
   *
   * @param ttl the cap
   * @return this builder
   */
  public RRsetCacheBuilder maxTtl(Duration ttl) {
    requireUnset("maxTtl", maxTtl);
    requireTtl("maxTtl", ttl);
    if (ttl.isZero()) {
      throw new IllegalArgumentException("maxTtl must be at least 1 second but was " + ttl);
    }
    if (minTtl != null && minTtl.compareTo(ttl) > 0) {
      throw new IllegalArgumentException("maxTtl (" + ttl + ") is below minTtl (" + minTtl + ")");
    }
    this.maxTtl = ttl;
    return this;
  }

  /**
   * The cap on a negative TTL (RFC 2308 §5). Zero turns negative caching off. Default {@link
   * #DEFAULT_MAX_NEGATIVE_TTL}.
   *
   * @param ttl the cap, zero or more
   * @return this builder
   */
  public RRsetCacheBuilder maxNegativeTtl(Duration ttl) {
    requireUnset("maxNegativeTtl", maxNegativeTtl);
    requireTtl("maxNegativeTtl", ttl);
    this.maxNegativeTtl = ttl;
    return this;
  }

  /**
   * The floor for a positive TTL: shorter TTLs are raised to it, 0 included: a TTL of 0 means
   * "do not cache" (RFC 1035 §3.2.1) only while no floor is set, as with Unbound's cache-min-ttl
   * and Knot Resolver's min_ttl. Negative TTLs have no floor, but a
   * NODATA that came without SOA (and so without TTL) is kept for this long, and not at all
   * while it is 0 ({@link RRsetCache#putNoData}). Default {@link #DEFAULT_MIN_TTL}.
   *
   * @param ttl the floor, zero or more
   * @return this builder
   */
  public RRsetCacheBuilder minTtl(Duration ttl) {
    requireUnset("minTtl", minTtl);
    requireTtl("minTtl", ttl);
    if (maxTtl != null && ttl.compareTo(maxTtl) > 0) {
      throw new IllegalArgumentException("minTtl (" + ttl + ") exceeds maxTtl (" + maxTtl + ")");
    }
    this.minTtl = ttl;
    return this;
  }

  /**
   * Keeps entries for {@link #DEFAULT_STALE_WINDOW} past their TTL, to be served stale; see
   * {@link #serveStale(Duration)}.
   *
   * @return this builder
   */
  public RRsetCacheBuilder serveStale() {
    return serveStale(DEFAULT_STALE_WINDOW);
  }

  /**
   * Keeps entries for {@code window} past their TTL so that a resolver that cannot reach any
   * server may still answer from them (RFC 8767, "serve-stale"). Normal lookups never see such
   * entries; only {@link RRsetCache#lookupStale} does, and it answers with a TTL of {@link
   * RRsetCache#STALE_TTL 30 seconds}. Stale entries count against the byte budget. Off by default.
   *
   * @param window how long past their TTL entries are kept, positive
   * @return this builder
   */
  public RRsetCacheBuilder serveStale(Duration window) {
    return serveStale(window, RRsetCache.STALE_TTL);
  }

  /**
   * As {@link #serveStale(Duration)}, with stale answers carrying {@code answerTtl}, or the data's
   * own TTL where that is shorter: a stale answer never promises more than the zone gave the data
   * (Unbound's {@code serve-expired-reply-ttl}).
   *
   * @param window how long past their TTL entries are kept, positive
   * @param answerTtl the TTL of stale answers, at least 1 second
   * @return this builder
   */
  public RRsetCacheBuilder serveStale(Duration window, Duration answerTtl) {
    requireUnset("serveStale", staleWindow);
    requireTtl("serveStale", window);
    requireTtl("serveStale answer TTL", answerTtl);
    if (window.isZero()) {
      throw new IllegalArgumentException("serveStale window must be at least 1 second but was 0");
    }
    if (answerTtl.isZero()) {
      throw new IllegalArgumentException("serveStale answer TTL must be at least 1 second but was 0");
    }
    this.staleWindow = window;
    this.staleAnswerTtl = answerTtl;
    return this;
  }

  /**
   * Lets {@link RRsetCache#renewStale} renew expired data after an upstream failure, so it may be
   * served stale for another window from then (Unbound's {@code serve-expired-ttl-reset}): data
   * stays available as long as it is asked for and upstream fails, where otherwise it goes at the
   * end of its window. Expired data is then held for {@link #DEFAULT_STALE_WINDOW} past its TTL,
   * or the window where that is longer, to be renewable, and counts against the byte budget
   * meanwhile. Needs {@link #serveStale(Duration)}; off by default.
   *
   * @return this builder
   */
  public RRsetCacheBuilder renewStaleOnFailure() {
    if (renewStale) {
      throw new IllegalStateException("renewStaleOnFailure was already set");
    }
    this.renewStale = true;
    return this;
  }

  /**
   * Answers carry the TTL the data came with, as its server gave it, instead of the time it has
   * left (Unbound's {@code serve-original-ttl}), live or stale: for a cache in front of hidden
   * authoritative servers, whose clients should see the zone's own TTLs. How long data is kept
   * does not change: it still counts down, within the TTL floor and caps. Off by default (RFC 1035
   * §3.2.1: a cached record's TTL counts down).
   *
   * @return this builder
   */
  public RRsetCacheBuilder serveOriginalTtl() {
    if (originalTtl) {
      throw new IllegalStateException("serveOriginalTtl was already set");
    }
    this.originalTtl = true;
    return this;
  }

  /**
   * The time source: Caffeine's expiry and the remaining TTLs handed out both follow its
   * monotonic time, so a test that moves it sees both; a resolver built on the cache takes its
   * time from it too. Default {@link TimeSource#system()}.
   *
   * @param time the time source
   * @return this builder
   */
  public RRsetCacheBuilder timeSource(TimeSource time) {
    requireUnset("timeSource", timeSource);
    this.timeSource = Objects.requireNonNull(time, "timeSource");
    return this;
  }

  /**
   * Where Caffeine runs its maintenance (expiry, eviction). Default: the calling thread
   * ({@code Runnable::run}). Maintenance is a few amortised steps after a write, and a resolution
   * writes a few dozen RRsets in a burst: waking a pool thread for each costs more than the work
   * itself (a cold chain took a third longer with Caffeine's {@code ForkJoinPool.commonPool()},
   * resolver-bench/RESULTS.md). Give an executor to keep writers free of eviction work.
   *
   * @param executor where maintenance runs
   * @return this builder
   */
  public RRsetCacheBuilder executor(Executor executor) {
    requireUnset("executor", this.executor);
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * Keeps the counters of {@link CacheStats}; off by default, as in Caffeine.
   *
   * @return this builder
   */
  public RRsetCacheBuilder recordStats() {
    if (recordStats) {
      throw new IllegalStateException("recordStats was already set");
    }
    this.recordStats = true;
    return this;
  }

  /**
   * A new cache with this configuration.
   *
   * @return the cache
   * @throws IllegalStateException if {@code minTtl} exceeds the default {@code maxTtl}, or
   *     {@code renewStaleOnFailure} was set without {@code serveStale}
   */
  public RRsetCache build() {
    if (renewStale && staleWindow == null) {
      throw new IllegalStateException("renewStaleOnFailure renews stale data, which needs serveStale as well");
    }
    Duration max = maxTtl == null ? DEFAULT_MAX_TTL : maxTtl;
    Duration min = minTtl == null ? DEFAULT_MIN_TTL : minTtl;
    if (min.compareTo(max) > 0) {
      throw new IllegalStateException(
          "minTtl (" + min + ") exceeds the default maxTtl (" + max + "); set maxTtl as well");
    }
    Duration maxNegative = maxNegativeTtl == null ? DEFAULT_MAX_NEGATIVE_TTL : maxNegativeTtl;
    return new CaffeineRRsetCache(
        new CacheSettings(
            maximumBytes == -1 ? DEFAULT_MAXIMUM_BYTES : maximumBytes,
            max.toSeconds(),
            maxNegative.toSeconds(),
            min.toSeconds(),
            staleWindow == null ? 0 : staleWindow.toSeconds(),
            staleAnswerTtl == null ? RRsetCache.STALE_TTL.toSeconds() : staleAnswerTtl.toSeconds(),
            timeSource == null ? TimeSource.system() : timeSource,
            executor == null ? Runnable::run : executor,
            recordStats,
            originalTtl,
            renewStale ? Math.max(staleWindow.toSeconds(), DEFAULT_STALE_WINDOW.toSeconds())
                : staleWindow == null ? 0 : staleWindow.toSeconds()));
  }

  private static void requireUnset(String setting, Object current) {
    if (current != null) {
      throw new IllegalStateException(setting + " was already set to " + current);
    }
  }

  private static void requireTtl(String setting, Duration ttl) {
    Objects.requireNonNull(ttl, setting);
    if (ttl.isNegative()) {
      throw new IllegalArgumentException(setting + " must not be negative but was " + ttl);
    }
    if (ttl.getNano() != 0) {
      throw new IllegalArgumentException(
          setting + " must be whole seconds, as DNS TTLs are, but was " + ttl);
    }
    if (ttl.getSeconds() > MAX_TTL_SECONDS) {
      throw new IllegalArgumentException(
          setting + " must be at most " + MAX_TTL_SECONDS + " seconds (RFC 2181 §8) but was "
              + ttl);
    }
  }
}
