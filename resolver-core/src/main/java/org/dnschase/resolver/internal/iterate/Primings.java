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

  private final Map<Name, CompletableFuture<Query>> running = new HashMap<>();

  /** The priming of {@code zone} under way, or the one {@code start} starts when none is. */
  synchronized CompletableFuture<Query> join(Name zone, Supplier<CompletableFuture<Query>> start) {
    CompletableFuture<Query> current = running.get(zone);
    if (current == null || current.isDone()) {
      current = start.get();
      running.put(zone, current);
    }
    return current;
  }
}
