package org.dnschase.resolver.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
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

  /** {@link TimeSource}'s sample: a cache whose time a test moves; what the entry's TTL reads after 100 s. */
  static long movedTime(RRset rrset) {
    // @start region=time-source
    AtomicLong nanos = new AtomicLong();
    TimeSource time = TimeSource.ofNanos(Instant.parse("2026-01-01T00:00:00Z"), nanos::get);
    RRsetCache cache = RRsetCache.builder().timeSource(time).build();
    cache.put(rrset, TrustRank.AUTHORITATIVE_ANSWER);
    nanos.addAndGet(Duration.ofSeconds(100).toNanos()); // 100 s later, for the cache and the clock
    // @end
    return ((CacheLookup.Hit) cache.lookup(rrset.getName(), rrset.getType(), DClass.IN)).rrset().getTTL();
  }
}
