package org.dnschase.resolver.internal.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Counts the sockets and epoll selectors this JVM holds open, from /proc/self/fd (Linux only). */
public final class OpenSockets {

  private OpenSockets() {}

  /** The count now; aborts the calling test where /proc/self/fd does not exist. */
  public static long count() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd to count open sockets");
    try (Stream<Path> entries = Files.list(fds)) {
      return entries.map(OpenSockets::linkTarget)
          .filter(target -> target.startsWith("socket:") || target.contains("eventpoll")).count();
    }
  }

  private static String linkTarget(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      return ""; // the descriptor closed while we listed it
    }
  }
}
