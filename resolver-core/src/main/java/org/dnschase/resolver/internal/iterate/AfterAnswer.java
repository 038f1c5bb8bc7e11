package org.dnschase.resolver.internal.iterate;

import java.util.ArrayList;
import java.util.List;

/**
 * The work a user's question leaves for after its answer (a refresh of what it was answered from),
 * and whether that answer has been handed over: the one who asked never waits for the work. For a
 * caller who takes the answer before the resolution cache keeps it, also the caching of the last
 * reply, which decides nothing of that answer. Its methods are called from the resolution's thread
 * and from the callback executor, hence the locks.
 */
final class AfterAnswer {

  private List<Runnable> work = List.of();
  private boolean answered;
  private boolean handedOverFirst;
  /** The last reply's caching, left for after the hand-over; null when none is left. */
  private Runnable caching;

  /** Notes, before the query runs, that its caller takes the answer before the resolution cache keeps it. */
  synchronized void handOverFirst() {
    handedOverFirst = true;
  }

  /** Whether the caller takes the answer before the resolution cache keeps it. */
  synchronized boolean handedOverFirst() {
    return handedOverFirst;
  }

  /** Leaves {@code task}, the last reply's caching, for right after the answer's hand-over. */
  synchronized void leaveCaching(Runnable task) {
    caching = task;
  }

  /** The caching left, no longer left; null when none is. */
  synchronized Runnable takeCaching() {
    Runnable taken = caching;
    caching = null;
    return taken;
  }

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
