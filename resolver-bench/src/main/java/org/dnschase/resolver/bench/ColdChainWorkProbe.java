package org.dnschase.resolver.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * {@link ColdChainWorkBenchmark}'s chains measured by the resolving thread's own CPU time and
 * allocated bytes ({@code ThreadMXBean}) instead of the wall clock, which a busy machine's load
 * moves far more than any change to the resolver's work: the resolver's own work on each cold
 * chain, every upstream exchange answered at once from recorded replies ({@link RecordedReplies}).
 * The caches are emptied before each chain, outside what is measured. Compare a change against
 * the build before it, run the same way in the same minutes.
 *
 * <p>Run as {@code java -cp resolver-bench/target/benchmarks.jar
 * org.dnschase.resolver.bench.ColdChainWorkProbe [WALKS [WARMUP_WALKS]]}; prints, per chain length,
 * the upstream queries, the median and mean CPU per chain, and the bytes allocated per chain.
 */
public final class ColdChainWorkProbe {

  private static final int[] HOPS = {1, 4, 12};

  private ColdChainWorkProbe() {}

  /**
   * Runs the probe.
   *
   * @param args walks per chain length (default 2,000), then warm-up walks per chain length
   *     (default 20,000, past C2's thresholds for code run once per chain)
   */
  public static void main(String[] args) {
    int walks = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().threadId();
    try (TestHierarchy lab = BenchLab.start(); Resolver resolver = RecordedReplies.resolverFor(lab)) {
      Name[] starts = Arrays.stream(HOPS).mapToObj(BenchLab::chainStart).toArray(Name[]::new);
      int[] queries = new int[HOPS.length];
      for (int i = 0; i < HOPS.length; i++) {
        resolver.invalidateAll();
        queries[i] = BenchLab.requireChainAnswer(resolver.resolve(starts[i], Type.A), HOPS[i]).upstreamQueries();
      }
      for (int walk = 0; walk < warmup; walk++) {
        for (Name start : starts) {
          resolver.invalidateAll();
          resolver.resolve(start, Type.A);
        }
      }
      long[][] cpu = new long[HOPS.length][walks];
      long[][] bytes = new long[HOPS.length][walks];
      for (int walk = 0; walk < walks; walk++) {
        for (int i = 0; i < HOPS.length; i++) { // interleaved, so drift hits every length alike
          resolver.invalidateAll();
          long cpuBefore = threads.getCurrentThreadCpuTime();
          long bytesBefore = threads.getThreadAllocatedBytes(self);
          resolver.resolve(starts[i], Type.A);
          cpu[i][walk] = threads.getCurrentThreadCpuTime() - cpuBefore;
          bytes[i][walk] = threads.getThreadAllocatedBytes(self) - bytesBefore;
        }
      }
      System.out.printf("load average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.println("hops  queries  CPU us median / mean  KB per chain median");
      for (int i = 0; i < HOPS.length; i++) {
        Arrays.sort(cpu[i]);
        Arrays.sort(bytes[i]);
        System.out.printf("%4d  %7d  %13.1f / %6.1f  %19.1f%n", HOPS[i], queries[i], cpu[i][walks / 2] / 1e3,
            Arrays.stream(cpu[i]).average().orElse(0) / 1e3, bytes[i][walks / 2] / 1024.0);
      }
    }
  }
}
