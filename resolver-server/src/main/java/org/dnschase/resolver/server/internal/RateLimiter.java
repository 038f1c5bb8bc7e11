package org.dnschase.resolver.server.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.time.Duration;

/**
 * Per-client rate limiting: a token bucket per client address, refilled at {@code perSecond}
 * queries a second and holding one second's worth, so a client may burst that many at once. The
 * buckets live in a bounded Caffeine cache and are forgotten after {@link #IDLE} without a
 * query; a client whose bucket was forgotten starts full again, so the bound costs accuracy
 * against a spoofed flood of many addresses, never memory.
 */
public final class RateLimiter {

  /** A bucket is forgotten after this long without a query; it would be full again by then. */
  static final Duration IDLE = Duration.ofSeconds(10);
  /** The most clients tracked at once. */
  static final long MAX_CLIENTS = 100_000;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long perSecond;
  private final Ticker ticker;
  private final Cache<InetAddress, Bucket> buckets;

  /**
   * A limiter of {@code perSecond} queries a second per client address.
   *
   * @param perSecond the rate and the burst, positive
   * @param ticker the time source; tests move a fake one
   */
  public RateLimiter(int perSecond, Ticker ticker) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("the rate limit must be positive, was " + perSecond);
    }
    this.perSecond = perSecond;
    this.ticker = ticker;
    this.buckets = Caffeine.newBuilder().ticker(ticker).expireAfterAccess(IDLE)
        .maximumSize(MAX_CLIENTS).executor(Runnable::run).build();
  }

  /**
   * Takes one query's token from {@code client}'s bucket.
   *
   * @param client the client's address
   * @return false when the client is over its rate
   */
  public boolean tryAcquire(InetAddress client) {
    long now = ticker.read();
    return buckets.get(client, address -> new Bucket(perSecond, now)).tryTake(perSecond, now);
  }

  /** {@return the clients whose buckets are kept now} */
  long clients() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  /** One client's tokens, refilled on each query by the time since its last one. */
  private static final class Bucket {
    private double tokens;
    private long updatedNanos;

    Bucket(long capacity, long now) {
      this.tokens = capacity;
      this.updatedNanos = now;
    }

    synchronized boolean tryTake(long perSecond, long now) {
      tokens = Math.min(perSecond, tokens + (double) (now - updatedNanos) * perSecond / NANOS_PER_SECOND);
      updatedNanos = now;
      if (tokens < 1) {
        return false;
      }
      tokens--;
      return true;
    }
  }
}
