package org.dnschase.resolver.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform threads alive at one moment, by id, apart from the JVM-wide helpers that anyone
 * may wake and that end by themselves once idle: the common pool's workers (after a minute) and
 * Netty's {@code GlobalEventExecutor} (after a second). Those are listed, not counted.
 *
 * @param names the name of every thread counted, by id
 * @param shared the names of the JVM-wide helpers alive
 */
record Threads(Map<Long, String> names, List<String> shared) {
  private static final List<String> SHARED_PREFIXES =
      List.of("ForkJoinPool.commonPool-worker-", "globalEventExecutor-");

  Threads {
    names = Map.copyOf(names);
    shared = List.copyOf(shared);
  }

  /** The threads alive now. */
  static Threads now() {
    Map<Long, String> names = new TreeMap<>();
    List<String> shared = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (!thread.isAlive()) {
        continue;
      }
      if (SHARED_PREFIXES.stream().anyMatch(thread.getName()::startsWith)) {
        shared.add(thread.getName());
      } else {
        names.put(thread.threadId(), thread.getName());
      }
    }
    return new Threads(names, shared.stream().sorted().toList());
  }

  int count() {
    return names.size();
  }

  /** The names of the counted threads alive here that were not in {@code before}. */
  List<String> startedSince(Threads before) {
    return names.entrySet().stream().filter(e -> !before.names.containsKey(e.getKey()))
        .map(Map.Entry::getValue).sorted().toList();
  }
}
