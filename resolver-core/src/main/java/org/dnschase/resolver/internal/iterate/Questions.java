package org.dnschase.resolver.internal.iterate;

import java.util.Objects;
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
      return Name.fromString(text, Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("malformed name '" + text + "': " + e.getMessage(), e);
    }
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
