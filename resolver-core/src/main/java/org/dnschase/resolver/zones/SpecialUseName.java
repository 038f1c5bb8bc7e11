package org.dnschase.resolver.zones;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * Special-use names and locally served zones a resolver answers itself instead of asking the DNS,
 * each as its RFC says and as Unbound serves it by default: each zone has an SOA and an NS set at
 * its apex ({@code localhost. nobody.invalid. 1 3600 1200 604800 10800} and {@code localhost.},
 * 10800 s), names it does not hold are NXDOMAIN and types it does not hold NODATA, both with the
 * zone's SOA (RFC 6303 §3). All are on by default; {@link
 * org.dnschase.resolver.ResolverBuilder#specialUseNames(java.util.Set)}
 * chooses. A forward, stub or auth zone the resolver is built with at or below one of these zones
 * is asked for its names instead. {@code test.} and {@code example.} are not here: they resolve
 * normally, {@code example.} as RFC 6761 §6.5 says, {@code test.} because the labs of {@code
 * resolver-testkit}, ours and our users', live under it, where RFC 6761 §6.2 has a resolver
 * answer it NXDOMAIN by default (a SHOULD), as Unbound does.
 */
public enum SpecialUseName {
  /**
   * {@code localhost.} and every name below it: A 127.0.0.1, AAAA ::1, and the zone's SOA and NS
   * at each name, NODATA otherwise (RFC 6761 §6.3).
   */
  LOCALHOST("localhost."),
  /**
   * The reverse zones of the loopback addresses, {@code 127.in-addr.arpa.} and the zone of ::1 in
   * {@code ip6.arpa.}: 127.0.0.1 and ::1 are named {@code localhost.} (RFC 6761 §6.3, RFC 6303
   * §4.2, §4.3), other names are NXDOMAIN.
   */
  LOOPBACK_REVERSE("127.in-addr.arpa.", "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa."),
  /** {@code home.arpa.}, the residential home network's domain: empty here (RFC 8375 §6). */
  HOME_ARPA("home.arpa."),
  /** {@code invalid.} and below: NXDOMAIN without a query (RFC 6761 §6.4). */
  INVALID("invalid."),
  /** {@code onion.} and below: NXDOMAIN, never leaked to the DNS (RFC 7686 §2). */
  ONION("onion."),
  /**
   * The reverse zones of private and reserved addresses, which the DNS cannot answer for and the
   * AS112 servers absorb: empty zones (RFC 6303 §4), as Unbound lists them. IPv4: 10/8, 172.16/12
   * and 192.168/16 (RFC 1918), 0/8, 169.254/16, the documentation nets 192.0.2/24, 198.51.100/24
   * and 203.0.113/24, 255.255.255.255 (RFC 5735, RFC 5737), 100.64/10 (RFC 6598, RFC 7793). IPv6:
   * :: (RFC 4291), fd00::/8 (RFC 4193), fe80::/10 (RFC 4291), 2001:db8::/32 (RFC 3849).
   */
  PRIVATE_REVERSE(privateReverseZones());

  private final List<Name> zones;

  SpecialUseName(String... zones) {
    this.zones = Arrays.stream(zones).map(Name::fromConstantString).toList();
  }

  /**
   * The apexes of the zones this rule serves, each with the names below it.
   *
   * @return the zones' names
   */
  public List<Name> zones() {
    return zones;
  }

  /**
   * Whether {@code name} is in one of these zones: an apex or below it.
   *
   * @param name an absolute name
   * @return true when the rule applies to {@code name}
   */
  public boolean covers(Name name) {
    for (Name zone : zones) {
      if (name.subdomain(zone)) {
        return true;
      }
    }
    return false;
  }

  private static String[] privateReverseZones() {
    List<String> zones = new ArrayList<>(List.of("10.in-addr.arpa."));
    for (int second = 16; second <= 31; second++) {
      zones.add(second + ".172.in-addr.arpa.");
    }
    zones.add("168.192.in-addr.arpa.");
    for (int second = 64; second <= 127; second++) {
      zones.add(second + ".100.in-addr.arpa.");
    }
    zones.addAll(List.of("0.in-addr.arpa.", "254.169.in-addr.arpa.", "2.0.192.in-addr.arpa.",
        "100.51.198.in-addr.arpa.", "113.0.203.in-addr.arpa.", "255.255.255.255.in-addr.arpa.",
        "0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa.", "d.f.ip6.arpa.",
        "8.e.f.ip6.arpa.", "9.e.f.ip6.arpa.", "a.e.f.ip6.arpa.", "b.e.f.ip6.arpa.", "8.b.d.0.1.0.0.2.ip6.arpa."));
    return zones.toArray(String[]::new);
  }
}
