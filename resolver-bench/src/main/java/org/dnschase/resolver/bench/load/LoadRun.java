package org.dnschase.resolver.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Resolver;

/**
 * Runs a sequence of questions against one resolver, at most {@code concurrency} in flight, until
 * all have completed or the time limit has passed, whichever is first: a run never waits longer.
 */
final class LoadRun {

  /**
   * What the run did.
   *
   * @param submitted resolutions started (fewer than asked only when the time limit cut the run)
   * @param completed resolutions completed when the run ended
   * @param wallNanos from the first start to the last completion or the time limit
   * @param cutByTimeLimit whether the time limit ended the run
   */
  record Result(int submitted, int completed, long wallNanos, boolean cutByTimeLimit) {}

  private LoadRun() {}

  static Result run(Resolver resolver, List<Question> questions, int concurrency, Duration timeLimit,
      Tally tally) throws InterruptedException {
    Semaphore inFlight = new Semaphore(concurrency);
    long start = System.nanoTime();
    long end = start + timeLimit.toNanos();
    int submitted = 0;
    for (Question question : questions) {
      if (!inFlight.tryAcquire(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        break;
      }
      submit(resolver, question, submitted++, tally, inFlight);
    }
    boolean allDone = inFlight.tryAcquire(concurrency, Math.max(0, end - System.nanoTime()),
        TimeUnit.NANOSECONDS);
    return new Result(submitted, tally.completed(), System.nanoTime() - start,
        !allDone || submitted < questions.size());
  }

  private static void submit(Resolver resolver, Question question, int index, Tally tally,
      Semaphore inFlight) {
    long started = System.nanoTime();
    try {
      resolver.resolveAsync(question.name(), question.type()).whenComplete((outcome, thrown) -> {
        tally.record(index, question, outcome, thrown, System.nanoTime() - started);
        inFlight.release();
      });
    } catch (RuntimeException e) { // the API door refused the question: that is an outcome too
      tally.record(index, question, null, e, System.nanoTime() - started);
      inFlight.release();
    }
  }
}
