package org.dnschase.resolver.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first line of every record in master-file text (RFC 1035 §5.1), because dnsjava's {@code
 * Master} does not say which line a record came from. The text is split into logical records the
 * way dnsjava's {@code Tokenizer} splits it: a {@code (} ... {@code )} group joins lines, a
 * {@code ;} outside quotes starts a comment up to the end of the line, quotes hold {@code ;} and
 * parentheses as text, a backslash escapes the next character, and blank or comment-only lines
 * hold no record. A line whose first character is {@code $} is a directive, not a record. Then
 * the i-th record {@code Master} returns started on the i-th line listed here.
 */
final class ZoneLines {
  private final String text;
  private final List<Integer> starts = new ArrayList<>();
  private int line = 1;
  private int lineStart;
  private int depth;
  /** The line the current logical record started on, or -1 before its first character. */
  private int recordLine = -1;
  private boolean recordIsDirective;

  private ZoneLines(String text) {
    this.text = text;
  }

  /**
   * The 1-based first line of each record, in file order.
   *
   * @throws IllegalArgumentException for {@code $GENERATE} (one line, many records) and {@code
   *     $INCLUDE} (records from another file), which would break the one-to-one mapping
   */
  static List<Integer> recordStartLines(String text) {
    ZoneLines lines = new ZoneLines(text);
    lines.scan();
    return List.copyOf(lines.starts);
  }

  private void scan() {
    boolean quoted = false;
    boolean comment = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        i = lineEnd(i); // dnsjava ends a quoted string here too, with an error of its own
        quoted = false;
        comment = false;
      } else if (comment || (quoted && c != '"' && c != '\\')) {
        continue;
      } else if (c == '"') {
        quoted = !quoted;
        mark(i);
      } else if (c == '\\') {
        mark(i);
        i = escaped(i);
      } else if (c == ';') {
        comment = true;
      } else if (c != ' ' && c != '\t') {
        group(c);
        mark(i);
      }
    }
    endRecord();
  }

  /** Counts the line ending at {@code i} (LF, CR or CRLF, as dnsjava does) and returns its end. */
  private int lineEnd(int i) {
    int end = text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 1 : i;
    line++;
    lineStart = end + 1;
    if (depth == 0) {
      endRecord();
    }
    return end;
  }

  /** Unbalanced parentheses are {@code Master}'s error to report; here they only must not underflow. */
  private void group(char c) {
    if (c == '(') {
      depth++;
    } else if (c == ')' && depth > 0) {
      depth--;
    }
  }

  /**
   * Skips the character after a backslash: it is text even if it is a quote or {@code ;}, and
   * even if it is a line end, which dnsjava's tokenizer then keeps inside the token: the line is
   * counted, but the record goes on.
   */
  private int escaped(int i) {
    if (i + 1 >= text.length()) {
      return i;
    }
    char next = text.charAt(i + 1);
    if (next != '\n' && next != '\r') {
      return i + 1;
    }
    int end = next == '\r' && i + 2 < text.length() && text.charAt(i + 2) == '\n' ? i + 2 : i + 1;
    line++;
    lineStart = end + 1;
    return end;
  }

  private void mark(int i) {
    if (recordLine < 0) {
      recordLine = line;
      recordIsDirective = i == lineStart && text.charAt(i) == '$';
      if (recordIsDirective) {
        refuseUnmappable(i);
      }
    }
  }

  private void refuseUnmappable(int i) {
    int end = i;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    String directive = text.substring(i, end).toUpperCase(Locale.ROOT);
    if (directive.equals("$GENERATE")) {
      throw new IllegalArgumentException("$GENERATE at line " + line + " is not supported by the"
          + " zone check: one line makes many records, so records cannot be told by line");
    }
    if (directive.equals("$INCLUDE")) {
      throw new IllegalArgumentException("$INCLUDE at line " + line + " is not supported: the text"
          + " is the whole zone");
    }
  }

  private void endRecord() {
    if (recordLine > 0 && !recordIsDirective) {
      starts.add(recordLine);
    }
    recordLine = -1;
    recordIsDirective = false;
  }
}
