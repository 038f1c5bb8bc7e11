package org.dnschase.resolver.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code samples as the javadoc's {@code {@snippet}} sees them: a region of a compiled source file,
 * between {@code // @start region=NAME} and {@code // @end} (or {@code // @end region=NAME}),
 * without its markup lines and without the indentation its lines share.
 */
final class Samples {

  private static final Pattern START = Pattern.compile("^\\s*// @start region=\"?([\\w.-]+)\"?\\s*$");
  private static final Pattern END = Pattern.compile("^\\s*// @end(?: region=\"?([\\w.-]+)\"?)?\\s*$");

  private Samples() {}

  /**
   * The text of {@code region} in {@code file}, as the javadoc renders it.
   *
   * @throws IllegalArgumentException if the file has no such region, or it is empty or not closed
   */
  static String region(Path file, String region) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> body = new ArrayList<>();
    List<String> open = new ArrayList<>();
    boolean found = false;
    for (String line : lines) {
      Matcher start = START.matcher(line);
      Matcher end = END.matcher(line);
      if (start.matches()) {
        found |= start.group(1).equals(region);
        if (found) {
          open.add(start.group(1));
        }
      } else if (end.matches() && !open.isEmpty()) {
        String closed = end.group(1) != null ? end.group(1) : open.getLast();
        open.remove(closed);
        if (!open.contains(region)) {
          return unindent(body, file, region);
        }
      } else if (open.contains(region)) {
        body.add(line);
      }
    }
    throw new IllegalArgumentException(file + ": " + (found ? "region " + region + " is not closed by // @end"
        : "no region " + region + " (// @start region=" + region + ")"));
  }

  private static String unindent(List<String> body, Path file, String region) {
    int indent = body.stream().filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length()).min()
        .orElseThrow(() -> new IllegalArgumentException(file + ": region " + region + " is empty"));
    StringBuilder text = new StringBuilder();
    body.forEach(line -> text.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n'));
    return text.toString();
  }
}
