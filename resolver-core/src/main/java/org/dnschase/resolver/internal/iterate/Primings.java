package org.dnschase.resolver.internal.iterate;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.xbill.DNS.Name;

/**
 * The primings under way, one per zone (the root, stub zones): every query that needs a zone
 * primed while its priming runs joins that one (a stub zone's waits for it, the root's goes on from
 * the hints), and the next need after it ended starts another (RFC 9609 §3: prime again when the
 * root NS RRset expired).
 */
final class Primings {

  /**
   * One priming: its query, whose budget counts the queries it sent so far, and its end, completed
   * with that query on the thread that ran its last step.
   */
  record Priming(Query query, CompletableFuture<Query> ended) {}

  private final Map<Name, Priming> running = new HashMap<>();

  /** The priming of {@code zone} under way, or the one {@code start} starts when none is. */
  synchronized Priming join(Name zone, Supplier<Priming> start) {
    Priming current = running.get(zone);
    if (current == null || current.ended().isDone()) {
      current = start.get();
      running.put(zone, current);
    }
    return current;
  }
}
