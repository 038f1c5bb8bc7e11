package org.dnschase.resolver.server.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The answers still on their way, each until it is handed to its channel, so that a stopping
 * server can wait for them before it closes the channels they go out on.
 */
public final class InFlight {

  private final Set<CompletableFuture<?>> answers = ConcurrentHashMap.newKeySet();

  /**
   * Tracks {@code answer} until it completes.
   *
   * @param answer completes once the answer was handed to its channel
   */
  public void track(CompletableFuture<?> answer) {
    if (answer.isDone()) {
      return; // a cached answer is handed over before it could be tracked: nothing to wait for
    }
    answers.add(answer);
    answer.whenComplete((done, error) -> answers.remove(answer));
  }

  /**
   * Waits until every answer tracked now has gone out, or {@code grace} has passed.
   *
   * @param grace the longest wait
   * @return whether every answer went out in time
   */
  public boolean awaitAll(Duration grace) {
    CompletableFuture<Void> all = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
    try {
      all.get(grace.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true; // an answer that failed is logged where it failed; it is not waited for
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
