package org.dnschase.resolver.internal.message;

import org.xbill.DNS.Name;

/**
 * A name and a type, as the key of the stores that remember something of a question (its recent
 * failure, its BOGUS answer). dnsjava names compare and hash case-insensitively. Its equals and
 * hashCode are written out: a record's generated ones are bootstrapped at their first call, which
 * a fresh JVM's first look-up would pay for.
 *
 * @param name the name
 * @param type its type, a dnsjava {@link org.xbill.DNS.Type} constant
 */
public record NameAndType(Name name, int type) {

  @Override
  public boolean equals(Object other) {
    return other instanceof NameAndType that && type == that.type && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + type;
  }
}
