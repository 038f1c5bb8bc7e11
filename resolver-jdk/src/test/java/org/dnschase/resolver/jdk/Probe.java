package org.dnschase.resolver.jdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.testkit.TestHierarchy;

/**
 * Runs {@link ProbeMain} in a JVM of its own, for what the JDK reads once per JVM: the address
 * order properties, and the provider's own settings. The child gets this JVM's class path and its
 * {@code dnschase.*} properties (loopback only, the lab's root hints and port), then {@code jvmArgs}.
 */
final class Probe {

  private Probe() {}

  /** The child's standard output, line by line. */
  static List<String> run(TestHierarchy lab, List<String> jvmArgs, String... probe) throws IOException,
      InterruptedException {
    return run(lab, System.getProperty("java.class.path"), jvmArgs, probe);
  }

  /** The child's standard output, line by line, the child started with {@code classPath}. */
  static List<String> run(TestHierarchy lab, String classPath, List<String> jvmArgs, String... probe)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath);
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("dnschase."))
        .sorted().forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.add("-Ddnschase.upstreamPort=" + lab.port());
    command.addAll(jvmArgs);
    command.add(ProbeMain.class.getName());
    command.addAll(List.of(probe));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the probe did not end within 60 s: " + command);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("the probe exited with " + process.exitValue() + ": " + command);
    }
    return new String(out, StandardCharsets.UTF_8).lines().toList();
  }
}
