package org.dnschase.resolver.internal.iterate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.dnschase.resolver.Resolution;

/**
 * Ends each resolution at its deadline, wherever its work is: waiting for a server, in a
 * name-server look-up, or busy with a reply on the transport's thread. One timer thread per
 * resolver, started on the first resolution that has to wait and ended when idle or closed; an
 * alarm is cancelled (and removed) as soon as its resolution completes.
 */
final class Deadlines implements AutoCloseable {

  /** How long the timer thread outlives its last alarm: long enough for a busy resolver to keep it. */
  private static final long IDLE_SECONDS = 10;

  private final ScheduledThreadPoolExecutor timer;
  /** The timer's thread, the latest it started: one at a time. */
  private volatile Thread timerThread;

  Deadlines() {
    timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "dnschase-deadlines");
      thread.setDaemon(true);
      timerThread = thread;
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    timer.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
  }

  /**
   * Completes {@code resolution} with what {@code atDeadline} gives, in {@code delayNanos}, unless
   * it completed before or {@code atDeadline} gives null.
   */
  void arm(CompletableFuture<Resolution> resolution, long delayNanos, Supplier<Resolution> atDeadline) {
    ScheduledFuture<?> alarm;
    try {
      alarm = timer.schedule(() -> {
        if (!resolution.isDone()) {
          Resolution outcome = atDeadline.get();
          if (outcome != null) {
            resolution.complete(outcome);
          }
        }
      }, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      return; // the resolver is closing: close() ends the resolution
    }
    resolution.whenComplete((done, error) -> alarm.cancel(false));
  }

  /**
   * Stops the timer and waits for its thread to end, so that a closed resolver leaves no thread
   * running; pending alarms are dropped (closing ends their resolutions). Called on the timer's
   * own thread (an alarm's callback closing the resolver), it cannot wait for itself.
   */
  @Override
  public void close() {
    timer.shutdownNow();
    Thread thread = timerThread;
    if (thread == null || thread == Thread.currentThread()) {
      return;
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
