package org.dnschase.resolver.internal.iterate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.TraceEvent;

/**
 * What one resolution saw, shared with its name-server look-ups: the diagnostics always, the trace
 * only when asked for, so an untraced resolution allocates nothing for it, and the root's priming
 * it went on beside until that is reported. Synchronized: the deadline's timer reads it (see
 * {@link Deadlines}) while the query's thread may still write.
 */
final class Journal {

  private final List<Diagnostic> diagnostics = new ArrayList<>(0);
  private final List<TraceEvent> trace;
  /**
   * The priming this resolution started or joined and went on beside without waiting, until the
   * resolution saw it end and took it in ({@link #takeInEnded}); null when there is none. Volatile:
   * each step of the resolution reads it, the deadline's timer too.
   */
  private volatile Primings.Priming beside;

  Journal(boolean tracing) {
    this.trace = tracing ? new ArrayList<>() : null;
  }

  synchronized void report(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  synchronized void reportAll(List<Diagnostic> found) {
    diagnostics.addAll(found);
  }

  /**
   * Adds what {@code priming}, a priming this resolution waited for or went on beside, saw; its
   * trace only when tracing.
   */
  void absorb(Journal priming) {
    List<Diagnostic> seen = priming.diagnostics();
    List<TraceEvent> traced = priming.trace();
    synchronized (this) {
      diagnostics.addAll(seen);
      if (trace != null) {
        trace.addAll(traced);
      }
    }
  }

  /**
   * Notes that the resolution goes on beside {@code priming} (the root's, which it started or
   * joined) without waiting for it; one at a time: a resolution's look-ups join the same one.
   */
  synchronized void goOnBeside(Primings.Priming priming) {
    if (beside == null) {
      beside = priming;
    }
  }

  /** The priming the resolution goes on beside and has not taken in yet; null when none. */
  Primings.Priming beside() {
    return beside;
  }

  /**
   * Takes in the priming the resolution went on beside, once it ended: {@code takeIn} gets its
   * query (to count and report its work as the resolution's), once, under this journal's lock, so
   * that an outcome the deadline's timer builds meanwhile ({@link #toReport}) has it either taken
   * in or under way, never both. Does nothing while it is under way, or when there is none.
   */
  void takeInEnded(Consumer<Query> takeIn) {
    Primings.Priming priming = beside;
    if (priming == null || !priming.ended().isDone()) {
      return;
    }
    synchronized (this) {
      if (beside == priming) {
        beside = null;
        takeIn.accept(priming.ended().join());
      }
    }
  }

  /**
   * What the resolution reports as it ends: its diagnostics, its trace, and its budget's upstream
   * queries; a priming it went on beside and has not taken in is reported as under way, with the
   * queries it sent so far counted: they reached the servers on this resolution's behalf.
   */
  record Report(List<Diagnostic> diagnostics, List<TraceEvent> trace, int upstreamQueries) {}

  /** The {@link Report} of the resolution whose work {@code budget} counts, as it stands now. */
  synchronized Report toReport(Budget budget) {
    int queries = budget.queriesSent();
    List<TraceEvent> traced = trace();
    Primings.Priming priming = beside;
    if (priming != null) {
      int primingQueries = priming.query().budget().queriesSent();
      queries += primingQueries;
      if (trace != null) {
        List<TraceEvent> all = new ArrayList<>(traced.size() + 1);
        all.addAll(traced);
        all.add(new TraceEvent.PrimingUnderWay(priming.query().qname(), primingQueries));
        traced = all; // the resolution copies it
      }
    }
    return new Report(diagnostics(), traced, queries);
  }

  boolean tracing() {
    return trace != null;
  }

  synchronized void trace(TraceEvent event) {
    if (trace != null) {
      trace.add(event);
    }
  }

  /** The diagnostics so far, copied: the deadline's timer may read them while the query runs. */
  synchronized List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  /** The trace so far, copied; empty when not tracing. */
  synchronized List<TraceEvent> trace() {
    return trace == null ? List.of() : List.copyOf(trace);
  }
}
