package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.FaultToleranceTest.addresses;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * Servers that stop answering, on real loopback sockets (Unbound's infra cache): three timeouts in
 * a row, the last at the ceiling of the server's wait, mark it down, and the questions only it
 * could answer fail at once (ALL_SERVERS_FAILED, which a server answers as SERVFAIL with EDE 22, No
 * Reachable Authority) rather than each waiting for it again, until a probe finds it back.
 */
class DeadServerTest extends FaultLabFixture {

  /** Waits of 1 s: a dead server costs 3 of them, 3 s of silence, before it is marked down, and 5 each time before. */
  private static final Budgets ONE_SECOND = Budgets.DEFAULTS.withQueryTimeout(Duration.ofSeconds(1));
  /** Far less than the 5 s a question cost before, generous for a busy machine. */
  private static final Duration AT_ONCE = Duration.ofMillis(1000);

  @Test
  @DisplayName("Unbound infra cache: a zone whose only server is dead fails the next new name at once, naming the server")
  void onlyServerDead_nextNameFailsAtOnce() {
    try (Resolver resolver = ChainLab.resolverFor(lab).budgets(ONE_SECOND).build()) {
      Resolution first = resolver.resolve("www.alldead.test.", Type.A);
      assertDown(first, "127.53.42.9");

      long start = System.nanoTime();
      Resolution next = resolver.resolve("mail.alldead.test.", Type.A);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
      assertDown(next, "127.53.42.9");
    }
  }

  @Test
  @DisplayName("Unbound's probe: a server marked down that answers again is used again once its mark has run out")
  void serverBack_usedAgainAfterItsMark() {
    AuthServer only = lab.server(FaultLab.address(FaultLab.ONE_SERVER));
    // the machine's time, which the test skips ahead of: a down mark's 5 s are not waited for
    AtomicLong skipped = new AtomicLong();
    long origin = System.nanoTime();
    TimeSource time = TimeSource.ofNanos(Instant.now(), () -> System.nanoTime() - origin + skipped.get());
    try (Resolver resolver = ChainLab.resolverFor(lab).timeSource(time).budgets(ONE_SECOND).build()) {
      only.setFault(new Fault.Drop());
      assertDown(resolver.resolve("www.one.test.", Type.A), FaultLab.ONE_SERVER);
      only.clearFault();
      only.clearQueries();
      assertDown(resolver.resolve(FaultLab.LONG_LABEL + ".one.test.", Type.A), FaultLab.ONE_SERVER);
      assertThat(only.queryCount()).as("not asked while marked down").isZero();

      skipped.addAndGet(Duration.ofSeconds(5).toNanos());

      assertThat(addresses(resolver.resolve(FaultLab.LONG_LABEL + ".one.test.", Type.A))).containsExactly("192.0.2.5");
      assertThat(addresses(resolver.resolve("www.one.test.", Type.A))).containsExactly("192.0.2.3");
    }
  }

  @Test
  @DisplayName("RFC 1035 §7.2: a zone with a dead and a live server is answered by the live one, the dead one's wait paid once at most")
  void deadBesideLiveServer_liveOneAnswers() {
    first.setFault(new Fault.Drop());
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      long start = System.nanoTime();
      for (int i = 1; i <= 6; i++) {
        assertThat(addresses(resolver.resolve("n" + i + ".two.test.", Type.A))).hasSize(1);
      }

      // one first wait of 1 s if the dead server was asked first, generous bounds besides
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
      assertThat(first.queryCount()).isLessThanOrEqualTo(1);
    }
  }

  private static void assertDown(Resolution result, String address) {
    assertThat(result).isInstanceOf(Resolution.Failure.class);
    Resolution.Failure failure = (Resolution.Failure) result;
    assertThat(failure.reason()).as("%s", failure).isEqualTo(FailureReason.ALL_SERVERS_FAILED);
    assertThat(failure.detail()).contains(address + " is marked down");
  }
}
