package org.dnschase.resolver.internal.iterate;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A Caffeine {@link Ticker} that only moves when a test says so. */
final class FakeTicker implements Ticker {

  private final AtomicLong nanos = new AtomicLong();

  @Override
  public long read() {
    return nanos.get();
  }

  FakeTicker advance(Duration time) {
    nanos.addAndGet(time.toNanos());
    return this;
  }

  /** The time passed since the ticker was made. */
  Duration elapsed() {
    return Duration.ofNanos(nanos.get());
  }
}
