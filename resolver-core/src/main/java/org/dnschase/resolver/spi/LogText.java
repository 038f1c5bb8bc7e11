package org.dnschase.resolver.spi;

/**
 * Text from outside (a control client's command line, a configuration value, a line of a file
 * named in an error) as a log line may hold it: a character that would move or restyle a terminal,
 * or start a line of its own, is written as an escape ({@code \x1b}, {@code \x0a}, {@code
 * \x{202e}}), and a backslash as {@code \\}, so what was sent can be read back exactly and no
 * client forges, hides or recolours a line of the log. For servers and tools built on the
 * resolver, which print what their clients, arguments and files say, as the resolver logs it.
 */
public final class LogText {

  private LogText() {}

  /**
   * {@code text} with C0 and C1 controls and DEL as {@code \xNN}, other invisible or line-breaking
   * characters (Unicode format characters such as the bidirectional overrides, line and paragraph
   * separators, unpaired surrogates) as {@code \x{N}}, and a backslash doubled.
   *
   * @param text the text as received; null gives {@code "null"}
   * @return the text, safe in one log line
   */
  public static String escaped(CharSequence text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c == '\\') {
        out.append("\\\\");
      } else if (c < 0x100 && Character.isISOControl(c)) {
        out.append(String.format("\\x%02x", c));
      } else if (invisible(c)) {
        out.append(String.format("\\x{%x}", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private static boolean invisible(int c) {
    return switch (Character.getType(c)) {
      case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE -> true;
      default -> false;
    };
  }
}
