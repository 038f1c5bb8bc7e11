package org.dnschase.resolver.internal.servers;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A Caffeine {@link Ticker} that only moves when a test says so. */
public final class FakeTicker implements Ticker {

  private final AtomicLong nanos = new AtomicLong();

  @Override
  public long read() {
    return nanos.get();
  }

  public FakeTicker advance(Duration time) {
    nanos.addAndGet(time.toNanos());
    return this;
  }

  /** The time passed since the ticker was made. */
  public Duration elapsed() {
    return Duration.ofNanos(nanos.get());
  }
}
