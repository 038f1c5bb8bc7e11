package org.dnschase.resolver.internal.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.FailureReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** The short-lived memory of failed questions and cyclic dependencies (RFC 9520 §3). */
class RecentFailuresTest {

  private static final long BYTES = 64 << 10;

  private final FakeTicker ticker = new FakeTicker();
  private final RecentFailures failures = new RecentFailures(ticker, BYTES);

  @Test
  @DisplayName("RFC 9520 §3: a cycle is remembered for FAILURE_TTL, per (name, type)")
  void remembered_untilTtl() {
    Name ns = Name.fromConstantString("ns.a.test.");
    failures.remember(List.of(ns), Type.A, FailureReason.CYCLIC_DEPENDENCY, "the cycle");

    assertThat(failures.cycleFor(ns, Type.A)).contains("the cycle");
    assertThat(failures.cycleFor(ns, Type.AAAA)).isEmpty();
    ticker.advance(Defaults.FAILURE_TTL.minusMillis(1));
    assertThat(failures.cycleFor(ns, Type.A)).contains("the cycle");
    ticker.advance(Duration.ofMillis(1));
    assertThat(failures.cycleFor(ns, Type.A)).isEmpty();
  }

  @Test
  @DisplayName("RFC 9520 §3.2: any failure is remembered; only a cyclic dependency reads as a cycle")
  void otherFailure_isRecentButNoCycle() {
    Name www = Name.fromConstantString("www.a.test.");
    failures.remember(List.of(www), Type.A, FailureReason.ALL_SERVERS_FAILED, "servers failed");

    assertThat(failures.recent(www, Type.A)).contains(
        new RecentFailures.Failure(FailureReason.ALL_SERVERS_FAILED, "servers failed"));
    assertThat(failures.cycleFor(www, Type.A)).isEmpty();
  }

  @Test
  @DisplayName("a storm of distinct cycles is held within the store's bytes, long names weighing more")
  void boundedByBytes() {
    String cycle = "ns.a.test. -> ns.b.test. -> ns.a.test.";
    int shortKept = remembered(10_000, "test.", cycle);
    failures.invalidateAll();
    int longKept = remembered(10_000, "a".repeat(60) + "." + "b".repeat(60) + ".test.", cycle);

    long leastEntry = StoreWeights.NODE_BYTES + StoreWeights.NAME_BYTES + 2 * StoreWeights.VALUE_BYTES;
    assertThat(shortKept).isPositive().isLessThanOrEqualTo((int) (BYTES / leastEntry));
    assertThat(longKept).isPositive().isLessThan(shortKept);
  }

  @Test
  @DisplayName("invalidateAll forgets every cycle")
  void invalidateAll_forgets() {
    Name ns = Name.fromConstantString("ns.a.test.");
    failures.remember(List.of(ns), Type.A, FailureReason.CYCLIC_DEPENDENCY, "the cycle");
    failures.invalidateAll();
    assertThat(failures.cycleFor(ns, Type.A)).isEmpty();
  }

  /** Remembers {@code count} names under {@code suffix}; how many are still known after. */
  private int remembered(int count, String suffix, String cycle) {
    for (int i = 0; i < count; i++) {
      failures.remember(List.of(Name.fromConstantString("n" + i + "." + suffix)), Type.A,
          FailureReason.CYCLIC_DEPENDENCY, cycle);
    }
    int kept = 0;
    for (int i = 0; i < count; i++) {
      kept += failures.cycleFor(Name.fromConstantString("n" + i + "." + suffix), Type.A).isPresent() ? 1 : 0;
    }
    return kept;
  }
}
