package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The first {@code InetAddress.getByName} in a fresh JVM, timed inside the JVM: through the
 * provider (cold cache, walked from the lab's root) and, beside it, the built-in resolver answering
 * the same name from a {@code jdk.net.hosts.file}, so nothing leaves loopback. Not part of the
 * build: {@code bin/first-resolution} runs it ({@code -Ddnschase.measure=true}) and it writes its
 * table to {@code target/first-resolution.txt}.
 */
@EnabledIfSystemProperty(named = "dnschase.measure", matches = "true")
class FirstResolutionMeasurement extends JdkLabTest {

  private static final int RUNS = Integer.getInteger("dnschase.measure.runs", 11);
  /** JVM flags for the provider's runs only, to try what they buy (none by default: what an embedder gets). */
  private static final List<String> EXTRA_FLAGS = System.getProperty("dnschase.measure.jvmArgs", "").isBlank()
      ? List.of() : List.of(System.getProperty("dnschase.measure.jvmArgs").strip().split("\\s+"));

  @Test
  @DisplayName("first look-up in a fresh JVM: dnschase's provider against the built-in resolver's hosts file")
  void firstLookUp_inAFreshJvm() throws Exception {
    Path hosts = Files.writeString(Files.createTempFile("first-resolution", ".hosts"), "127.0.0.1 www.app.test\n");
    List<Double> provider = new ArrayList<>();
    List<Double> builtin = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      provider.add(millis(Probe.run(lab, EXTRA_FLAGS, "timed", "www.app.test")));
      builtin.add(millis(Probe.run(lab, List.of("-Djdk.net.hosts.file=" + hosts), "timed", "www.app.test")));
    }
    String table = String.format(Locale.ROOT, """
        first InetAddress.getByName("www.app.test") in a fresh JVM, ms (%d runs each, interleaved)
                                              median    min    max
        dnschase provider, JVM flags: %-7s %6.1f %6.1f %6.1f
        built-in resolver, jdk.net.hosts.file %6.1f %6.1f %6.1f
        """, RUNS, EXTRA_FLAGS.isEmpty() ? "none" : "given", median(provider), min(provider), max(provider), median(builtin), min(builtin), max(builtin));
    Files.writeString(Path.of("target", "first-resolution.txt"), table);
    System.out.println(table);
    Files.deleteIfExists(hosts);
    assertThat(provider).allMatch(ms -> ms > 0);
  }

  /** The probe's second line, the milliseconds; its first line must be the lab's address. */
  private static double millis(List<String> lines) {
    assertThat(lines).as("the probe's output").hasSize(2).first().isEqualTo("127.0.0.1");
    return Double.parseDouble(lines.get(1));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }
}
