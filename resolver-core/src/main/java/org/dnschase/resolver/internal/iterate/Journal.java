package org.dnschase.resolver.internal.iterate;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.TraceEvent;

/**
 * What one resolution saw, shared with its name-server look-ups: the diagnostics always, the trace
 * only when asked for, so an untraced resolution allocates nothing for it.
 */
final class Journal {

  private final List<Diagnostic> diagnostics = new ArrayList<>(0);
  private final List<TraceEvent> trace;

  Journal(boolean tracing) {
    this.trace = tracing ? new ArrayList<>() : null;
  }

  void report(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  void reportAll(List<Diagnostic> found) {
    diagnostics.addAll(found);
  }

  boolean tracing() {
    return trace != null;
  }

  void trace(TraceEvent event) {
    if (trace != null) {
      trace.add(event);
    }
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  List<TraceEvent> trace() {
    return trace == null ? List.of() : trace;
  }
}
