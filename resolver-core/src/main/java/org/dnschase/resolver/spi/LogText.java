package org.dnschase.resolver.spi;

/**
 * Text from outside (a control client's command line, a configuration value, a line of a file
 * named in an error) as a log line may hold it: a character that would move or restyle a terminal,
 * or start a line of its own, is written as an escape ({@code \x1b}, {@code \x0a}, {@code
 * \x{202e}}), so what was sent can be read back exactly and no client forges, hides or recolours a
 * line of the log. For servers and tools built on the resolver, which print what their clients,
 * arguments and files say, as the resolver logs it.
 *
 * <p>A backslash is doubled only where it could be read as part of such an escape: before an
 * {@code x} or before an escaped character. Elsewhere it is kept, so a DNS name in presentation
 * format reads as dig and zone files write it ({@code a\.b.example.}, {@code my\032host.example.},
 * RFC 1035 §5.1), not with its own escapes escaped again.
 *
 * <p>Outside text is escaped where a message quotes it, once: the resolver's exception messages
 * quote a name, an argument or a file's line (and a parser's message that quotes them) through
 * this, and a command or a log prints such a message as it is. Escaping the message again where
 * it is printed would double every escape it holds ({@code \\x01} for a control character).
 */
public final class LogText {

  private LogText() {}

  /**
   * {@code text} with C0 and C1 controls and DEL as {@code \xNN}, other invisible or line-breaking
   * characters (Unicode format characters such as the bidirectional overrides, line and paragraph
   * separators, unpaired surrogates) as {@code \x{N}}, and each backslash before an {@code x} or
   * an escaped character doubled.
   *
   * @param text the text as received; null gives {@code "null"}
   * @return the text, safe in one log line
   */
  public static String escaped(CharSequence text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length());
    int backslashes = 0;
    for (int i = 0; i < text.length(); ) {
      int c = Character.codePointAt(text, i);
      i += Character.charCount(c);
      if (c == '\\') {
        backslashes++;
        continue;
      }
      boolean control = c < 0x100 && Character.isISOControl(c);
      boolean hidden = !control && invisible(c);
      // a run of backslashes before what reads as an escape is doubled, so it reads as itself
      out.repeat('\\', control || hidden || c == 'x' ? 2 * backslashes : backslashes);
      backslashes = 0;
      if (control) {
        out.append(String.format("\\x%02x", c));
      } else if (hidden) {
        out.append(String.format("\\x{%x}", c));
      } else {
        out.appendCodePoint(c);
      }
    }
    return out.repeat('\\', backslashes).toString();
  }

  private static boolean invisible(int c) {
    return switch (Character.getType(c)) {
      case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE -> true;
      default -> false;
    };
  }
}
