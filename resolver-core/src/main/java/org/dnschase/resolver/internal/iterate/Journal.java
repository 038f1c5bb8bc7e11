package org.dnschase.resolver.internal.iterate;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.TraceEvent;

/**
 * What one resolution saw, shared with its name-server look-ups: the diagnostics always, the trace
 * only when asked for, so an untraced resolution allocates nothing for it. Synchronized: the
 * deadline's timer reads it (see {@link Deadlines}) while the query's thread may still write.
 */
final class Journal {

  private final List<Diagnostic> diagnostics = new ArrayList<>(0);
  private final List<TraceEvent> trace;

  Journal(boolean tracing) {
    this.trace = tracing ? new ArrayList<>() : null;
  }

  synchronized void report(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  synchronized void reportAll(List<Diagnostic> found) {
    diagnostics.addAll(found);
  }

  /** Adds what {@code priming}, a priming this resolution waited for, saw; its trace only when tracing. */
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
