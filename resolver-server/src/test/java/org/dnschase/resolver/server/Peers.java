package org.dnschase.resolver.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real DNS clients the server is asked with, {@code dig} and {@code kdig}, run as processes.
 * A test whose client is not installed is skipped, saying so ({@code .ci/install-peers} installs
 * them).
 */
public final class Peers {

  /** How long a client may take; each asks once, with a 5 s timeout. */
  private static final long PROCESS_TIMEOUT_SECONDS = 30;

  private Peers() {}

  /** Skips the test unless {@code tool} is on the PATH. */
  static void require(String tool) {
    assumeTrue(onPath(tool), tool + " is not installed (.ci/install-peers installs it): skipped");
  }

  static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code dig @server -p port +tries=1 +time=5 args...} and returns its output. */
  public static Output dig(InetSocketAddress server, String... args) {
    return run("dig", server, List.of("+tries=1", "+time=5"), args);
  }

  /** Runs {@code kdig @server -p port +retry=0 +time=5 args...} and returns its output. */
  static Output kdig(InetSocketAddress server, String... args) {
    return run("kdig", server, List.of("+retry=0", "+time=5"), args);
  }

  /** Starts {@code kdig}, for a question that must be under way while the test goes on. */
  static Process startKdig(InetSocketAddress server, String... args) {
    require("kdig");
    try {
      return new ProcessBuilder(command("kdig", server, List.of("+retry=0", "+time=10"), args))
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The output of a process started by {@link #startKdig}, once it has ended. */
  static Output finish(Process process) {
    try {
      if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the client did not finish in " + PROCESS_TIMEOUT_SECONDS + " s");
      }
      return new Output(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Output run(String tool, InetSocketAddress server, List<String> defaults, String... args) {
    require(tool);
    try {
      Process process = new ProcessBuilder(command(tool, server, defaults, args)).redirectErrorStream(true).start();
      return finish(process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> command(String tool, InetSocketAddress server, List<String> defaults, String... args) {
    List<String> command = new ArrayList<>(List.of(tool, "@" + server.getAddress().getHostAddress(),
        "-p", String.valueOf(server.getPort())));
    command.addAll(defaults);
    command.addAll(List.of(args));
    return command;
  }

  /** What a client printed. */
  public record Output(String text) {

    /** The rcode of every answer printed, in order: one per question asked. */
    List<String> statuses() {
      List<String> all = new ArrayList<>();
      for (int at = text.indexOf("status: "); at >= 0; at = text.indexOf("status: ", at + 1)) {
        all.add(new Output(text.substring(at)).status());
      }
      return all;
    }

    /**
     * The rcode in the header line, such as {@code NOERROR}, of a response: a message printed
     * without QR is none (dig prints what it reads, its own query too, as when the kernel gave its
     * socket the server's port), and fails the test.
     */
    String status() {
      if (!List.of(flags().split(" ")).contains("qr")) {
        throw new AssertionError("the client printed a message that is no response (QR clear):\n" + text);
      }
      return field("status: ");
    }

    /** The header's flags, such as {@code qr rd ra}. */
    String flags() {
      int start = text.toLowerCase(java.util.Locale.ROOT).indexOf("flags: "); // kdig: "Flags: "
      if (start < 0) {
        throw new AssertionError("no flags in:\n" + text);
      }
      return text.substring(start + 7, text.indexOf(';', start)).strip();
    }

    /** The records of the answer section, each as its fields joined by single spaces. */
    List<String> answers() {
      return section("ANSWER SECTION:");
    }

    /** The records of the authority section. */
    List<String> authority() {
      return section("AUTHORITY SECTION:");
    }

    private String field(String name) {
      int start = text.indexOf(name);
      if (start < 0) {
        throw new AssertionError("no '" + name + "' in:\n" + text);
      }
      int end = start + name.length();
      while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
        end++;
      }
      return text.substring(start + name.length(), end);
    }

    private List<String> section(String title) {
      List<String> records = new ArrayList<>();
      boolean in = false;
      for (String line : text.split("\n")) {
        if (line.contains(title)) {
          in = true;
        } else if (in && (line.isBlank() || line.startsWith(";;"))) {
          break;
        } else if (in) {
          records.add(String.join(" ", line.strip().split("\\s+")));
        }
      }
      return records;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
