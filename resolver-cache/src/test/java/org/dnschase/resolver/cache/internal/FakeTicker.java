package org.dnschase.resolver.cache.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.cache.TimeSource;

/** A time source (and Caffeine ticker) that moves only when a test moves it. */
public final class FakeTicker implements Ticker, TimeSource {

  /** An arbitrary start far from 0, so code that confuses instants and durations shows. */
  private static final long START_NANOS = Duration.ofDays(42).toNanos() + 123_456_789L;

  private final AtomicLong nanos = new AtomicLong(START_NANOS);

  @Override
  public long read() {
    return nanos.get();
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  /** Wall-clock time moves with the counter, from the epoch. */
  @Override
  public Instant instant() {
    return Instant.EPOCH.plusNanos(nanos.get());
  }

  public FakeTicker advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
    return this;
  }

  public FakeTicker advanceSeconds(long seconds) {
    return advance(Duration.ofSeconds(seconds));
  }

  public FakeTicker advanceNanos(long delta) {
    nanos.addAndGet(delta);
    return this;
  }
}
