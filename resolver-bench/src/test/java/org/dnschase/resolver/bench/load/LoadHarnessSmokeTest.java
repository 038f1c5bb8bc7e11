package org.dnschase.resolver.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The load harness, small, so that it keeps working: a few hundred resolutions with every fault on. */
class LoadHarnessSmokeTest {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  @DisplayName("Under drops, late replies and a flooding server every resolution completes and close() gives back every thread and socket")
  void smallFaultyRun_completesEverything_andReturnsToBaseline() throws Exception {
    // a small flood: the point here is that the path works, not that it is slow
    LoadOptions options = LoadOptions.parse("--resolutions", "400", "--concurrency", "40",
        "--names", "300", "--zones", "4", "--hosts", "50", "--drop", "0.02", "--delay", "0.05:50",
        "--hostile", "0.02", "--flood", "200", "--deadline", "3000", "--time-limit", "60");

    LoadReport report = LoadHarness.run(options);

    report.print(System.out);
    assertThat(report.run().completed()).as("completed").isEqualTo(400);
    assertThat(report.allCompleted()).as("completed within the time limit").isTrue();
    assertThat(report.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(400);
    assertThat(report.outcomes()).doesNotContainKeys("Failure INTERNAL_ERROR", "Failure CLOSED");
    assertThat(report.wrongKinds()).as("outcomes of the wrong kind").isEmpty();
    assertThat(report.labTcpQueries()).as("flooded replies fetched over TCP").isPositive();
    assertThat(report.labQueries()).isPositive();
    assertThat(report.threads().after()).as("threads after close()").isEqualTo(report.threads().before());
    assertThat(report.newThreads()).isEmpty();
    if (Descriptors.countable()) {
      assertThat(report.descriptors().after().io()).as("sockets, epoll and event descriptors after close()")
          .isEqualTo(report.descriptors().before().io());
    }
    assertThat(report.clean()).isTrue();
  }

  @Test
  @DisplayName("Options: defaults, every flag, and a clear error for a bad one")
  void options_parse() {
    LoadOptions options = LoadOptions.parse("-n", "50", "-c", "5", "--faults", "--seed", "7");

    assertThat(options.resolutions()).isEqualTo(50);
    assertThat(options.concurrency()).isEqualTo(5);
    assertThat(options.drop()).isPositive();
    assertThat(options.hostile()).isPositive();
    assertThat(options.seed()).isEqualTo(7);
    assertThat(LoadOptions.parse().faulty()).isFalse();
    assertThatThrownBy(() -> LoadOptions.parse("--drop", "2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drop");
    assertThatThrownBy(() -> LoadOptions.parse("--bogus", "1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bogus");
  }
}
