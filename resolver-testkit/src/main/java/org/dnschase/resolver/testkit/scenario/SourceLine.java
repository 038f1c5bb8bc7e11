package org.dnschase.resolver.testkit.scenario;

import java.util.Arrays;
import java.util.List;

/**
 * One non-blank line of a scenario, with its comment removed and its fields split at blanks.
 *
 * @param number the line number in the file, from 1
 * @param text the line without comment and surrounding blanks
 */
record SourceLine(int number, String text) {

  /** The fields, split at runs of spaces and tabs. */
  List<String> tokens() {
    return Arrays.asList(text.split("[ \t]+"));
  }

  /** The first field: a keyword such as {@code ENTRY_BEGIN}, or the start of a record. */
  String keyword() {
    return tokens().get(0);
  }

  /** The fields after the keyword. */
  List<String> arguments() {
    List<String> tokens = tokens();
    return tokens.subList(1, tokens.size());
  }

  /**
   * Removes a {@code ;} comment (FORMAT §1: it may start anywhere, also right after a value).
   * A {@code ;} inside double quotes is kept, so TXT data cannot be cut by accident.
   */
  static String withoutComment(String raw) {
    boolean quoted = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\') {
        i++;
      } else if (c == ';' && !quoted) {
        return raw.substring(0, i).strip();
      }
    }
    return raw.strip();
  }
}
