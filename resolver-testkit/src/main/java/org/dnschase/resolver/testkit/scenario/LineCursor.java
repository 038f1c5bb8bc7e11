package org.dnschase.resolver.testkit.scenario;

import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Walks the non-blank lines of a scenario, with the file name for error messages. It reads the
 * zone-file directives testbound allows between lines ({@code $ORIGIN}, {@code $TTL}) itself:
 * they set the origin of relative owner names and the default TTL of the records that follow.
 */
final class LineCursor {

  private final String source;
  private final List<SourceLine> lines;
  /** The file's last line that is not blank, named when the file ends too early. */
  private final int lastLine;
  private int next;
  private Name origin = Name.root;
  private long defaultTtl = RecordParser.DEFAULT_TTL;

  LineCursor(String source, List<SourceLine> lines, int lastLine) {
    this.source = source;
    this.lines = lines;
    this.lastLine = lastLine;
  }

  boolean hasNext() {
    skipDirectives();
    return next < lines.size();
  }

  /** The origin of relative names: the root, or the last {@code $ORIGIN}. */
  Name origin() {
    return origin;
  }

  /** The TTL of records that give none: 3600, or the last {@code $TTL}. */
  long defaultTtl() {
    return defaultTtl;
  }

  private void skipDirectives() {
    while (next < lines.size() && lines.get(next).text().startsWith("$")) {
      SourceLine line = lines.get(next++);
      List<String> args = line.arguments();
      if (args.size() != 1) {
        throw error(line.number(), "expected one value after " + line.keyword());
      }
      try {
        switch (line.keyword()) {
          case "$ORIGIN" -> origin = Name.fromString(args.get(0), origin);
          case "$TTL" -> defaultTtl = Long.parseLong(args.get(0));
          default -> throw error(line.number(), "directive " + line.keyword() + " is not supported");
        }
      } catch (TextParseException | NumberFormatException e) {
        throw error(line.number(), "bad " + line.keyword() + ": " + args.get(0), e);
      }
    }
  }

  /** The next line; {@code context} says what was being read if the file ends here. */
  SourceLine next(String context) {
    if (!hasNext()) {
      throw error(lastLine, "file ends inside " + context);
    }
    return lines.get(next++);
  }

  ScenarioFormatException error(int line, String message) {
    return new ScenarioFormatException(source, line, message);
  }

  ScenarioFormatException error(int line, String message, Throwable cause) {
    return new ScenarioFormatException(source, line, message, cause);
  }
}
