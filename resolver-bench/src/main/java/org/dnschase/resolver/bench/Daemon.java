package org.dnschase.resolver.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A DNS server the side-by-side runs as a child process (Unbound, NSD): kept in the foreground,
 * so that stopping it is stopping one process, with its configuration, pidfile and output in a
 * temporary directory of its own that goes with it. Whether it is up, and everything else asked of
 * it, goes through its control tool.
 */
final class Daemon implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  /** The directory for the daemon's files; {@link #close()} deletes it. */
  final Path dir;
  private final Path output;
  private Process process;

  Daemon(String name) throws IOException {
    dir = Files.createTempDirectory("dnschase-" + name);
    output = dir.resolve(name + ".out");
  }

  /**
   * Starts {@code command} and waits until {@code status} (a control command) succeeds. If it
   * does not within the start timeout, stops the daemon, deletes its directory and throws with
   * what the daemon printed.
   */
  void start(List<String> command, List<String> status) throws IOException, InterruptedException {
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (run(status) == null) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String printed = Files.readString(output);
        close();
        throw new IOException(command.get(0) + " did not start; it printed: " + printed);
      }
      Thread.sleep(50);
    }
  }

  /** Runs a control command and returns what it printed; throws if it fails. */
  String control(List<String> command) throws IOException, InterruptedException {
    String printed = run(command);
    if (printed == null) {
      throw new IOException(String.join(" ", command) + " failed");
    }
    return printed;
  }

  /** What {@code command} printed, or null if it failed or did not end in time. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Process control = new ProcessBuilder(command).redirectErrorStream(true).start();
    // control tools print a few kilobytes at most, which the pipe holds until they end
    if (!control.waitFor(CONTROL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      control.destroyForcibly();
      return null;
    }
    String printed = new String(control.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return control.exitValue() == 0 ? printed : null;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
