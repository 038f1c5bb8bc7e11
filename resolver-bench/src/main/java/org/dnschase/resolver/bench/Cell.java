package org.dnschase.resolver.bench;

import java.util.Arrays;
import java.util.Set;

/**
 * One cell of a side-by-side table: the median time of several runs of one resolver on one
 * chain, the upstream queries (as a range when the runs differ), and the last run's answer.
 */
record Cell(long medianNanos, String queries, Set<String> answer) {

  /** One run of a cell. */
  interface Measured {
    Side.Run run() throws Exception;
  }

  static Cell measure(int runs, Measured one) throws Exception {
    long[] nanos = new long[runs];
    int[] queries = new int[runs];
    Set<String> answer = Set.of();
    for (int i = 0; i < runs; i++) {
      Side.Run run = one.run();
      nanos[i] = run.nanos();
      queries[i] = run.queries();
      answer = run.answer();
    }
    Arrays.sort(nanos);
    Arrays.sort(queries);
    String range = queries[0] == queries[runs - 1] ? "" + queries[0] : queries[0] + "–" + queries[runs - 1];
    return new Cell(nanos[runs / 2], range, answer);
  }

  double micros() {
    return medianNanos / 1e3;
  }

  /** "yes" if the two cells' answers are the same records, else what each answered. */
  static String sameAnswer(String oneName, Cell one, String otherName, Cell other) {
    return one.answer.equals(other.answer) ? "yes"
        : "no: " + oneName + " " + brief(one.answer) + ", " + otherName + " " + brief(other.answer);
  }

  private static String brief(Set<String> answer) {
    return answer.size() == 1 ? answer.iterator().next() : answer.size() + " records";
  }
}
