package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code dnschase.enabled=false} hands every call to the JDK's built-in resolver: with it the lab
 * is never asked. Shown on a reverse look-up of 127.0.0.1, which the two tell apart without a
 * packet off loopback: the built-in resolver names it from the hosts file ({@code localhost}),
 * while the provider, given the lab's server for {@code 127.in-addr.arpa.} as a stub zone (which
 * wins over the zone it serves itself), asks the lab, which has no such PTR, and the JDK falls back
 * to the literal.
 * Each setting runs in a JVM of its own: the JDK asks the provider for its resolver once.
 */
class DisabledProviderTest extends JdkLabTest {

  private static final String REVERSE_NAME = "1.0.0.127.in-addr.arpa.";

  @Test
  @DisplayName("dnschase.enabled=false: the built-in resolver answers and the lab is never asked")
  void disabled_builtinAnswers() throws Exception {
    lab.clearQueries();

    List<String> lines = Probe.run(lab, List.of("-Ddnschase.enabled=false"), "canonical", "127.0.0.1");

    assertThat(lines).containsExactly("localhost");
    assertThat(lab.queryCount()).as("queries the lab got").isZero();
  }

  @Test
  @DisplayName("enabled (the default), the same look-up goes to the lab")
  void enabled_labIsAsked() throws Exception {
    lab.clearQueries();

    List<String> lines = Probe.run(lab, List.of("-Ddnschase.stubZones=127.in-addr.arpa.=127.53.44.1"), "canonical",
        "127.0.0.1");

    assertThat(lines).containsExactly("127.0.0.1");
    assertThat(JdkLab.asked(lab, REVERSE_NAME)).isTrue();
  }
}
