package org.dnschase.resolver.internal.assembly;

import java.time.Duration;
import java.util.Objects;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.internal.Timings;

/**
 * The cache and the clock: a given cache, or the settings of the default one (serve-stale), the
 * one time source, prefetch, and how long a question waits before stale data answers it. A given cache and a given time source must be one clock, since
 * the resolver reads the cache's; serve-stale configures the default cache only.
 */
public final class CacheOptions {

  private final Setting<RRsetCache> cache = new Setting<>("cache");
  private final Setting<Duration> staleWindow = new Setting<>("serveStale");
  private Duration staleAnswerTtl;
  private final Setting<Duration> staleAnswerTimeout = new Setting<>("staleAnswerTimeout");
  private final Setting<TimeSource> timeSource = new Setting<>("timeSource");
  private final Setting<Boolean> prefetch = new Setting<>("prefetch");
  private final Setting<Long> messageCacheBytes = new Setting<>("messageCache");

  CacheOptions() {}

  public void cache(RRsetCache rrsetCache) {
    cache.requireUnset();
    if (staleWindow.isSet()) {
      throw new IllegalStateException("serveStale was set to " + staleWindow.value()
          + ": it configures the default cache; build the given cache with serveStale instead");
    }
    Objects.requireNonNull(rrsetCache, "rrsetCache");
    requireSameTime(timeSource.value(), rrsetCache);
    cache.set(rrsetCache);
  }

  public void serveStale(Duration window, Duration answerTtl) {
    staleWindow.requireUnset();
    if (cache.isSet()) {
      throw new IllegalStateException(
          "a cache was given: build it with serveStale, this setting is for the default cache");
    }
    RRsetCache.builder().serveStale(window, answerTtl); // checks both now, with the cache's message
    staleWindow.set(window);
    staleAnswerTtl = answerTtl;
  }

  public void staleAnswerTimeout(Duration timeout) {
    staleAnswerTimeout.set(Timings.requireNotNegative("staleAnswerTimeout", timeout));
  }

  public void timeSource(TimeSource time) {
    timeSource.requireUnset();
    Objects.requireNonNull(time, "time");
    requireSameTime(time, cache.value());
    timeSource.set(time);
  }

  public void prefetch(boolean enabled) {
    prefetch.set(enabled);
  }

  public void messageCache(long maximumBytes) {
    if (maximumBytes < 1) {
      throw new IllegalArgumentException("messageCache must be at least 1 byte, was " + maximumBytes);
    }
    messageCacheBytes.set(maximumBytes);
  }

  /** {@return the message cache's byte budget, 0 when answers live as long as their RRsets} */
  long messageCacheBytesOrDefault() {
    return messageCacheBytes.orElse(0L);
  }

  /** A given cache and a given time source must be one clock: the resolver reads the cache's. */
  private static void requireSameTime(TimeSource time, RRsetCache rrsetCache) {
    if (time != null && rrsetCache != null && !rrsetCache.timeSource().equals(time)) {
      throw new IllegalStateException("the cache keeps time by " + rrsetCache.timeSource() + ", the timeSource is "
          + time + ": a resolver and its cache must share one time source; build the cache with timeSource(time)");
    }
  }

  /** {@return the given cache, else a new default one on the time source given or the system's} */
  RRsetCache cacheOrDefault() {
    if (cache.isSet()) {
      return cache.value();
    }
    var builder = RRsetCache.builder().timeSource(timeSource.orElse(TimeSource.system())).recordStats();
    return (staleWindow.isSet() ? builder.serveStale(staleWindow.value(), staleAnswerTtl) : builder).build();
  }

  Duration staleAnswerTimeoutOrDefault() {
    return staleAnswerTimeout.orElse(Defaults.STALE_ANSWER_TIMEOUT);
  }

  boolean prefetchOrDefault() {
    return prefetch.orElse(Defaults.PREFETCH);
  }
}
