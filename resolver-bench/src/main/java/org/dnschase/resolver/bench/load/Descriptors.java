package org.dnschase.resolver.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The file descriptors this JVM holds open, by kind, read from {@code /proc/self/fd} (Linux).
 * Sockets, epoll and event descriptors are what a resolver opens; plain files are the JVM's own
 * (jars opened as classes load), counted apart so that class loading is not taken for a leak.
 *
 * @param byKind how many of each kind: socket, pipe, eventpoll, eventfd, timerfd, ..., file
 */
record Descriptors(Map<String, Integer> byKind) {
  private static final Path FDS = Path.of("/proc/self/fd");

  Descriptors {
    byKind = Map.copyOf(byKind);
  }

  /** Whether descriptors can be counted here at all. */
  static boolean countable() {
    return Files.isDirectory(FDS);
  }

  /** The descriptors open now; none where {@code /proc/self/fd} does not exist. */
  static Descriptors now() {
    Map<String, Integer> kinds = new TreeMap<>();
    if (!countable()) {
      return new Descriptors(kinds);
    }
    try (Stream<Path> entries = Files.list(FDS)) {
      entries.map(Descriptors::kind).filter(kind -> !kind.isEmpty())
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

  /** Every descriptor but plain files: the ones a resolver opens and must close. */
  int io() {
    return total() - byKind.getOrDefault("file", 0);
  }

  @Override
  public String toString() {
    return total() + " " + byKind;
  }

  private static String kind(Path fd) {
    String target;
    try {
      target = Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      return ""; // closed while listed, among them the directory stream's own descriptor
    }
    if (target.startsWith("anon_inode:")) {
      return target.substring("anon_inode:".length()).replace("[", "").replace("]", "");
    }
    int colon = target.indexOf(":[");
    return colon > 0 ? target.substring(0, colon) : "file";
  }
}
