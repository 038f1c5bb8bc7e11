package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** The short-lived memory of cyclic dependencies (RFC 9520 §3). */
class CyclicFailuresTest {

  private final FakeTicker ticker = new FakeTicker();
  private final CyclicFailures failures = new CyclicFailures(ticker);

  @Test
  @DisplayName("RFC 9520 §3: a cycle is remembered for FAILURE_TTL, per (name, type)")
  void remembered_untilTtl() {
    Name ns = Name.fromConstantString("ns.a.test.");
    failures.remember(List.of(ns), Type.A, "the cycle");

    assertThat(failures.cycleFor(ns, Type.A)).contains("the cycle");
    assertThat(failures.cycleFor(ns, Type.AAAA)).isEmpty();
    ticker.advance(CyclicFailures.FAILURE_TTL.minusMillis(1));
    assertThat(failures.cycleFor(ns, Type.A)).contains("the cycle");
    ticker.advance(Duration.ofMillis(1));
    assertThat(failures.cycleFor(ns, Type.A)).isEmpty();
  }

  @Test
  @DisplayName("a storm of distinct cycles never asked again is swept once expired, and capped while live")
  void bounded() {
    for (int i = 0; i < CyclicFailures.MAX_ENTRIES; i++) {
      failures.remember(List.of(Name.fromConstantString("n" + i + ".test.")), Type.A, "old");
    }
    Name late = Name.fromConstantString("late.test.");
    failures.remember(List.of(late), Type.A, "late");
    assertThat(failures.cycleFor(late, Type.A)).as("over the cap while all are live").isEmpty();

    ticker.advance(CyclicFailures.FAILURE_TTL);
    failures.remember(List.of(late), Type.A, "late");

    assertThat(failures.cycleFor(late, Type.A)).contains("late");
    assertThat(failures.cycleFor(Name.fromConstantString("n0.test."), Type.A)).isEmpty();
  }
}
