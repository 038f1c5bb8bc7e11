package org.dnschase.resolver.zones;

import java.net.InetSocketAddress;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * A stub zone, as Unbound's {@code stub-zone:}: the given servers are authoritative for
 * {@link #name()}, so names at or below it are walked from them (RD=0, referrals followed, QNAME
 * minimisation as usual) instead of from the root, whatever the zone's parent says, or whether it
 * has one at all: the way to reach a private zone, or a zone whose delegation is not public.
 *
 * {@snippet class=org.dnschase.resolver.Snippets region=zones}
 *
 * @param name the zone, absolute
 * @param servers the authoritative servers' addresses; port 0 stands for the resolver's upstream
 *     port
 * @param hosts names of authoritative servers, whose addresses are looked up
 * @param prime whether the servers are first asked for the zone's NS set, whose servers (while
 *     cached) are asked instead (Unbound's {@code stub-prime}); otherwise the servers given are
 * @param first whether a name is resolved from the root, as if the zone were not configured, once
 *     every server failed (Unbound's {@code stub-first}); otherwise that is a failure
 */
public record StubZone(Name name, List<InetSocketAddress> servers, List<Name> hosts, boolean prime,
    boolean first) {

  /**
   * Checks the zone: an absolute name, at least one server, each address once.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public StubZone {
    servers = List.copyOf(servers);
    hosts = List.copyOf(hosts);
    name = ZoneServers.check(name, servers, hosts);
  }

  /**
   * A stub zone served by the given servers, neither primed nor falling back.
   *
   * @param name the zone, e.g. {@code "corp.example."}
   * @param servers each an IPv4 or IPv6 address with an optional {@code @port} (the resolver's
   *     upstream port by default), e.g. {@code "192.0.2.1"}, {@code "2001:db8::1@5353"}, or a
   *     server's host name
   * @return the zone
   * @throws IllegalArgumentException if the name or a server does not parse, or no server is given
   */
  public static StubZone of(String name, String... servers) {
    ZoneServers parsed = ZoneServers.parse(name, servers);
    return new StubZone(ZoneServers.zoneName(name), parsed.addresses(), parsed.hosts(), false, false);
  }

  /**
   * This zone with {@code stub-prime} set or cleared.
   *
   * @param primed whether to ask the servers for the zone's NS set first
   * @return a copy of this zone
   */
  public StubZone withPrime(boolean primed) {
    return new StubZone(name, servers, hosts, primed, first);
  }

  /**
   * This zone with {@code stub-first} set or cleared.
   *
   * @param fallBack whether to resolve from the root once every server failed
   * @return a copy of this zone
   */
  public StubZone withFirst(boolean fallBack) {
    return new StubZone(name, servers, hosts, prime, fallBack);
  }
}
