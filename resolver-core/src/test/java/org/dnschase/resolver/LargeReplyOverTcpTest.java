package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * A server that answers with thousands of records under distinct owner names (truncated over UDP,
 * whole over TCP) costs a resolution little: it ends well within its deadline, and a healthy
 * resolution started meanwhile is not held up behind it on the transport's threads.
 */
class LargeReplyOverTcpTest {

  private static final Duration DEADLINE = Duration.ofSeconds(1);
  private static final long SLACK_MILLIS = 200;
  private static final int RUNS = 20;

  @Lab("startLab") private static TestHierarchy lab;

  /** The hierarchy the tests run against, started. */
  static TestHierarchy startLab() {
    return FloodLab.start("127.53.44");
  }

  @Test
  @DisplayName("20 resolutions against a flooding server each end within the deadline, and healthy ones meanwhile in under 200 ms")
  void floodingServer_neitherDelaysItsResolutionNorOthers() throws Exception {
    try (Resolver resolver = ChainLab.resolverFor(lab).budgets(Budgets.DEFAULTS.withDeadline(DEADLINE)).build()) {
      for (int i = 0; i < 5; i++) { // warm-up: zone cuts cached, the reply path compiled
        resolver.resolve("warm" + i + ".flood.test.", Type.A);
        resolver.resolve("warm" + i + ".calm.test.", Type.A);
      }
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        CompletableFuture<Long> flooded = resolver.resolveAsync("f" + i + ".flood.test.", Type.A)
            .thenApply(result -> System.nanoTime());
        long healthyStart = System.nanoTime();
        Resolution healthy = resolver.resolve("c" + i + ".calm.test.", Type.A);
        long healthyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healthyStart);
        long floodedMillis = TimeUnit.NANOSECONDS.toMillis(flooded.get(10, TimeUnit.SECONDS) - start);

        assertThat(healthy).isInstanceOf(Resolution.Answer.class);
        assertThat(healthyMillis).as("run %d: the healthy resolution", i).isLessThan(SLACK_MILLIS);
        assertThat(floodedMillis).as("run %d: the flooded resolution", i)
            .isLessThanOrEqualTo(DEADLINE.toMillis() + SLACK_MILLIS);
      }
    }
  }
}
