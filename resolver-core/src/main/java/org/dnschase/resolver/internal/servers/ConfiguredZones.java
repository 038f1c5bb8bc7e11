package org.dnschase.resolver.internal.servers;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.ResolverConfig;
import org.dnschase.resolver.zones.AuthZone;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.StubZone;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The forward, stub and auth zones a resolver was built with, consulted where the walk looks for
 * the closest zone cut: the deepest configured zone at or above a name wins over the cuts the cache
 * knows above it. A forward zone wins over cuts cached below it too (its names only ever go to its
 * recursive servers); under a stub or auth zone, a cut cached below it (its servers' or its data's
 * referrals) is where the walk goes on, and so is the cut at a stub zone once priming cached its NS
 * set.
 */
public final class ConfiguredZones {

  /**
   * One configured zone; {@code prime} is always false for a forward zone; {@code cached} is
   * whether answers from its servers are cached; {@code overTcp} whether they are asked over TCP
   * only; {@code local} answers an auth zone's names from its data (it has no servers), null for
   * the others.
   */
  public record Zone(Name name, boolean forward, List<InetSocketAddress> servers, List<Name> hosts, boolean prime,
      boolean first, boolean cached, boolean overTcp, LocalAnswers local) {

    @Override
    public String toString() {
      if (local != null) {
        return local.toString();
      }
      return (forward ? "forward" : "stub") + " zone " + name + " " + Stream.concat(
          servers.stream().map(server -> server.getAddress().getHostAddress()
              + (server.getPort() == 0 ? "" : "@" + server.getPort())),
          hosts.stream().map(Name::toString)).toList();
    }
  }

  private final Map<Name, Zone> zones = new HashMap<>();
  private final DelegationGrants grants;

  /** The zones {@code config} gives; cached cuts are used as long as {@code grants} allow. */
  public ConfiguredZones(ResolverConfig config, DelegationGrants grants) {
    this.grants = grants;
    for (ForwardZone zone : config.forwardZones()) {
      zones.put(zone.name(), new Zone(zone.name(), true, zone.servers(), zone.hosts(), false, zone.first(),
          zone.cached(), zone.overTcp(), null));
    }
    for (StubZone zone : config.stubZones()) {
      zones.put(zone.name(), new Zone(zone.name(), false, zone.servers(), zone.hosts(), zone.prime(), zone.first(),
          true, false, null));
    }
    for (AuthZone zone : config.authZones()) {
      zones.put(zone.name(), new Zone(zone.name(), false, List.of(), List.of(), false, false, true, false,
          new LocalAnswers(zone)));
    }
  }

  /**
   * Where the walk for {@code name} starts: a configured zone's delegation or the closest cut the
   * cache knows; null when neither exists (the root must be primed). A stub zone to be primed
   * gives its own delegation marked {@link Delegation#toPrime()}.
   */
  public Delegation closestCut(RRsetCache cache, Name name) {
    Delegation cached = ZoneCuts.closest(cache, grants, name);
    Zone zone = zones.isEmpty() ? null : deepestAtOrAbove(name);
    return zone == null ? cached : cutUnder(zone, cached);
  }

  /**
   * Whether the cache answers {@code name}: not when the deepest configured zone at or above it
   * is one whose answers are not cached (Unbound's {@code forward-no-cache}).
   */
  public boolean cached(Name name) {
    Zone zone = zones.isEmpty() ? null : deepestAtOrAbove(name);
    return zone == null || zone.cached();
  }

  /**
   * Where a prefetch of {@code name}'s data, which has {@code leeway} seconds left, starts: as
   * {@link #closestCut}, but past cached delegations that expire by the time that data would
   * ({@link ZoneCuts#closest(RRsetCache, DelegationGrants, Name, long)}); null when only the root
   * hints are left.
   */
  public Delegation refreshCut(RRsetCache cache, Name name, long leeway) {
    Delegation cached = ZoneCuts.closest(cache, grants, name, leeway);
    Zone zone = zones.isEmpty() ? null : deepestAtOrAbove(name);
    return zone == null ? cached : cutUnder(zone, cached);
  }

  /**
   * Where the walk for {@code name} goes on once every server of the configured zone {@code failed}
   * failed and it falls back ({@code first}): as if that zone, and the configured zones below it,
   * were not there. Null when only priming the root can tell.
   */
  public Delegation fallBack(RRsetCache cache, Name name, Zone failed) {
    Delegation cached = ZoneCuts.closest(cache, grants, name);
    // A cut cached at or below the zone (a forwarder's NS answer, the parent's referral in an
    // earlier fallback) is what the walk would use; not the NS set priming the stub just left.
    boolean atRoot = failed.name().equals(Name.root);
    if (cached != null && cached.zone().subdomain(failed.name())) {
      if (!(failed.prime() && cached.zone().equals(failed.name()))) {
        return cached;
      }
      cached = atRoot ? null : ZoneCuts.closest(cache, grants, new Name(failed.name(), 1));
    }
    Zone above = atRoot ? null : deepestAtOrAbove(new Name(failed.name(), 1));
    return above == null ? cached : cutUnder(above, cached);
  }

  /** The servers {@code zone} was configured with, to ask (a stub zone's priming asks them). */
  public Delegation serversOf(Zone zone) {
    return Delegation.configured(zone);
  }

  /**
   * Where a walk under the primed stub {@code zone} starts: the NS set its priming cached, with
   * their cached addresses, or its configured servers when priming left no usable NS set.
   */
  public Delegation primed(RRsetCache cache, Zone zone) {
    if (cache.lookup(zone.name(), Type.NS, DClass.IN) instanceof CacheLookup.Hit hit) {
      Delegation primed = Delegation.cached(zone.name(), hit);
      ZoneCuts.addCachedAddresses(cache, primed);
      if (primed.hasAddresses() || primed.nextNameToLookUp().isPresent()) {
        return primed.standFor(zone);
      }
    }
    return Delegation.configured(zone);
  }

  private Delegation cutUnder(Zone zone, Delegation cached) {
    if (!zone.forward() && cached != null && cached.zone().subdomain(zone.name())) {
      boolean atZone = cached.zone().equals(zone.name());
      if (!atZone) {
        return cached;
      }
      if (zone.prime()) {
        return cached.standFor(zone);
      }
    }
    Delegation configured = Delegation.configured(zone);
    return zone.prime() ? configured.primeFirst() : configured;
  }

  /** The deepest configured zone at or above {@code name}; null when none is. */
  public Zone deepestAtOrAbove(Name name) {
    for (int strip = 0; strip < name.labels(); strip++) {
      Zone zone = zones.get(strip == 0 ? name : new Name(name, strip));
      if (zone != null) {
        return zone;
      }
    }
    return null;
  }
}
