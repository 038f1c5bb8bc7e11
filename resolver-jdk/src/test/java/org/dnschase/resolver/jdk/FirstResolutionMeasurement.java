package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first {@code InetAddress.getByName} in a fresh JVM, timed inside the JVM: through the
 * provider (cold cache, walked from the lab's root), through the provider again with an AOT cache
 * (JDK 25's {@code -XX:AOTCache}, made by one training run of the same probe, as a launch script
 * of ours could ship it) and, beside them, the built-in resolver answering the same name from a
 * {@code jdk.net.hosts.file}, so nothing leaves loopback, and the first use of the libraries alone
 * (no look-up: the floor under the provider's figure). The probes run from jars (this module's
 * classes and test classes packed into temporary ones, the rest of the test class path as it is),
 * since the JVM makes no AOT cache of classes in directories. Not part of the build: {@code
 * bin/first-resolution} runs it ({@code -Ddnschase.measure=true}) and it writes its table to
 * {@code target/first-resolution.txt}.
 */
@EnabledIfSystemProperty(named = "dnschase.measure", matches = "true")
class FirstResolutionMeasurement extends JdkLabTest {

  private static final Pattern JVM_LOG_LINE = Pattern.compile("\\[\\d+\\.\\d+s\\]\\[");

  private static final int RUNS = Integer.getInteger("dnschase.measure.runs", 11);
  /** JVM flags for the provider's runs only, to try what they buy (none by default: what an embedder gets). */
  private static final List<String> EXTRA_FLAGS = System.getProperty("dnschase.measure.jvmArgs", "").isBlank()
      ? List.of() : List.of(System.getProperty("dnschase.measure.jvmArgs").strip().split("\\s+"));

  @Test
  @DisplayName("first look-up in a fresh JVM: dnschase's provider, with and without an AOT cache, against the built-in resolver's hosts file")
  void firstLookUp_inAFreshJvm(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("first-resolution.hosts"), "127.0.0.1 www.app.test\n");
    String classPath = jarredClassPath(dir);
    Path aotCache = dir.resolve("first-resolution.aot");
    // the training run: the JVM writes the cache as it exits (and says so on its output)
    Probe.run(lab, classPath, List.of("-XX:AOTCacheOutput=" + aotCache), "timed", "www.app.test");
    List<String> withCache = List.of("-XX:AOTCache=" + aotCache);
    List<Double> provider = new ArrayList<>();
    List<Double> cached = new ArrayList<>();
    List<Double> builtin = new ArrayList<>();
    List<Double> libraries = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      provider.add(millis(Probe.run(lab, classPath, EXTRA_FLAGS, "timed", "www.app.test"), "127.0.0.1"));
      cached.add(millis(Probe.run(lab, classPath, withCache, "timed", "www.app.test"), "127.0.0.1"));
      builtin.add(millis(Probe.run(lab, classPath, List.of("-Djdk.net.hosts.file=" + hosts), "timed", "www.app.test"),
          "127.0.0.1"));
      libraries.add(millis(Probe.run(lab, classPath, List.of(), "libraries", "www.app.test"), "libraries"));
    }
    String table = String.format(Locale.ROOT, """
        first InetAddress.getByName("www.app.test") in a fresh JVM, ms (%d runs each, interleaved)
                                              median    min    max
        dnschase provider, JVM flags: %-7s %6.1f %6.1f %6.1f
        dnschase provider, AOT cache          %6.1f %6.1f %6.1f
        built-in resolver, jdk.net.hosts.file %6.1f %6.1f %6.1f
        libraries' first use only, no look-up %6.1f %6.1f %6.1f
        """, RUNS, EXTRA_FLAGS.isEmpty() ? "none" : "given", median(provider), min(provider), max(provider),
        median(cached), min(cached), max(cached), median(builtin), min(builtin), max(builtin),
        median(libraries), min(libraries), max(libraries));
    Files.writeString(Path.of("target", "first-resolution.txt"), table);
    System.out.println(table);
    assertThat(provider).allMatch(ms -> ms > 0);
  }

  /** The test class path with each directory on it (this module's classes) packed into a jar in {@code dir}. */
  private static String jarredClassPath(Path dir) throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      entries.add(Files.isDirectory(path) ? jar(path, dir.resolve("classes-" + entries.size() + ".jar")).toString()
          : entry);
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Path jar(Path classes, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /**
   * The probe's second line, the milliseconds; its first line must be {@code first} (the lab's
   * address). The JVM's own log lines ({@code [0.015s][warning][aot] ...}, which an AOT cache whose
   * compiled code no longer links writes to standard output) are not the probe's.
   */
  private static double millis(List<String> lines, String first) {
    List<String> probe = lines.stream().filter(line -> !JVM_LOG_LINE.matcher(line).lookingAt()).toList();
    assertThat(probe).as("the probe's output").hasSize(2).first().isEqualTo(first);
    return Double.parseDouble(probe.get(1));
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
