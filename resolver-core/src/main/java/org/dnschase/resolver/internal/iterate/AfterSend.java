package org.dnschase.resolver.internal.iterate;

import java.util.ArrayList;
import java.util.List;

/**
 * The work of a reply's step that does not decide the query sent next: caching what that query's
 * choice does not read, bookkeeping that only later questions use. It runs right after the next
 * query's send, while the server works on it, instead of before it; when the step leads anywhere
 * else, it runs before any handler that could read what it writes (the driver's rule, {@link
 * QueryState#defersInto}, and {@link QueryTargetsStep}'s ways out that send nothing). So by the
 * time the driver leaves a step, the cache holds what it would have held without the wait. Unbound's
 * iterator stores a reply before it sends the next query: only the order within one step on one
 * thread changes, the server's round trip hiding the work that used to delay the query.
 */
final class AfterSend {

  /** Null until something is deferred: most steps defer nothing. */
  private List<Runnable> work;

  /**
   * Keeps {@code task} for after the next query's send; tasks run in the order they were kept. A
   * task may write only what neither {@link QueryTargetsStep} up to its send nor {@link InitStep} at
   * the target of an alias whose owner is not above it reads.
   */
  void defer(Runnable task) {
    if (work == null) {
      work = new ArrayList<>(4);
    }
    work.add(task);
  }

  /**
   * Runs the work kept, in order, now. A task that throws ends the query as an internal error, as
   * it did before it waited: the failure of the handler that runs it, which the driver reports.
   */
  void run() {
    Runnable due = take();
    if (due != null) {
      due.run();
    }
  }

  /**
   * The work kept, as one task that runs it in order, and no longer kept here: for a step that
   * ends its query, whose caching may wait until the answer is handed over ({@link AfterAnswer}).
   *
   * @return the task, or null when nothing was kept
   */
  Runnable take() {
    if (work == null || work.isEmpty()) {
      return null;
    }
    List<Runnable> due = work;
    work = null;
    return () -> due.forEach(Runnable::run);
  }
}
