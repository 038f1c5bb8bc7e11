package org.dnschase.resolver.internal.iterate;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.internal.ResolverConfig;
import org.dnschase.resolver.zones.SpecialUseName;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Answers the names of the zones the resolver was built to serve itself ({@link SpecialUseName}),
 * without any query, as Unbound answers from its default local zones. A forward, stub or auth zone
 * the resolver was built with at or below one of them wins for the names it holds: its servers or
 * data are asked, which in Unbound takes a {@code local-zone: ... nodefault} beside the zone.
 */
final class SpecialUseAnswers {

  /** The served zones by apex. */
  private final Map<Name, ServedZone> zones = new HashMap<>();
  /** The names above some served zone's apex, the root excepted: a name outside them is in none. */
  private final Set<Name> above = new HashSet<>();
  /** The most labels an apex has: no deeper ancestor of a name can be one. */
  private final int deepestApex;
  /** The forward, stub and auth zones configured. */
  private final List<Name> configured;

  SpecialUseAnswers(ResolverConfig config) {
    for (SpecialUseName special : config.specialUseNames()) {
      for (ServedZone zone : ServedZone.of(special, config.cache().ttlCaps())) {
        zones.put(zone.apex(), zone);
        for (int labels = 2; labels < zone.apex().labels(); labels++) {
          above.add(new Name(zone.apex(), zone.apex().labels() - labels));
        }
      }
    }
    this.deepestApex = zones.keySet().stream().mapToInt(Name::labels).max().orElse(0);
    this.configured = Stream.of(config.forwardZones().stream().map(zone -> zone.name()),
        config.stubZones().stream().map(zone -> zone.name()), config.authZones().stream().map(zone -> zone.name()))
        .flatMap(names -> names).toList();
  }

  Optional<Resolution> answer(Name name, int type) {
    // A DS record belongs to the parent's side of a cut (RFC 4035 §2.4): at an apex it is the
    // parent zone's to answer, as Unbound looks one label up for it.
    ServedZone zone = servedZone(type == Type.DS && name.labels() > 1 ? new Name(name, 1) : name);
    if (zone == null || configuredAtOrBelow(zone.apex(), name)) {
      return Optional.empty();
    }
    RRset data = zone.find(name, type);
    if (data != null) {
      return Optional.of(new Resolution.Answer(name, type, data, List.of(), Duration.ofSeconds(data.getTTL()),
          List.of(), List.of(), 0, Security.INDETERMINATE, List.of(), true));
    }
    SOARecord soa = zone.negativeSoa();
    Duration negativeTtl = Duration.ofSeconds(soa.getTTL());
    Resolution.Negative.Authority authority = new Resolution.Negative.Authority(soa, List.of(), negativeTtl, List.of());
    return Optional.of(zone.holds(name)
        ? new Resolution.NoData(name, type, authority, List.of(), negativeTtl, List.of(), List.of(), 0,
            Security.INDETERMINATE, true)
        : new Resolution.NxDomain(name, type, authority, List.of(), negativeTtl, List.of(), List.of(), 0,
            Security.INDETERMINATE, true));
  }

  /** The served zone {@code name} is in; null when none. Served zones never nest. */
  private ServedZone servedZone(Name name) {
    for (int labels = 2; labels <= Math.min(name.labels(), deepestApex); labels++) {
      Name suffix = labels == name.labels() ? name : new Name(name, name.labels() - labels);
      ServedZone zone = zones.get(suffix);
      if (zone != null) {
        return zone;
      }
      if (!above.contains(suffix)) {
        return null;
      }
    }
    return null;
  }

  /** Whether a configured zone holds {@code name} and is at or below {@code apex}: it is asked instead. */
  private boolean configuredAtOrBelow(Name apex, Name name) {
    for (Name zone : configured) {
      if (name.subdomain(zone) && zone.subdomain(apex)) {
        return true;
      }
    }
    return false;
  }
}
