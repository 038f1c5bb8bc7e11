package org.dnschase.resolver.bench.cache;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.ObjectName;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.cache.TrustRank;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

/**
 * The heap an {@link RRsetCache} retains per cached RRset: fills a cache with one-record A
 * RRsets (1M by default), then reads each once with the clock 5 s on, so that every entry holds
 * the copy it hands out, and measures the live heap before, after the fill and after the reads.
 *
 * <p>Live heap is measured two ways: the used heap after {@code System.gc()}, the least of five
 * tries; and the total of a class histogram, the in-process form of {@code jcmd <pid>
 * GC.class_histogram}, which runs a full GC first. The classes that grew most are printed, so the
 * make-up of an entry can be read off. Run it as {@code java -Xmx3g -cp
 * resolver-bench/target/benchmarks.jar org.dnschase.resolver.bench.cache.CacheFootprint [entries]}.
 */
public final class CacheFootprint {

  private static final int TOP_CLASSES = 12;

  private CacheFootprint() {}

  public static void main(String[] args) throws JMException {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    AtomicLong nanos = new AtomicLong();
    RRsetCache cache = RRsetCache.builder().maximumBytes(4L << 30).timeSource(TimeSource.ofNanos(Instant.EPOCH, nanos::get))
        .executor(Runnable::run).build();

    Snapshot empty = Snapshot.take();
    for (int i = 0; i < entries; i++) {
      cache.put(Hosts.aRRset(i, 300), TrustRank.AUTHORITATIVE_ANSWER);
    }
    cache.cleanUp();
    Snapshot filled = Snapshot.take();
    nanos.addAndGet(5_000_000_000L);
    for (int i = 0; i < entries; i++) {
      cache.lookup(Hosts.aRRset(i, 300).getName(), Type.A, DClass.IN);
    }
    Snapshot read = Snapshot.take();

    System.out.printf("%,d one-record A RRsets in %s, cache estimate %,d bytes%n", entries,
        Runtime.version(), cache.stats().estimatedBytes());
    report("after the fill", empty, filled, entries);
    report("after reading each once 5 s later", empty, read, entries);
    filled.printGrowth(empty, entries);
    Reference.reachabilityFence(cache);
  }

  private static void report(String when, Snapshot base, Snapshot now, int entries) {
    System.out.printf("%-34s used heap after GC: %6.1f B/entry   class histogram: %6.1f B/entry%n",
        when, (double) (now.usedAfterGc - base.usedAfterGc) / entries,
        (double) (now.histogramTotal - base.histogramTotal) / entries);
  }

  /** The live heap at one moment, in both measures, and the histogram's bytes per class. */
  private record Snapshot(long usedAfterGc, long histogramTotal, Map<String, Long> bytesByClass) {

    static Snapshot take() throws JMException {
      long least = Long.MAX_VALUE;
      for (int i = 0; i < 5; i++) {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
      }
      String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      Map<String, Long> bytesByClass = new HashMap<>();
      long total = 0;
      for (String line : histogram.split("\n")) {
        // "   1:   1000000   40000000  org.xbill.DNS.ARecord (module)" and "Total  n  bytes"
        String[] fields = line.trim().split("\\s+");
        if (fields.length >= 4 && fields[0].endsWith(":")) {
          bytesByClass.put(fields[3], Long.parseLong(fields[2]));
        } else if (fields.length == 3 && fields[0].equals("Total")) {
          total = Long.parseLong(fields[2]);
        }
      }
      return new Snapshot(least, total, bytesByClass);
    }

    void printGrowth(Snapshot base, int entries) {
      System.out.println("grown most after the fill (bytes per entry):");
      bytesByClass.entrySet().stream()
          .map(e -> Map.entry(e.getKey(), e.getValue() - base.bytesByClass.getOrDefault(e.getKey(), 0L)))
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(TOP_CLASSES)
          .forEach(e -> System.out.printf("  %7.1f  %s%n", (double) e.getValue() / entries, e.getKey()));
    }
  }
}
