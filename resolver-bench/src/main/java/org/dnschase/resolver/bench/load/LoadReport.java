package org.dnschase.resolver.bench.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The figures of one load run, and whether it was clean: every resolution completed within the
 * time limit, and the threads and the descriptors a resolver opens were back to their starting
 * counts once {@code close()} had returned.
 *
 * @param options what was run
 * @param run the run itself
 * @param outcomes completions by outcome (a failure by its reason)
 * @param wrongKinds outcomes of another kind than the question's data calls for
 * @param latencyNanos the completed resolutions' latencies, sorted
 * @param pastDeadline resolutions that completed later than their deadline and a grace
 * @param labQueries queries the lab's servers received: all, then over TCP
 * @param labTcpQueries of which over TCP
 * @param resolutionQueries the upstream queries the resolutions say they sent, summed
 * @param udpReceiveErrors datagrams the kernel could not deliver during the run (the whole
 *     machine's), -1 if unknown
 * @param heap the peak heap, collections and their time
 * @param threads before the resolver was built, the JVM's peak during the run, after {@code close()}
 * @param newThreads threads alive after {@code close()} that were not before
 * @param sharedThreads JVM-wide helpers alive after {@code close()} (not counted: see {@link Threads})
 * @param descriptors before, the peak during, after {@code close()}
 * @param closeMillis how long {@code close()} took
 */
record LoadReport(LoadOptions options, LoadRun.Result run, Map<String, Long> outcomes,
    Map<String, Long> wrongKinds, long[] latencyNanos, long pastDeadline, int labQueries,
    int labTcpQueries, long resolutionQueries, long udpReceiveErrors, Heap heap, Counts threads,
    List<String> newThreads, List<String> sharedThreads, DescriptorCounts descriptors, long closeMillis) {

  /**
   * Heap figures: the peak used and the garbage collections during the run, and what the resolver
   * still held at its end (the heap after a full collection with it open, less that once it was
   * closed and dropped: its caches and side stores).
   */
  record Heap(long peakBytes, long collections, long collectionMillis, long heldByResolver) {}

  /** A count before the resolver was built, the peak during the run and after {@code close()}. */
  record Counts(int before, int peak, int after) {}

  /** Descriptors before, during (the peak of all) and after; the check is on non-file ones. */
  record DescriptorCounts(Descriptors before, int peak, Descriptors after) {}

  /** Every resolution completed before the time limit. */
  boolean allCompleted() {
    return !run.cutByTimeLimit() && run.completed() == options.resolutions();
  }

  /** Threads and non-file descriptors are back to their starting counts after {@code close()}. */
  boolean backToBaseline() {
    return threads.after() == threads.before() && newThreads.isEmpty()
        && descriptors.after().io() == descriptors.before().io();
  }

  boolean clean() {
    return allCompleted() && backToBaseline();
  }

  /** The latency at {@code quantile} (0..1) of the completed resolutions, in milliseconds. */
  double latencyMillis(double quantile) {
    if (latencyNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(quantile * latencyNanos.length) - 1;
    return latencyNanos[Math.max(0, Math.min(latencyNanos.length - 1, rank))] / 1e6;
  }

  void print(PrintStream out) {
    LoadOptions o = options;
    out.printf("load run: %,d resolutions, %d at once, %,d distinct questions over %d zones; deadline %d ms;"
        + " faults: %s%n", o.resolutions(), o.concurrency(), o.names(), o.zones(), o.deadline().toMillis(),
        faults());
    out.printf("wall %.1f s, %,.0f resolutions/s; completed %,d of %,d (started %,d)%s%n",
        run.wallNanos() / 1e9, run.completed() / (run.wallNanos() / 1e9), run.completed(),
        o.resolutions(), run.submitted(), run.cutByTimeLimit() ? "; CUT BY THE TIME LIMIT" : "");
    out.println("outcomes: " + outcomes);
    out.println("outcomes of the wrong kind: " + (wrongKinds.isEmpty() ? "none" : wrongKinds));
    out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f; past deadline + %d ms: %,d%n",
        latencyMillis(0.5), latencyMillis(0.9), latencyMillis(0.99), latencyMillis(1),
        LoadHarness.DEADLINE_GRACE.toMillis(), pastDeadline);
    out.printf("upstream queries: lab received %,d (%,d over TCP); resolutions report %,d, %.2f each"
        + " (joined resolutions each count the work they shared)%n",
        labQueries, labTcpQueries, resolutionQueries,
        (double) resolutionQueries / Math.max(1, run.completed()));
    out.printf("UDP datagrams the kernel could not deliver during the run (whole machine): %s%n",
        udpReceiveErrors < 0 ? "unknown" : String.format("%,d", udpReceiveErrors));
    out.printf("heap: peak %.1f MiB used; %d collections, %d ms; held by the resolver at the end %.2f MiB"
        + " (cache budget %.2f MiB)%n", heap.peakBytes() / 1048576.0, heap.collections(),
        heap.collectionMillis(), heap.heldByResolver() / 1048576.0, o.cacheBytes() / 1048576.0);
    out.printf("threads: before %d, peak %d (all of the JVM's), after close() %d%s%s%n", threads.before(),
        threads.peak(), threads.after(), newThreads.isEmpty() ? "" : "; new: " + newThreads,
        sharedThreads.isEmpty() ? "" : "; JVM-wide helpers, not counted: " + sharedThreads);
    out.printf("descriptors: before %s, peak %d, after close() %s; close() took %d ms%n",
        descriptors.before(), descriptors.peak(), descriptors.after(), closeMillis);
    out.println(verdict());
  }

  private String faults() {
    LoadOptions o = options;
    if (!o.faulty()) {
      return "none";
    }
    return String.format(
        "drop %.1f%%, delay %.1f%% by %d ms, hostile %.2f%% of questions (flood of %,d owners)",
        o.drop() * 100, o.delayShare() * 100, o.delay().toMillis(), o.hostile() * 100, o.floodOwners());
  }

  private String verdict() {
    return (allCompleted() ? "every resolution completed" : "NOT every resolution completed")
        + "; " + (backToBaseline() ? "threads and descriptors back to their starting counts"
        : "threads or descriptors NOT back to their starting counts");
  }
}
