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
record CacheKey(Name name, int type, int dclass) {

  /** The type under which the NXDOMAIN for a name is stored. */
  static final int NXDOMAIN_TYPE = Type.ANY;

  CacheKey {
    if (!name.isAbsolute()) {
      throw new RelativeNameException(name);
    }
    Type.check(type);
    DClass.check(dclass);
    name = name.canonicalize();
  }

  /** The key of the NXDOMAIN entry for this key's name and class. */
  CacheKey nxDomainKey() {
    return type == NXDOMAIN_TYPE ? this : new CacheKey(name, NXDOMAIN_TYPE, dclass);
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
}
