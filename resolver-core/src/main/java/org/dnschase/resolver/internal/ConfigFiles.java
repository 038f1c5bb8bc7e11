package org.dnschase.resolver.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check every configuration file the resolver reads to its end (root hints, trust anchors, a
 * hosts file, resolv.conf, an auth zone's file) passes first: a device or a pipe named by mistake
 * ({@code /dev/zero}, {@code /dev/stdin}) has no end, or none until someone writes to it, and read
 * it would fill the heap or hold the start for ever.
 */
public final class ConfigFiles {

  private ConfigFiles() {}

  /**
   * Refuses a file that is there but is neither a regular file nor a directory (whose reading
   * fails at once, saying so).
   *
   * @throws FileSystemException naming the file, whose reason says why
   */
  public static void requireRegular(Path file) throws IOException {
    if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "not a regular file (a device or a pipe, "
          + "without an end to read to)");
    }
  }

  /**
   * Why a file could not be read, in words, without the exception's class: "no such file",
   * "permission denied", "Is a directory".
   *
   * @param e what reading it threw
   * @return the reason
   */
  public static String reason(IOException e) {
    return switch (e) {
      case java.nio.file.NoSuchFileException missing -> "no such file";
      case java.nio.file.AccessDeniedException denied -> "permission denied";
      case FileSystemException other when other.getReason() != null -> other.getReason();
      default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    };
  }
}
