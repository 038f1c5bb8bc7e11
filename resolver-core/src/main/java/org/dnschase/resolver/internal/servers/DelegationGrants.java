package org.dnschase.resolver.internal.servers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.message.RRsets;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * Which zone granted each cached delegation (the zone whose servers gave the referral), so that a
 * delegation is used only while the one above it lasts, and a zone's own servers cannot make it
 * outlast its parent's grant: a zone its parent withdrew disappears, with everything delegated
 * below it, once that grant runs out (ghost domains, CVE-2012-1192; Unbound's "expired above").
 */
public final class DelegationGrants {

  /** The store may hold 1/32 of the RRset cache's byte budget: two names an entry, about 300 bytes. */
  public static final int BUDGET_SHARE = 32;

  private record Grant(Name grantor, long ttlSeconds) {}

  private final Cache<Name, Grant> grants;

  public DelegationGrants(Ticker ticker, long maximumBytes) {
    this.grants = StoreWeights.<Name, Grant>bounded(maximumBytes, (zone, grant) -> StoreWeights.weight(
            StoreWeights.NODE_BYTES + StoreWeights.nameBytes(zone) + StoreWeights.nameBytes(grant.grantor())
                + StoreWeights.VALUE_BYTES))
        .ticker(ticker)
        .expireAfter(Expiry.writing((Name zone, Grant grant) -> Duration.ofSeconds(grant.ttlSeconds())))
        .build();
  }

  /** Remembers that the servers of {@code grantor} delegated the zone of {@code nameServers}. */
  public void remember(RRset nameServers, Name grantor) {
    if (nameServers.getTTL() > 0) {
      grants.put(nameServers.getName(), new Grant(grantor, nameServers.getTTL()));
    }
  }

  /**
   * The zone above {@code zone} whose delegation is gone from {@code cache} although it granted
   * {@code zone}'s, or a delegation above it in turn: the walk must start above it. Null when every
   * grant up the chain still lasts, or none is known (the root's, a configured zone's). The root
   * withdraws no grant when its own NS set is not cached: nobody granted it, its servers are the
   * hints' then, and its NS set is missing while the priming that brings it is under way, which
   * the walks go on beside (RFC 9609 §3).
   */
  public Name revokedAbove(RRsetCache cache, Name zone) {
    for (Grant grant = grants.getIfPresent(zone); grant != null; grant = grants.getIfPresent(grant.grantor())) {
      if (!grant.grantor().equals(Name.root)
          && !(cache.lookup(grant.grantor(), Type.NS, DClass.IN) instanceof CacheLookup.Hit)) {
        return grant.grantor();
      }
    }
    return null;
  }

  /**
   * A zone's own NS set from its own servers, its TTL cut to what is left of its delegation when
   * that is shorter: what the zone says of itself lasts no longer than what its parent granted. In
   * a refresh ({@code refreshing}), a cached NS set in the last tenth of its TTL counts as gone (the
   * refresh went to the parent for a new grant, ZoneCuts#closest), and cuts nothing.
   */
  public static RRset withinDelegation(RRsetCache cache, RRset nameServers, boolean refreshing) {
    if (cache.lookup(nameServers.getName(), Type.NS, DClass.IN) instanceof CacheLookup.Hit granted
        && !(refreshing && granted.prefetchDue())
        && granted.rrset().getTTL() < nameServers.getTTL()) {
      return RRsets.withTtl(nameServers, granted.rrset().getTTL());
    }
    return nameServers;
  }

  /** Forgets every grant. */
  public void invalidateAll() {
    grants.invalidateAll();
  }
}
