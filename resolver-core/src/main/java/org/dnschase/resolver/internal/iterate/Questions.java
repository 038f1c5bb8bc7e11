package org.dnschase.resolver.internal.iterate;

import java.util.Objects;
import org.dnschase.resolver.spi.LogText;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The checks every entry point makes on a question before any work, as {@code Resolver}'s javadoc
 * promises: caller mistakes are exceptions naming the argument, never a resolution's failure.
 */
public final class Questions {

  /** RFC 6895 §3.1: TYPEs 128 to 255 are QTYPEs and meta-TYPEs; of these a resolver is asked ANY only. */
  private static final int FIRST_META_TYPE = 128;

  private Questions() {}

  /**
   * The name in presentation format, made absolute, after the type is checked.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is empty or malformed, or the type cannot be asked
   */
  static Name parse(String text, int type) {
    Objects.requireNonNull(text, "name");
    checkType(type);
    return name(text);
  }

  /**
   * A name in presentation format, made absolute.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is empty or malformed, with the reason
   */
  public static Name name(String text) {
    Objects.requireNonNull(text, "name");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("name is empty");
    }
    try {
      return fromText(text);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("malformed name '" + LogText.escaped(text) + "': "
          + LogText.escaped(reason(text, e)), e);
    }
  }

  /** Why {@code text} is no name: dnsjava's reason, without the name it quotes first, which the message quotes already. */
  private static String reason(String text, TextParseException e) {
    String quoted = "'" + text + "': ";
    return e.getMessage().startsWith(quoted) ? e.getMessage().substring(quoted.length()) : e.getMessage();
  }

  /**
   * A name in presentation format (RFC 1035 §5.1), made absolute: printable ASCII, other octets
   * written {@code \DDD}. dnsjava alone would take a character up to U+00FF as the octet of its
   * code ({@code ü} as 0xFC, which is neither its UTF-8 nor its A-label), a space or a control
   * character as itself, and a lone {@code @} as the origin, here the root: each asks another name
   * than the one meant, so each is refused with the reason.
   *
   * @throws TextParseException if the text is not a name, with the reason
   */
  public static Name fromText(String text) throws TextParseException {
    if (text.equals("@")) {
      throw new TextParseException("'@' stands for the origin in a zone file, not for a name (the root is '.')");
    }
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      int c = text.codePointAt(i);
      if (c > 0x7E) {
        throw new TextParseException("'" + Character.toString(c) + "' at " + i + " is not ASCII: an "
            + "internationalised name is asked by its A-labels, xn--... (RFC 5890 §2.3.2.1)");
      }
      if (c <= ' ') {
        throw new TextParseException(String.format("U+%04X at %d is a space or a control character, "
            + "written \\%03d in a name (RFC 1035 §5.1)", c, i, c));
      }
    }
    return Name.fromString(text, Name.root);
  }

  /**
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is relative or the type cannot be asked
   */
  static void check(Name name, int type) {
    checkAbsolute(name);
    checkType(type);
  }

  /**
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is relative
   */
  public static void checkAbsolute(Name name) {
    Objects.requireNonNull(name, "name");
    if (!name.isAbsolute()) {
      throw new IllegalArgumentException("name must be absolute (end in a dot): " + name);
    }
  }

  /**
   * A type a resolver can be asked: a data type, or ANY. Not a number outside the 16-bit range,
   * not 0, which RFC 6895 §3.1 says "must never be allocated for ordinary use" (it marks SIG(0)),
   * not OPT (RFC 6891 §6.1.1: a pseudo-record), nor a QTYPE or meta-TYPE other than ANY (TKEY,
   * TSIG, IXFR, AXFR, MAILB, MAILA, and the unassigned rest of 128..255). 65535 is asked as any
   * type we do not know (RFC 3597 §2): §3.1 reserves it only until a Standards Action assigns it,
   * which makes it no less a data type to a resolver that treats unknown types transparently.
   */
  private static void checkType(int type) {
    if (type < 0 || type > 0xFFFF) {
      throw new IllegalArgumentException("type must be 0..65535, was " + type);
    }
    if (type == 0) {
      throw new IllegalArgumentException("type 0 is reserved (RFC 6895 §3.1), not one to ask");
    }
    if (type == Type.OPT || (type >= FIRST_META_TYPE && type != Type.ANY && type < 256)) {
      throw new IllegalArgumentException("not a type that can be queried: " + Type.string(type)
          + " is a pseudo, meta or transfer type");
    }
  }
}
