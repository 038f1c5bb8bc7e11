package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolver.LookupPolicy;
import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/**
 * No provider call blocks past the resolver's deadline: a name whose zone's server never answers
 * gets its {@code UnknownHostException}, saying why, within the deadline (and a margin for a
 * loaded machine), counted from the call. In a JVM of its own, so that nothing is cached from
 * other look-ups.
 */
class DeadlineTest extends JdkLabTest {

  /** Generous, for a loaded machine: what the assertion allows past the deadline. */
  private static final double MARGIN_MS = 3_000;

  @AfterEach
  void answerAgain() {
    lab.serversFor(Name.fromConstantString("app.test.")).forEach(AuthServer::clearFault);
  }

  @Test
  @DisplayName("a zone whose server never answers: getByName fails within the resolver's deadline, saying why")
  void silentServer_failsWithinDeadline() throws Exception {
    lab.serversFor(Name.fromConstantString("app.test.")).forEach(server -> server.setFault(new Fault.Drop()));

    List<String> lines = Probe.run(lab, List.of(), "timed", "www.app.test");

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("UnknownHostException: www.app.test: ");
    assertThat(Double.parseDouble(lines.get(1))).as("milliseconds getByName took")
        .isLessThan(Budgets.DEFAULTS.deadline().toMillis() + MARGIN_MS);
  }

  @Test
  @DisplayName("the first call's time to build the resolver counts against its deadline: a slow build leaves less to wait")
  void slowFirstBuild_countsAgainstTheDeadline() {
    lab.serversFor(Name.fromConstantString("app.test.")).forEach(server -> server.setFault(new Fault.Drop()));
    // The resolver's own build and its first question's start come on top of the settings' time: on a starved
    // machine (a quarter of a CPU) over a second of it. The deadline is longer than that, so that a call that
    // waited a deadline after the build is told from one that did not.
    Duration deadline = Duration.ofSeconds(3);
    Duration build = Duration.ofSeconds(4); // as long as a starved machine takes to load the resolver's classes
    ProviderSettings.read(System::getProperty).build().close(); // loaded here, so the sleep is the build's cost
    InetAddressResolver resolver = new DnschaseInetAddressResolver(null, "this-host.invalid", () -> {
      sleep(build);
      return ProviderSettings.read(System::getProperty);
    }, deadline);

    long start = System.nanoTime();
    assertThatThrownBy(() -> resolver.lookupByName("www.app.test", LookupPolicy.of(LookupPolicy.IPV4)))
        .isInstanceOf(UnknownHostException.class).hasMessageStartingWith("www.app.test: no answer within");
    double tookMs = (System.nanoTime() - start) / 1e6;

    // the build alone spent the deadline: the call ends once the resolver is built, not a deadline later
    assertThat(tookMs).as("milliseconds the call took").isLessThan(build.plus(deadline).toMillis() - 100);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
