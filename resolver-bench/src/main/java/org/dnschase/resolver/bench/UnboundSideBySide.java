package org.dnschase.resolver.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.xbill.DNS.Name;

/**
 * The side-by-side with Unbound: the benchmark lab served on 127.53.x.y port 53, our resolver
 * in-process and an Unbound child process resolving the same chains, cold (caches emptied before
 * each run) and warm, while the lab counts every upstream query either sends. Prints one Markdown
 * row per chain length: median times and their ratio, upstream queries, and whether the answers
 * are the same records. Then the same lab, exported, is served by NSD for the {@link NsdInterop}
 * table.
 *
 * <p>Run by {@code resolver-bench/unbound-side-by-side.sh} (as root, for port 53). Arguments:
 * {@code [--runs N] [--pause MS] [--no-qmin] [--no-nsd]}.
 */
public final class UnboundSideBySide {

  /**
   * Enough cold resolutions for the JIT to compile our hot paths before anything is timed: after
   * 500 a cold chain still took twice as long as after 2,000 (measured on this project's machines).
   */
  private static final int WARM_UP_RUNS = 5_000;

  private UnboundSideBySide() {}

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    int runs = options.contains("--runs") ? Integer.parseInt(options.get(options.indexOf("--runs") + 1)) : 21;
    boolean qnameMinimisation = !options.contains("--no-qmin");
    long pauseMillis = options.contains("--pause")
        ? Long.parseLong(options.get(options.indexOf("--pause") + 1)) : Side.SETTLE_MILLIS;
    RRsetCache cache = RRsetCache.builder().build();
    NsdInterop interop;
    try (TestHierarchy lab = BenchLab.start(53);
        Resolver ours = BenchLab.resolverFor(lab, cache);
        UnboundProcess unbound = new UnboundProcess(lab.rootHintsText(), qnameMinimisation)) {
      interop = new NsdInterop(lab, qnameMinimisation);
      Side mine = new Side.Ours(ours, cache, Upstream.of(lab), pauseMillis);
      Side theirs = new Side.Unbound(unbound, Upstream.of(lab), pauseMillis);
      Side unpaused = new Side.Ours(ours, cache, Upstream.of(lab), 0);
      for (int i = 0; i < WARM_UP_RUNS; i++) {
        unpaused.cold(BenchLab.chainStart(BenchLab.HOPS[i % BenchLab.HOPS.length]));
      }
      System.out.printf("Unbound on 127.0.0.1:%d, qname minimisation %s; %d runs per cell, medians;"
          + " a pause of %d ms before each timed run of either%n",
          unbound.port, qnameMinimisation ? "on (its default)" : "off", runs, pauseMillis);
      printTimes(mine, theirs, runs, interop);
      // measured last, when the stub's code is as warm as it was for the rows above
      System.out.printf("%nFloor under every Unbound time (the stub's round trip for a name Unbound answers "
          + "from its configuration): %.0f µs.%n", stubFloor(unbound, runs, pauseMillis).micros());
      System.out.println("Unbound's times include the stub's UDP round trip to it on loopback; ours are "
          + "in-process calls. Unbound gives up after 11 restarts (one per CNAME followed across "
          + "zones), so it answers SERVFAIL where a chain needs 12.");
    }
    if (!options.contains("--no-nsd")) {
      interop.print(); // after the testkit's servers are closed: NSD takes their addresses
    }
  }

  /** The timing table; its cold cells are the interop table's reference. */
  private static void printTimes(Side mine, Side theirs, int runs, NsdInterop interop) throws Exception {
    System.out.println();
    System.out.println("| hops | cold ours µs | cold Unbound µs | ours/Unbound | cold queries ours/Unbound "
        + "| warm ours µs | warm Unbound µs | ours/Unbound | same answer |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (int hops : BenchLab.HOPS) {
      Name qname = BenchLab.chainStart(hops);
      Cell coldOurs = Cell.measure(runs, () -> mine.cold(qname));
      Cell warmOurs = Cell.measure(runs, () -> mine.warm(qname));
      Cell coldTheirs = Cell.measure(runs, () -> theirs.cold(qname));
      Cell warmTheirs = Cell.measure(runs, () -> theirs.warm(qname));
      interop.reference(hops, coldOurs, coldTheirs);
      System.out.printf("| %d | %.0f | %.0f | %.2f | %s / %s | %.1f | %.1f | %.2f | %s |%n", hops,
          coldOurs.micros(), coldTheirs.micros(), coldOurs.micros() / coldTheirs.micros(),
          coldOurs.queries(), coldTheirs.queries(),
          warmOurs.micros(), warmTheirs.micros(), warmOurs.micros() / warmTheirs.micros(),
          Cell.sameAnswer("ours", coldOurs, "Unbound", coldTheirs));
    }
  }

  /** What a stub pays for an answer Unbound holds in its configuration: no cache, no recursion. */
  private static Cell stubFloor(UnboundProcess unbound, int runs, long pauseMillis) throws Exception {
    return Cell.measure(runs, () -> {
      Thread.sleep(pauseMillis); // the same pause as before every timed run
      long start = System.nanoTime();
      unbound.query(UnboundProcess.FLOOR);
      return new Side.Run(System.nanoTime() - start, 0, Set.of());
    });
  }
}
