package org.dnschase.resolver.server.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The answers still on their way, each until it is handed to its channel, so that a stopping
 * server can wait for them before it closes the channels they go out on, and answer those it
 * stops waiting for ({@link #answerStopping}).
 */
public final class InFlight {

  private final Map<CompletableFuture<?>, QueryHandler.Later> answers = new ConcurrentHashMap<>();

  /**
   * Tracks {@code answer} until it completes.
   *
   * @param later the answer on its way, or null when it was there at once
   * @param answer completes once the answer was handed to its channel
   */
  public void track(QueryHandler.Later later, CompletableFuture<?> answer) {
    if (later == null || answer.isDone()) {
      return; // handed over before it could be tracked: nothing to wait for
    }
    answers.put(answer, later);
    answer.whenComplete((done, error) -> answers.remove(answer));
  }

  /**
   * Waits until every answer tracked now has gone out, or {@code grace} has passed.
   *
   * @param grace the longest wait
   * @return whether every answer went out in time
   */
  public boolean awaitAll(Duration grace) {
    CompletableFuture<Void> all = CompletableFuture.allOf(answers.keySet().toArray(CompletableFuture[]::new));
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

  /**
   * Answers every question still owed SERVFAIL "the server is stopping" ({@link
   * QueryHandler.Later#answerStopping}), handing each answer to its channel before it closes.
   *
   * @return how many questions were answered so
   */
  public int answerStopping() {
    int answered = 0;
    for (QueryHandler.Later later : List.copyOf(answers.values())) {
      if (later.answerStopping()) {
        answered++;
      }
    }
    return answered;
  }
}
