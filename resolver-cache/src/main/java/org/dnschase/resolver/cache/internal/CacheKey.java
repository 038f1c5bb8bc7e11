package org.dnschase.resolver.cache.internal;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RelativeNameException;
import org.xbill.DNS.Type;

/**
 * The cache key: (name, type, class) with the name in canonical, lower-case form.
 *
 * <p>dnsjava's {@code Name.equals} is case-insensitive already; canonicalising anyway means two
 * spellings of a name share one stored key, and {@link Name#canonicalize()} returns the name
 * itself, without copying, when it is lower case already (the usual case on the wire).
 *
 * <p>An NXDOMAIN is stored under the key of its name with the reserved type {@link Type#ANY}:
 * ANY is a query type that no RRset has, so the key never collides with data.
 */
final class CacheKey {

  /** The type under which the NXDOMAIN for a name is stored. */
  static final int NXDOMAIN_TYPE = Type.ANY;

  private final Name name;
  private final int type;
  private final int dclass;

  CacheKey(Name name, int type, int dclass) {
    if (!name.isAbsolute()) {
      throw new RelativeNameException(name);
    }
    Type.check(type);
    DClass.check(dclass);
    this.name = name.canonicalize();
    this.type = type;
    this.dclass = dclass;
  }

  /**
   * The key of {@code key}'s name and class with {@code type}: checked and canonical already, as
   * every look-up that misses its data asks for the name's NXDOMAIN next.
   */
  private CacheKey(CacheKey key, int type) {
    this.name = key.name;
    this.type = type;
    this.dclass = key.dclass;
  }

  Name name() {
    return name;
  }

  int type() {
    return type;
  }

  int dclass() {
    return dclass;
  }

  /** The key of the NXDOMAIN entry for this key's name and class. */
  CacheKey nxDomainKey() {
    return type == NXDOMAIN_TYPE ? this : new CacheKey(this, NXDOMAIN_TYPE);
  }

  /** Whether this is the key of an NXDOMAIN entry. */
  boolean isNxDomainKey() {
    return type == NXDOMAIN_TYPE;
  }

  // Written out so the int fields, the cheap comparisons, go before the name's byte comparison.
  @Override
  public boolean equals(Object o) {
    return o instanceof CacheKey k && type == k.type && dclass == k.dclass && name.equals(k.name);
  }

  @Override
  public int hashCode() {
    return (name.hashCode() * 31 + type) * 31 + dclass;
  }

  @Override
  public String toString() {
    return name + "/" + Type.string(type) + "/" + DClass.string(dclass);
  }
}
