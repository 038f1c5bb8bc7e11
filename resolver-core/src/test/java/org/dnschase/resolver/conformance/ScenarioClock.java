package org.dnschase.resolver.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.cache.TimeSource;

/**
 * The scenario's clock: it stands still except when a TIME_PASSES step moves it (FORMAT §7.4).
 * Wall-clock time starts at the scenario's {@code val-override-date} (or timestamp), else at the
 * moment the run began, and moves with it.
 */
final class ScenarioClock implements TimeSource {

  private final Instant start;
  private final AtomicLong nanos = new AtomicLong();

  ScenarioClock(Instant start) {
    this.start = start;
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public Instant instant() {
    return start.plusNanos(nanos.get());
  }

  void advance(Duration elapse) {
    nanos.addAndGet(elapse.toNanos());
  }
}
