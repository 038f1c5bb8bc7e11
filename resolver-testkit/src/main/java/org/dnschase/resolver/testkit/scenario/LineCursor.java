package org.dnschase.resolver.testkit.scenario;

import java.util.List;

/** Walks the non-blank lines of a scenario, with the file name for error messages. */
final class LineCursor {

  private final String source;
  private final List<SourceLine> lines;
  private int next;

  LineCursor(String source, List<SourceLine> lines) {
    this.source = source;
    this.lines = lines;
  }

  boolean hasNext() {
    return next < lines.size();
  }

  /** The next line; {@code context} says what was being read if the file ends here. */
  SourceLine next(String context) {
    if (!hasNext()) {
      int last = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).number();
      throw error(last, "file ends inside " + context);
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
