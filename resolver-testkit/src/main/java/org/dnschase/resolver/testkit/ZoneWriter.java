package org.dnschase.resolver.testkit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Name;

/**
 * Writes one zone of a {@link ZoneTree} as master-file text: SOA, apex NS, the addresses of the
 * zone's own name servers and of the name servers elsewhere whose names the zone holds, then each
 * delegation to a child (NS, and glue for a name server inside the child), then the zone's own
 * records. Names are absolute, TTLs the zone's default but for a delegation given its own.
 */
final class ZoneWriter {
  private final List<ZoneSpec> zones;
  private final Map<Name, List<String>> addresses;

  ZoneWriter(List<ZoneSpec> zones, Map<Name, List<String>> addresses) {
    this.zones = zones;
    this.addresses = addresses;
  }

  String masterFile(ZoneSpec zone) {
    List<ZoneSpec.Server> served = zone.servers.stream().filter(ZoneSpec.Server::serves).toList();
    // a set, so a name server's address written for two reasons is written once
    Set<String> lines = new LinkedHashSet<>();
    Name mname = served.get(0).host();
    lines.add(zone.origin + " SOA " + mname + " " + hostmaster(zone, mname) + " " + zone.serial
        + " " + zone.refresh + " " + zone.retry + " " + zone.expire + " " + zone.negativeTtl);
    served.forEach(server -> lines.add(zone.origin + " NS " + server.host()));
    served.stream().filter(server -> server.host().subdomain(zone.origin))
        .forEach(server -> addAddresses(lines, server.host(), ""));
    hostsKeptHere(zone).forEach(host -> addAddresses(lines, host, ""));
    for (ZoneSpec child : zones) {
      if (parentOf(child) == zone) {
        String ttl = child.delegationTtl < 0 ? "" : child.delegationTtl + " ";
        child.servers.forEach(server -> lines.add(child.origin + " " + ttl + "NS " + server.host()));
        child.servers.stream().filter(server -> server.host().subdomain(child.origin))
            .forEach(server -> addAddresses(lines, server.host(), ttl));
      }
    }
    StringBuilder text = new StringBuilder("$ORIGIN " + zone.origin + "\n$TTL " + zone.ttl + "\n");
    lines.forEach(line -> text.append(line).append('\n'));
    return text.append(zone.records).toString();
  }

  /**
   * RNAME, unless the zone sets one: hostmaster at the domain of the primary name server when it is
   * inside the zone (hostmaster.nic.test. for ns.nic.test. in test.), else at the zone itself.
   */
  private static Name hostmaster(ZoneSpec zone, Name mname) {
    if (zone.hostmaster != null) {
      return zone.hostmaster;
    }
    boolean inside = mname.subdomain(zone.origin) && !mname.equals(zone.origin);
    return ZoneSpec.name("hostmaster", inside ? new Name(mname, 1) : zone.origin);
  }

  private void addAddresses(Set<String> lines, Name host, String ttl) {
    for (String address : addresses.get(host)) {
      lines.add(host + " " + ttl + ZoneTree.addressRecordType(address) + " " + address);
    }
  }

  /**
   * Name servers of other zones, outside the zones they serve, whose deepest enclosing zone is
   * this one: their addresses are this zone's data, and their delegations glueless.
   */
  private Set<Name> hostsKeptHere(ZoneSpec zone) {
    Set<Name> hosts = new LinkedHashSet<>();
    for (ZoneSpec other : zones) {
      for (ZoneSpec.Server server : other.servers) {
        if (!server.host().subdomain(other.origin) && deepestHolding(server.host()) == zone) {
          hosts.add(server.host());
        }
      }
    }
    return hosts;
  }

  /** The closest zone declared strictly above {@code zone}, or null for the root. */
  private ZoneSpec parentOf(ZoneSpec zone) {
    return zone.origin.equals(Name.root) ? null : deepestHolding(new Name(zone.origin, 1));
  }

  /** The deepest zone with a master file whose origin is {@code name} or above it. */
  private ZoneSpec deepestHolding(Name name) {
    ZoneSpec deepest = null;
    for (ZoneSpec candidate : zones) {
      if (name.subdomain(candidate.origin) && candidate.servers.stream().anyMatch(ZoneSpec.Server::serves)
          && (deepest == null || candidate.origin.labels() > deepest.origin.labels())) {
        deepest = candidate;
      }
    }
    return deepest;
  }
}
