package org.dnschase.resolver.zones;

import java.net.InetSocketAddress;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * A forward zone, as Unbound's {@code forward-zone:}: every name at or below {@link #name()} is
 * asked, with recursion desired (RD=1) and never minimised, of the given recursive servers
 * instead of being walked from the root; their answers count as non-authoritative answers (RFC
 * 2181 §5.4.1) and are cached like any other, unless the zone is not {@link #cached()}. The root ({@code .}) forwards everything. A stub or
 * forward zone configured below this one takes over for its own names.
 *
 * {@snippet class=org.dnschase.resolver.Snippets region=zones}
 *
 * @param name the zone, absolute
 * @param servers the recursive servers' addresses; port 0 stands for the resolver's upstream port
 * @param hosts names of recursive servers, whose addresses are looked up (like glueless name
 *     servers) when the addresses given do not answer
 * @param first whether a name is resolved from the root, as if the zone were not configured, once
 *     every server failed (Unbound's {@code forward-first}); otherwise that is a failure
 * @param cached whether the answers for names in the zone are cached; when not (Unbound's {@code
 *     forward-no-cache}), every question is asked of the servers, so a change there shows at once
 * @param overTcp whether the servers are asked over TCP only, never over UDP (Unbound's {@code
 *     forward-tcp-upstream}): for servers reached through a path that drops UDP, or that serve
 *     split DNS on a TCP port only; a forward-first fallback to the root walks over UDP as usual
 */
public record ForwardZone(Name name, List<InetSocketAddress> servers, List<Name> hosts, boolean first,
    boolean cached, boolean overTcp) {

  /**
   * Checks the zone: an absolute name, at least one server, each address once.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public ForwardZone {
    servers = List.copyOf(servers);
    hosts = List.copyOf(hosts);
    name = ZoneServers.check(name, servers, hosts);
  }

  /**
   * A forward zone whose answers are cached.
   *
   * @param name the zone, absolute
   * @param servers the recursive servers' addresses; port 0 stands for the resolver's upstream port
   * @param hosts names of recursive servers, whose addresses are looked up
   * @param first whether to resolve from the root once every server failed
   * @throws IllegalArgumentException naming what is wrong
   */
  public ForwardZone(Name name, List<InetSocketAddress> servers, List<Name> hosts, boolean first) {
    this(name, servers, hosts, first, true, false);
  }

  /**
   * A forward zone to the given servers, without fallback.
   *
   * @param name the zone, e.g. {@code "corp.example."} or {@code "."}
   * @param servers each an IPv4 or IPv6 address with an optional {@code @port} (the resolver's
   *     upstream port by default), e.g. {@code "192.0.2.1"}, {@code "2001:db8::1@5353"}, or a
   *     server's host name
   * @return the zone
   * @throws IllegalArgumentException if the name or a server does not parse, or no server is given
   */
  public static ForwardZone of(String name, String... servers) {
    ZoneServers parsed = ZoneServers.parse(name, servers);
    return new ForwardZone(ZoneServers.zoneName(name), parsed.addresses(), parsed.hosts(), false);
  }

  /**
   * This zone with {@code forward-first} set or cleared.
   *
   * @param fallBack whether to resolve from the root once every server failed
   * @return a copy of this zone
   */
  public ForwardZone withFirst(boolean fallBack) {
    return new ForwardZone(name, servers, hosts, fallBack, cached, overTcp);
  }

  /**
   * This zone with its answers cached or not ({@code forward-no-cache} is {@code withCaching(false)}).
   *
   * @param caching whether the answers for names in the zone are cached
   * @return a copy of this zone
   */
  public ForwardZone withCaching(boolean caching) {
    return new ForwardZone(name, servers, hosts, first, caching, overTcp);
  }

  /**
   * This zone with its servers asked over TCP only, or not ({@code forward-tcp-upstream} is {@code
   * withTcpOnly(true)}).
   *
   * @param tcpOnly whether the servers are asked over TCP only
   * @return a copy of this zone
   */
  public ForwardZone withTcpOnly(boolean tcpOnly) {
    return new ForwardZone(name, servers, hosts, first, cached, tcpOnly);
  }
}
