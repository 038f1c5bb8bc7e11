package org.dnschase.resolver.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The side-by-side with Unbound: the benchmark lab served on 127.53.x.y port 53, our resolver
 * in-process and an Unbound child process resolving the same chains, cold (caches emptied before
 * each run) and warm, while the lab counts every upstream query either sends. Prints one Markdown
 * row per chain length: median times and their ratio, upstream queries, and whether the answers
 * are the same records.
 *
 * <p>Run by {@code resolver-bench/unbound-side-by-side.sh} (as root, for port 53). Arguments:
 * {@code [--runs N] [--no-qmin]}.
 */
public final class UnboundSideBySide {

  /** Unbound may go on asking (NS addresses, say) after it answered; those queries count too. */
  private static final long SETTLE_MILLIS = 100;
  /** Enough cold resolutions for the JIT to compile our hot paths before anything is timed. */
  private static final int WARM_UP_RUNS = 500;

  private UnboundSideBySide() {}

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    int runs = options.contains("--runs") ? Integer.parseInt(options.get(options.indexOf("--runs") + 1)) : 21;
    boolean qnameMinimisation = !options.contains("--no-qmin");
    RRsetCache cache = RRsetCache.builder().build();
    try (TestHierarchy lab = BenchLab.start(53);
        Resolver ours = BenchLab.resolverFor(lab, cache);
        UnboundProcess unbound = new UnboundProcess(lab, qnameMinimisation)) {
      Side mine = new Ours(ours, cache);
      Side theirs = new Unbound(unbound);
      for (int i = 0; i < WARM_UP_RUNS; i++) {
        mine.cold(lab, BenchLab.chainStart(BenchLab.HOPS[i % BenchLab.HOPS.length]));
      }
      System.out.printf("Unbound on 127.0.0.1:%d, qname minimisation %s; %d runs per cell, medians%n",
          unbound.port, qnameMinimisation ? "on (its default)" : "off", runs);
      System.out.println();
      System.out.println("| hops | cold ours µs | cold Unbound µs | ours/Unbound | cold queries ours/Unbound "
          + "| warm ours µs | warm Unbound µs | ours/Unbound | same answer |");
      System.out.println("|---|---|---|---|---|---|---|---|---|");
      for (int hops : BenchLab.HOPS) {
        Name qname = BenchLab.chainStart(hops);
        Cell coldOurs = measure(runs, () -> mine.cold(lab, qname));
        Cell warmOurs = measure(runs, () -> mine.warm(lab, qname));
        Cell coldTheirs = measure(runs, () -> theirs.cold(lab, qname));
        Cell warmTheirs = measure(runs, () -> theirs.warm(lab, qname));
        System.out.printf("| %d | %.0f | %.0f | %.2f | %s / %s | %.1f | %.1f | %.2f | %s |%n", hops,
            coldOurs.micros(), coldTheirs.micros(), coldOurs.micros() / coldTheirs.micros(),
            coldOurs.queries, coldTheirs.queries,
            warmOurs.micros(), warmTheirs.micros(), warmOurs.micros() / warmTheirs.micros(),
            sameAnswer(coldOurs.answer, coldTheirs.answer));
      }
      // measured last, when the stub's code is as warm as it was for the rows above
      System.out.printf("%nFloor under every Unbound time (the stub's round trip for a name Unbound answers "
          + "from its configuration): %.0f µs.%n", stubFloor(unbound, runs).micros());
      System.out.println("Unbound's times include the stub's UDP round trip to it on loopback; ours are "
          + "in-process calls. Unbound gives up after 11 restarts (one per CNAME followed across "
          + "zones), so it answers SERVFAIL where a chain needs 12.");
    }
  }

  /** What a stub pays for an answer Unbound holds in its configuration: no cache, no recursion. */
  private static Cell stubFloor(UnboundProcess unbound, int runs) throws Exception {
    return measure(runs, () -> {
      Thread.sleep(SETTLE_MILLIS); // the same pause as before every timed Unbound query
      long start = System.nanoTime();
      unbound.query(UnboundProcess.FLOOR);
      return new Run(System.nanoTime() - start, 0, Set.of());
    });
  }

  /** One run: its time, the upstream queries the lab saw, and the answer as comparable text. */
  record Run(long nanos, int queries, Set<String> answer) {}

  /** The medians of several runs (queries as a range when they differ), and the last answer. */
  record Cell(long medianNanos, String queries, Set<String> answer) {
    double micros() {
      return medianNanos / 1e3;
    }
  }

  interface Measured {
    Run run() throws Exception;
  }

  private static Cell measure(int runs, Measured one) throws Exception {
    long[] nanos = new long[runs];
    int[] queries = new int[runs];
    Set<String> answer = Set.of();
    for (int i = 0; i < runs; i++) {
      Run run = one.run();
      nanos[i] = run.nanos();
      queries[i] = run.queries();
      answer = run.answer();
    }
    Arrays.sort(nanos);
    Arrays.sort(queries);
    String range = queries[0] == queries[runs - 1] ? "" + queries[0] : queries[0] + "–" + queries[runs - 1];
    return new Cell(nanos[runs / 2], range, answer);
  }

  /** A resolver under test: a cold run empties its cache first, a warm one does not. */
  private interface Side {
    Run cold(TestHierarchy lab, Name qname) throws Exception;

    Run warm(TestHierarchy lab, Name qname) throws Exception;
  }

  private record Ours(Resolver resolver, RRsetCache cache) implements Side {
    @Override
    public Run cold(TestHierarchy lab, Name qname) {
      cache.invalidateAll();
      return warm(lab, qname);
    }

    @Override
    public Run warm(TestHierarchy lab, Name qname) {
      lab.clearQueries();
      long start = System.nanoTime();
      Resolution resolution = resolver.resolve(qname, Type.A);
      long nanos = System.nanoTime() - start;
      return new Run(nanos, lab.queryCount(), resolution instanceof Resolution.Answer answer
          ? comparable(answer.answerSection()) : Set.of(resolution.getClass().getSimpleName()));
    }
  }

  private record Unbound(UnboundProcess unbound) implements Side {
    @Override
    public Run cold(TestHierarchy lab, Name qname) throws IOException, InterruptedException {
      unbound.flush();
      return warm(lab, qname);
    }

    @Override
    public Run warm(TestHierarchy lab, Name qname) throws IOException, InterruptedException {
      Thread.sleep(SETTLE_MILLIS);
      lab.clearQueries();
      long start = System.nanoTime();
      Message reply = unbound.query(qname);
      long nanos = System.nanoTime() - start;
      Thread.sleep(SETTLE_MILLIS);
      Set<String> answer = reply.getRcode() == Rcode.NOERROR
          ? comparable(reply.getSection(Section.ANSWER)) : Set.of(Rcode.string(reply.getRcode()));
      return new Run(nanos, lab.queryCount(), answer);
    }
  }

  private static String sameAnswer(Set<String> ours, Set<String> theirs) {
    return ours.equals(theirs) ? "yes" : "no: ours " + brief(ours) + ", Unbound " + brief(theirs);
  }

  private static String brief(Set<String> answer) {
    return answer.size() == 1 ? answer.iterator().next() : answer.size() + " records";
  }

  /** Records without their TTLs, which differ between two caches by design. */
  private static Set<String> comparable(List<Record> records) {
    Set<String> text = new TreeSet<>();
    for (Record record : new ArrayList<>(records)) {
      text.add(record.getName() + " " + Type.string(record.getType()) + " " + record.rdataToString());
    }
    return text;
  }
}
