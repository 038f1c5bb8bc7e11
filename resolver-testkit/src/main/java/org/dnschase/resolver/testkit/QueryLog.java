package org.dnschase.resolver.testkit;

import java.util.ArrayList;
import java.util.List;

/** Recorded queries in arrival order, written by event-loop threads and read by tests. */
final class QueryLog {
  private final List<RecordedQuery> queries = new ArrayList<>();
  private int taken;

  synchronized void add(RecordedQuery query) {
    queries.add(query);
  }

  synchronized List<RecordedQuery> all() {
    return List.copyOf(queries);
  }

  synchronized int count() {
    return queries.size();
  }

  /** The oldest query not taken yet, or null. */
  synchronized RecordedQuery take() {
    return taken < queries.size() ? queries.get(taken++) : null;
  }

  synchronized void clear() {
    queries.clear();
    taken = 0;
  }
}
