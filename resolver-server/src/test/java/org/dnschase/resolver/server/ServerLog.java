package org.dnschase.resolver.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** What the server's log (slf4j-simple in tests, which writes to standard error) says while an action runs. */
final class ServerLog {

  /**
   * A result and the log written while it was made.
   *
   * @param result what the action gave
   * @param log the log's lines
   */
  record Logged<T>(T result, String log) {}

  private ServerLog() {}

  /** Runs {@code action}, keeping what the log says meanwhile. */
  static <T> Logged<T> during(Supplier<T> action) {
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      T result = action.get();
      return new Logged<>(result, log.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(err);
    }
  }
}
