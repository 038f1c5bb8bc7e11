package org.dnschase.resolver.zones;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dnschase.resolver.internal.iterate.Questions;
import org.dnschase.resolver.spi.LogText;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The servers of a configured zone: addresses (with a port, or 0 for the resolver's upstream
 * port) and host names to look up. Parses Unbound's spelling, {@code 192.0.2.1},
 * {@code 192.0.2.1@5353}, {@code 2001:db8::1@5353} or a host name, and checks what both kinds of
 * zone require.
 */
record ZoneServers(List<InetSocketAddress> addresses, List<Name> hosts) {

  ZoneServers {
    addresses = List.copyOf(addresses);
    hosts = List.copyOf(hosts);
  }

  /** Each of {@code servers} as an address with an optional {@code @port}, or else a host name. */
  static ZoneServers parse(String zone, String... servers) {
    Objects.requireNonNull(servers, "servers");
    List<InetSocketAddress> addresses = new ArrayList<>();
    List<Name> hosts = new ArrayList<>();
    for (String server : servers) {
      Objects.requireNonNull(server, "server");
      int at = server.lastIndexOf('@');
      String host = at < 0 ? server : server.substring(0, at);
      int port = at < 0 ? 0 : port(zone, server, server.substring(at + 1));
      InetAddress address = literal(host);
      if (address != null) {
        addresses.add(new InetSocketAddress(address, port));
      } else if (at >= 0) {
        throw new IllegalArgumentException("server " + server + " of zone " + zone
            + ": a port can only follow an address, not a host name");
      } else {
        hosts.add(hostName(zone, host));
      }
    }
    return new ZoneServers(addresses, hosts);
  }

  /** Checks a zone's name and servers; returns the name. */
  static Name check(Name zone, List<InetSocketAddress> addresses, List<Name> hosts) {
    Objects.requireNonNull(zone, "zone name");
    if (!zone.isAbsolute()) {
      throw new IllegalArgumentException("zone name must be absolute: " + zone);
    }
    if (addresses.isEmpty() && hosts.isEmpty()) {
      throw new IllegalArgumentException("zone " + zone + " needs at least one server");
    }
    Set<InetAddress> seen = new HashSet<>();
    for (InetSocketAddress address : addresses) {
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("server " + address + " of zone " + zone + " is not an address");
      }
      // Servers are told apart by address (round-trip times, failures), so one address serves once.
      if (!seen.add(address.getAddress())) {
        throw new IllegalArgumentException("zone " + zone + " lists " + address.getAddress().getHostAddress()
            + " twice: each server of a zone needs its own address");
      }
    }
    for (Name host : hosts) {
      if (!host.isAbsolute()) {
        throw new IllegalArgumentException("server name " + host + " of zone " + zone + " must be absolute");
      }
    }
    return zone;
  }

  static Name zoneName(String text) {
    Objects.requireNonNull(text, "zone name");
    try {
      return Questions.fromText(text);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a zone name: " + LogText.escaped(text) + " ("
          + LogText.escaped(e.getMessage()) + ")", e);
    }
  }

  private static Name hostName(String zone, String text) {
    try {
      return Questions.fromText(text);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("server " + LogText.escaped(text) + " of zone " + LogText.escaped(zone)
          + " is neither an address nor a host name (" + LogText.escaped(e.getMessage()) + ")", e);
    }
  }

  private static int port(String zone, String server, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("server " + server + " of zone " + zone + ": port must be 1..65535");
  }

  /** The address an IPv4 or IPv6 literal spells; null for anything else (never a DNS look-up). */
  private static InetAddress literal(String text) {
    int family = text.indexOf(':') >= 0 ? Address.IPv6 : Address.IPv4;
    if (Address.toByteArray(text, family) == null) {
      return null;
    }
    try {
      return Address.getByAddress(text, family);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
