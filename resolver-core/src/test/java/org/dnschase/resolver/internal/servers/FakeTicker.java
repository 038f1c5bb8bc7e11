package org.dnschase.resolver.internal.servers;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.cache.TimeSource;

/** A time source (and Caffeine {@link Ticker}) that only moves when a test says so. */
public final class FakeTicker implements Ticker, TimeSource {

  private final AtomicLong nanos = new AtomicLong();

  @Override
  public long read() {
    return nanos.get();
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public Instant instant() {
    return Instant.EPOCH.plusNanos(nanos.get());
  }

  public FakeTicker advance(Duration time) {
    nanos.addAndGet(time.toNanos());
    return this;
  }

  public FakeTicker advanceSeconds(long seconds) {
    return advance(Duration.ofSeconds(seconds));
  }

  /** The time passed since the ticker was made. */
  public Duration elapsed() {
    return Duration.ofNanos(nanos.get());
  }
}
