package org.dnschase.resolver.bench.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.dnschase.resolver.Resolution;

/**
 * What the resolutions of a run came to: how many completed, by outcome kind (a failure by its
 * reason), how long each took, the upstream queries they say they sent, and the outcomes of the
 * wrong kind for their question. Written from the callback threads, read once the run is over.
 */
final class Tally {
  private final long[] nanos;
  private final AtomicInteger completed = new AtomicInteger();
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> wrongKinds = new ConcurrentHashMap<>();
  private final LongAdder upstreamQueries = new LongAdder();
  private final LongAdder pastDeadline = new LongAdder();
  private final long lateNanos;

  /**
   * @param resolutions how many resolutions the run has
   * @param lateNanos a resolution that took longer is counted as past its deadline
   */
  Tally(int resolutions, long lateNanos) {
    this.nanos = new long[resolutions];
    Arrays.fill(nanos, -1);
    this.lateNanos = lateNanos;
  }

  /** Records resolution {@code index} of {@code question}: its outcome or the exception it ended with. */
  void record(int index, Question question, Resolution outcome, Throwable thrown, long elapsedNanos) {
    nanos[index] = elapsedNanos;
    String label = label(outcome, thrown);
    outcomes.computeIfAbsent(label, l -> new LongAdder()).increment();
    if (outcome != null) {
      upstreamQueries.add(outcome.upstreamQueries());
      if (!question.kind().fits(outcome)) {
        wrongKinds.computeIfAbsent(question.kind() + " got " + label, l -> new LongAdder()).increment();
      }
    }
    if (elapsedNanos > lateNanos) {
      pastDeadline.increment();
    }
    completed.incrementAndGet(); // last: a reader that sees the count sees the rest
  }

  int completed() {
    return completed.get();
  }

  /** Completions by outcome: Answer, NoData, NxDomain, Failure REASON, or the exception's class. */
  Map<String, Long> outcomes() {
    return sorted(outcomes);
  }

  /** Outcomes of another kind than their question's data calls for, by question kind and outcome. */
  Map<String, Long> wrongKinds() {
    return sorted(wrongKinds);
  }

  long upstreamQueries() {
    return upstreamQueries.sum();
  }

  /** Resolutions that completed later than the deadline and its grace. */
  long pastDeadline() {
    return pastDeadline.sum();
  }

  /** The latencies of the completed resolutions, in nanoseconds, sorted. */
  long[] sortedNanos() {
    return Arrays.stream(nanos).filter(n -> n >= 0).sorted().toArray();
  }

  private static String label(Resolution outcome, Throwable thrown) {
    if (thrown != null) {
      return "exception " + thrown.getClass().getSimpleName();
    }
    return switch (outcome) {
      case Resolution.Answer a -> "Answer";
      case Resolution.NoData n -> "NoData";
      case Resolution.NxDomain x -> "NxDomain";
      case Resolution.Failure f -> "Failure " + f.reason();
    };
  }

  private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((label, count) -> sorted.put(label, count.sum()));
    return sorted;
  }
}
