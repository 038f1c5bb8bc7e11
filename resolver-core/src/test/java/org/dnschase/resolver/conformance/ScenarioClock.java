package org.dnschase.resolver.conformance;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The scenario's clock: it stands still except when a TIME_PASSES step moves it (FORMAT §7.4). */
final class ScenarioClock implements Ticker {

  private final AtomicLong nanos = new AtomicLong();

  @Override
  public long read() {
    return nanos.get();
  }

  void advance(Duration elapse) {
    nanos.addAndGet(elapse.toNanos());
  }
}
