package org.dnschase.resolver.cache;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * The code samples of this module's javadoc, compiled with its tests so that none can rot: the
 * javadoc shows these regions through {@code {@snippet class=... region=...}}, and
 * {@code SnippetsTest} runs them.
 */
final class Snippets {

  private Snippets() {}

  /** {@link RRsetCache}'s sample: what to do with {@code name}'s A records once {@code rrset} is cached. */
  static String cacheAndLookUp(RRset rrset, Name name) {
    // @start region=cache-and-look-up
    RRsetCache cache = RRsetCache.builder().maximumBytes(64 << 20).recordStats().build();
    cache.put(rrset, TrustRank.AUTHORITATIVE_ANSWER);
    return switch (cache.lookup(name, Type.A, DClass.IN)) {
      case CacheLookup.Hit hit -> "use " + hit.rrset();
      case CacheLookup.NegativeHit negative -> "answer " + negative.kind() + " with " + negative.soa();
      case CacheLookup.Miss miss -> "go upstream";
    };
    // @end
  }
}
