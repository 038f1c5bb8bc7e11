package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The work a reply costs grows linearly with its size: a reply with records under 8,000 distinct
 * owner names costs at most 2.5 times the CPU time of one with 4,000 (quadratic grouping costs
 * 4 times, and 7 s at 4,000 owners). Measured as the CPU time of the one thread a whole
 * resolution runs on, the least of several runs after a warm-up, so other load on the machine
 * does not count.
 */
class LinearReplyWorkTest {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int RUNS = 7;

  /** The least CPU time, in nanoseconds, of resolving one name against a reply of {@code owners}. */
  private static long cpuNanos(int owners, int section) {
    FloodReplies servers = new FloodReplies(owners, section);
    long[] runs = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      try (Resolver resolver = servers.resolver()) {
        long start = THREADS.getCurrentThreadCpuTime();
        Resolution result = resolver.resolve("www.flood.", Type.A);
        runs[i] = THREADS.getCurrentThreadCpuTime() - start;
        assertThat(result).isInstanceOf(Resolution.Answer.class);
      }
    }
    return Arrays.stream(runs).min().orElseThrow();
  }

  @ParameterizedTest(name = "section {0}")
  @ValueSource(ints = {Section.ADDITIONAL, Section.AUTHORITY})
  @DisplayName("The resolver's CPU time for a reply of 8,000 distinct owners is at most 2.5 times that for 4,000")
  void cpuTime_growsLinearlyWithDistinctOwners(int section) {
    cpuNanos(4_000, section); // warm-up: the JIT compiles the reply path
    cpuNanos(8_000, section);

    long at4k = cpuNanos(4_000, section);
    long at8k = cpuNanos(8_000, section);

    assertThat((double) at8k / at4k).as("CPU ns at 4,000 owners: %d, at 8,000: %d", at4k, at8k)
        .isLessThanOrEqualTo(2.5);
  }
}
