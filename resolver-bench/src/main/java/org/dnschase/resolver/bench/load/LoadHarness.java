package org.dnschase.resolver.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;

/**
 * The load and abuse harness: a lab of zones on 127.53.x.y with hosts, CNAME chains across
 * zones, DNAMEs, NXDOMAINs and NODATAs, faults on (drops, late replies, a server that floods its
 * replies with thousands of owners), and many concurrent resolutions against one {@link Resolver}
 * started from the lab's root hints, {@code loopbackOnly()}. It reports completions by outcome,
 * latency percentiles, upstream queries, the peak heap, and threads and descriptors before,
 * during and after {@code close()}; it exits 0 only when every resolution completed and those
 * counts were back where they started.
 *
 * <p>Run by {@code bin/load}; the options are {@link LoadOptions#USAGE}. The run stops by itself:
 * resolutions still running at the time limit are reported as not completed, and a watchdog ends
 * the JVM if even closing hangs.
 */
public final class LoadHarness {
  /** A resolution ending later than its deadline plus this is counted as past its deadline. */
  static final Duration DEADLINE_GRACE = Duration.ofMillis(200);
  /** What closing, counting and reporting may take after the time limit before the watchdog ends it all. */
  private static final Duration WATCHDOG_GRACE = Duration.ofSeconds(60);
  /** Questions resolved by a throwaway resolver before the baseline, so classes and jars are loaded. */
  private static final int WARM_UP_QUESTIONS = 200;
  private static final int CALLBACK_THREADS = 2;

  private LoadHarness() {}

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.println(LoadOptions.USAGE);
      return;
    }
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    startWatchdog(options.timeLimit().plus(WATCHDOG_GRACE));
    LoadReport report = run(options);
    report.print(System.out);
    System.exit(report.clean() ? 0 : 1);
  }

  /** Runs the load described by {@code options} and reports on it. */
  public static LoadReport run(LoadOptions options) throws InterruptedException {
    LoadZones zones = new LoadZones(options.zones(), options.hostsPerZone());
    List<Question> questions = new QuestionMix(zones, options.seed())
        .draw(options.resolutions(), options.names(), options.hostile());
    try (TestHierarchy lab = zones.start()) {
      warmUp(lab, options, questions);
      FaultPlan.apply(lab, options);
      lab.clearQueries();
      return measure(lab, options, questions);
    }
  }

  private static LoadReport measure(TestHierarchy lab, LoadOptions options, List<Question> questions)
      throws InterruptedException {
    Threads threadsBefore = Threads.now();
    Descriptors descriptorsBefore = Descriptors.now(lab.port());
    Tally tally = new Tally(questions.size(), options.deadline().plus(DEADLINE_GRACE).toNanos());
    ExecutorService callbacks = Executors.newFixedThreadPool(CALLBACK_THREADS,
        Thread.ofPlatform().name("load-callback-", 0).factory());
    long udpErrorsBefore = UdpErrors.now();
    RunWatch watch = new RunWatch(lab.port());
    Resolver resolver = resolverFor(lab, options, callbacks);
    LoadRun.Result run;
    long closeNanos;
    long heldOpen;
    long udpErrors;
    try {
      run = LoadRun.run(resolver, questions, options.concurrency(), options.timeLimit(), tally);
    } finally {
      watch.close();
      udpErrors = udpErrorsBefore < 0 ? -1 : UdpErrors.now() - udpErrorsBefore;
      heldOpen = PeakHeap.usedAfterGc();
      long closeStart = System.nanoTime();
      resolver.close();
      closeNanos = System.nanoTime() - closeStart;
      callbacks.shutdown();
      callbacks.awaitTermination(10, TimeUnit.SECONDS);
    }
    resolver = null; // unreachable from here on, so the next collection takes what it held
    long heldClosed = PeakHeap.usedAfterGc();
    Threads threadsAfter = Threads.now();
    Descriptors descriptorsAfter = Descriptors.now(lab.port());
    List<RecordedQuery> received = lab.queries();
    int tcp = (int) received.stream().filter(q -> q.transport() == RecordedQuery.Transport.TCP).count();
    return new LoadReport(options, run, tally.outcomes(), tally.wrongKinds(), tally.sortedNanos(),
        tally.pastDeadline(), received.size(), tcp, tally.upstreamQueries(), udpErrors,
        new LoadReport.Heap(watch.heap().peakBytes(), watch.heap().collections(),
            watch.heap().collectionMillis(), heldOpen - heldClosed),
        new LoadReport.Counts(threadsBefore.count(), watch.peakThreads(), threadsAfter.count()),
        threadsAfter.startedSince(threadsBefore), threadsAfter.shared(),
        new LoadReport.DescriptorCounts(descriptorsBefore, watch.peakDescriptors(), descriptorsAfter),
        closeNanos / 1_000_000);
  }

  /**
   * Resolves some questions with a resolver of its own, closed again, so that every class is
   * loaded (and every jar open) before the baseline is taken.
   */
  private static void warmUp(TestHierarchy lab, LoadOptions options, List<Question> questions) {
    try (Resolver resolver = resolverFor(lab, options, Runnable::run)) {
      questions.stream().limit(WARM_UP_QUESTIONS).forEach(q -> resolver.resolve(q.name(), q.type()));
    }
  }

  private static Resolver resolverFor(TestHierarchy lab, LoadOptions options,
      Executor callbacks) {
    return Resolver.builder()
        .rootHints(RootHints.of(lab.rootHints()))
        .upstreamPort(lab.port())
        .loopbackOnly()
        .budgets(Budgets.DEFAULTS.withDeadline(options.deadline()))
        .cache(RRsetCache.builder().maximumBytes(options.cacheBytes()).build())
        .callbackExecutor(callbacks)
        .build();
  }

  /** Ends the JVM, with a thread dump, if the run has not ended by {@code limit}. */
  private static void startWatchdog(Duration limit) {
    Thread.ofPlatform().name("load-watchdog").daemon().start(() -> {
      try {
        Thread.sleep(limit);
      } catch (InterruptedException e) {
        return;
      }
      System.err.println("load harness: still running " + limit.toSeconds() + " s after start; threads:");
      Thread.getAllStackTraces().forEach((thread, stack) -> {
        System.err.println(thread);
        for (StackTraceElement frame : stack) {
          System.err.println("    at " + frame);
        }
      });
      Runtime.getRuntime().halt(3);
    });
  }
}
