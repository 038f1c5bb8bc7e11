package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

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
 * loaded machine). In a JVM of its own, so that nothing is cached from other look-ups.
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
}
