package org.dnschase.resolver.internal.assembly;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.dnschase.resolver.Defaults;

/**
 * What a caller gets besides the outcome, and where: traces, metrics and Flight Recorder events,
 * and the executor on which the futures of resolutions that needed the network complete.
 */
public final class ReportingOptions {

  private final Setting<Boolean> recordTrace = new Setting<>("recordTrace");
  private final Setting<Boolean> recordMetrics = new Setting<>("recordMetrics");
  private final Setting<Executor> callbackExecutor = new Setting<>("callbackExecutor");

  ReportingOptions() {}

  public void recordTrace(boolean enabled) {
    recordTrace.set(enabled);
  }

  public void recordMetrics(boolean enabled) {
    recordMetrics.set(enabled);
  }

  public void callbackExecutor(Executor executor) {
    callbackExecutor.requireUnset();
    callbackExecutor.set(Objects.requireNonNull(executor, "executor"));
  }

  boolean recordTraceOrDefault() {
    return recordTrace.orElse(Defaults.RECORD_TRACE);
  }

  boolean recordMetricsOrDefault() {
    return recordMetrics.orElse(Defaults.RECORD_METRICS);
  }

  /** {@return the executor given, else the common pool, as Caffeine's} */
  Executor callbackExecutorOrDefault() {
    return callbackExecutor.orElse(ForkJoinPool.commonPool());
  }
}
