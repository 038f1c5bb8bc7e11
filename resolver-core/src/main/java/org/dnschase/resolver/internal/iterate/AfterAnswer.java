package org.dnschase.resolver.internal.iterate;

import java.util.ArrayList;
import java.util.List;

/**
 * The work a user's question leaves for after its answer (a refresh of what it was answered from),
 * and whether that answer has been handed over: the one who asked never waits for the work. Its
 * methods are called from the resolution's thread and from the callback executor, hence the locks.
 */
final class AfterAnswer {

  private List<Runnable> work = List.of();
  private boolean answered;

  /** Adds {@code task}, started once the answer has been handed over. */
  synchronized void add(Runnable task) {
    if (work.isEmpty()) {
      work = new ArrayList<>(1);
    }
    work.add(task);
  }

  /** The work added so far, emptied. */
  synchronized List<Runnable> take() {
    List<Runnable> taken = work;
    work = List.of();
    return taken;
  }

  /** Notes that the answer has been handed over: the work may start. */
  synchronized void markAnswered() {
    answered = true;
  }

  /** Whether the answer has been handed over. */
  synchronized boolean answered() {
    return answered;
  }
}
