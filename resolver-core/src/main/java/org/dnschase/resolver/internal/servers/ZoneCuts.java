package org.dnschase.resolver.internal.servers;

import java.util.function.BiPredicate;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.internal.message.RRsets;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Finds zone cuts in the cache: where the walk for a name can start, and which zone a name is in. */
public final class ZoneCuts {

  private static final int[] ADDRESS_TYPES = {Type.A, Type.AAAA};

  private ZoneCuts() {}

  /**
   * The deepest cached delegation at or above {@code name} that can be used: its NS set with the
   * cached addresses of its servers, granted by delegations that all still last ({@code grants}).
   * Null when not even the root is cached.
   */
  public static Delegation closest(RRsetCache cache, DelegationGrants grants, Name name) {
    return closest(cache, grants, name, -1);
  }

  /**
   * As {@link #closest(RRsetCache, DelegationGrants, Name)}, for a prefetch of data that has
   * {@code leeway} seconds left: an NS set that expires by then counts as gone (Unbound looks a
   * prefetch's delegation up at "now + leeway", the time the data it refreshes has left). A refresh
   * so uses the servers it has, due for a refresh themselves or not, while they outlive the data
   * it replaces; past that it asks the parent, whose referral renews the delegation (and finds a
   * zone that moved), so a child's own NS set cannot keep the delegation alive.
   */
  public static Delegation closest(RRsetCache cache, DelegationGrants grants, Name name, long leeway) {
    for (int strip = 0; strip < name.labels(); strip++) {
      Name zone = strip == 0 ? name : new Name(name, strip);
      Name revoked = grants.revokedAbove(cache, zone);
      if (revoked != null) { // nothing below a withdrawn grant is used: go on above it
        strip = name.labels() - revoked.labels();
        continue;
      }
      if (cache.lookup(zone, Type.NS, DClass.IN) instanceof CacheLookup.Hit hit
          && hit.rrset().getTTL() > leeway) {
        Delegation delegation = Delegation.cached(zone, hit);
        addCachedAddresses(cache, delegation);
        if (delegation.hasAddresses() || delegation.nextNameToLookUp().isPresent()) {
          return delegation;
        }
      }
    }
    return null;
  }

  /** The closest enclosing zone the cache knows of (root when it knows none). */
  public static Name enclosingZone(RRsetCache cache, Name name) {
    for (int strip = 0; strip < name.labels() - 1; strip++) {
      Name zone = strip == 0 ? name : new Name(name, strip);
      if (cache.lookup(zone, Type.NS, DClass.IN) instanceof CacheLookup.Hit) {
        return zone;
      }
    }
    return Name.root;
  }

  public static void addCachedAddresses(RRsetCache cache, Delegation delegation) {
    addCachedAddresses(cache, delegation, false);
  }

  /**
   * As {@link #addCachedAddresses(RRsetCache, Delegation)}; in a refresh ({@code refreshing}), an
   * address in the last tenth of its TTL counts as gone, as the NS set it belongs to does (Unbound
   * counts what expires within a prefetch's leeway as expired): the glue of the referral that led
   * there stands for it, so a zone that moved is asked at its new servers.
   */
  public static void addCachedAddresses(RRsetCache cache, Delegation delegation, boolean refreshing) {
    addCachedAddresses(cache, delegation, refreshing, NO_GLUE_COMING);
  }

  /**
   * As {@link #addCachedAddresses(RRsetCache, Delegation, boolean)}, for a delegation whose glue is
   * cached after its first query has left: where {@code glueComing} says glue of a type is about to
   * be cached for a server (the delegation holds it already), the cached set it will replace is left
   * out, as it would be gone had the glue been cached first: one whose rank does not outrank glue's
   * (RFC 2181 §5.4.1, {@link TrustRank}). A higher-ranked set stays, and is taken.
   */
  public static void addCachedAddresses(RRsetCache cache, Delegation delegation, boolean refreshing,
      BiPredicate<Name, Integer> glueComing) {
    for (Name ns : delegation.nameServers()) {
      for (int type : ADDRESS_TYPES) {
        if (cache.lookup(ns, type, DClass.IN) instanceof CacheLookup.Hit hit && !(refreshing && hit.prefetchDue())
            && (hit.rank().outranks(TrustRank.GLUE) || !glueComing.test(ns, type))) {
          delegation.addAddresses(ns, RRsets.addresses(hit.rrset()));
        }
      }
    }
  }

  private static final BiPredicate<Name, Integer> NO_GLUE_COMING = (ns, type) -> false;
}
