package org.dnschase.resolver.zones;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.dnschase.resolver.internal.ConfigFiles;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Tokenizer;

/**
 * The walk over a zone file's {@code $INCLUDE} tree that comes before dnsjava's {@code Master}
 * reads it: {@code Master} opens an included file itself, past the checks the zone file passed,
 * so a {@code $INCLUDE /dev/zero} filled the heap, a file that includes itself was read for ever,
 * and an included file's {@code $GENERATE} was expanded whatever its size. Each line's first token
 * is read with dnsjava's own {@link Tokenizer}, as {@code Master} reads it, so the directives found
 * here are those it will obey.
 */
final class ZoneIncludes {

  /** NSD's limit ("includes nested too deeply"): deeper is a mistake, not a layout. */
  static final int MAX_DEPTH = 10;

  private ZoneIncludes() {}

  /**
   * Checks every file {@code zoneFile} includes, at any depth.
   *
   * @throws TextParseException naming the file and line of the first {@code $INCLUDE} of a file
   *     that is not there, not a regular file, being read already or too deep, or of a {@code
   *     $GENERATE} in an included file that stands for more than {@link AuthZone#MAX_GENERATED}
   *     records
   */
  static void check(Path zoneFile) throws IOException {
    Deque<Path> reading = new ArrayDeque<>();
    reading.push(zoneFile.toRealPath());
    walk(zoneFile, reading);
  }

  private static void walk(Path file, Deque<Path> reading) throws IOException {
    try (Tokenizer st = new Tokenizer(file.toFile())) {
      for (Tokenizer.Token first = st.get(true, false); first.type != Tokenizer.EOF; first = st.get(true, false)) {
        if (first.isString() && first.value.equalsIgnoreCase("$INCLUDE")) {
          Path included = resolve(file, st.getString());
          requireReadable(st, included, reading);
          reading.push(included.toRealPath());
          walk(included, reading);
          reading.pop();
        } else if (first.isString() && first.value.equalsIgnoreCase("$GENERATE") && reading.size() > 1) {
          requireSaneRange(st, st.getString()); // the zone file's own are checked once parsed
        }
        skipLine(st);
      }
    }
  }

  /** As {@code Master}: a relative name is taken from the including file's directory. */
  private static Path resolve(Path including, String name) {
    Path parent = including.getParent();
    return parent == null ? Path.of(name) : parent.resolve(name);
  }

  private static void requireReadable(Tokenizer st, Path included, Deque<Path> reading) throws IOException {
    String which = "$INCLUDE of " + included;
    if (!Files.exists(included)) {
      throw st.exception(which + ", which does not exist");
    }
    if (Files.isDirectory(included)) {
      throw st.exception(which + ", which is a directory");
    }
    try {
      ConfigFiles.requireRegular(included);
    } catch (FileSystemException e) {
      throw st.exception("$INCLUDE of " + e.getMessage());
    }
    if (reading.contains(included.toRealPath())) {
      throw st.exception(which + ", which is being read already (a loop)");
    }
    if (reading.size() > MAX_DEPTH) {
      throw st.exception(which + " nests includes deeper than " + MAX_DEPTH);
    }
    if (!Files.isReadable(included)) {
      throw st.exception(which + ", which cannot be read");
    }
  }

  /** {@code start-end[/step]}, as {@code Master} reads it; one it cannot read, it refuses itself. */
  private static void requireSaneRange(Tokenizer st, String range) throws TextParseException {
    String[] bounds = range.split("[-/]");
    try {
      long start = Long.parseLong(bounds[0]);
      long end = Long.parseLong(bounds[1]);
      long step = bounds.length > 2 ? Long.parseLong(bounds[2]) : 1;
      if (step > 0 && (end - start) / step >= AuthZone.MAX_GENERATED) {
        throw st.exception("$GENERATE " + range + " stands for more than " + AuthZone.MAX_GENERATED + " records");
      }
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      // left to Master, which names the line
    }
  }

  private static void skipLine(Tokenizer st) throws IOException {
    st.unget();
    for (Tokenizer.Token token = st.get(); !token.isEOL(); token = st.get()) {
      // the rest of a record, its parentheses and quotes read as Master reads them
    }
  }
}
