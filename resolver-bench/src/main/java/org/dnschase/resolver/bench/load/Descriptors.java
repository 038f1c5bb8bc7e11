package org.dnschase.resolver.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The file descriptors this JVM holds open, by kind, read from {@code /proc/self/fd} (Linux).
 * Sockets, epoll and event descriptors are what a resolver opens. Two kinds are counted apart so
 * that they are not taken for its leaks: plain files (jars the JVM opens as classes load) and the
 * lab's sockets, those on its port.
 *
 * @param byKind how many of each kind: socket, lab socket, pipe, eventpoll, eventfd, ..., file
 */
record Descriptors(Map<String, Integer> byKind) {
  private static final Path FDS = Path.of("/proc/self/fd");
  private static final String FILE = "file";
  private static final String LAB_SOCKET = "lab socket";

  Descriptors {
    byKind = Map.copyOf(byKind);
  }

  /** Whether descriptors can be counted here at all. */
  static boolean countable() {
    return Files.isDirectory(FDS);
  }

  /**
   * The descriptors open now, the sockets on {@code labPort} as lab sockets; none where
   * {@code /proc/self/fd} does not exist.
   */
  static Descriptors now(int labPort) {
    Map<String, Integer> kinds = new TreeMap<>();
    if (!countable()) {
      return new Descriptors(kinds);
    }
    Set<String> lab = PortSockets.inodes(labPort);
    try (Stream<Path> entries = Files.list(FDS)) {
      entries.map(fd -> kind(fd, lab)).filter(kind -> !kind.isEmpty())
          .forEach(kind -> kinds.merge(kind, 1, Integer::sum));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Descriptors(kinds);
  }

  /** Every descriptor. */
  int total() {
    return byKind.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Every descriptor but plain files and the lab's sockets: the ones a resolver opens and must close. */
  int io() {
    return total() - byKind.getOrDefault(FILE, 0) - byKind.getOrDefault(LAB_SOCKET, 0);
  }

  @Override
  public String toString() {
    return total() + " " + byKind;
  }

  private static String kind(Path fd, Set<String> labInodes) {
    String target;
    try {
      target = Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      return ""; // closed while listed, among them the directory stream's own descriptor
    }
    if (target.startsWith("anon_inode:")) {
      return target.substring("anon_inode:".length()).replace("[", "").replace("]", "");
    }
    if (target.startsWith("socket:[")) {
      return labInodes.contains(target.substring("socket:[".length(), target.length() - 1))
          ? LAB_SOCKET : "socket";
    }
    int colon = target.indexOf(":[");
    return colon > 0 ? target.substring(0, colon) : FILE;
  }
}
