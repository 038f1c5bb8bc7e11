package org.dnschase.resolver.jdk;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.dnschase.resolver.host.ResolvConf;
import org.dnschase.resolver.spi.LogText;

/**
 * The value of {@code dnschase.forwardZones} or {@code dnschase.stubZones}: zones separated by
 * commas, each {@code zone=server;server...}, a server being an address with an optional port
 * ({@code 10.1.1.53}, {@code 10.1.1.53:53}, {@code 2001:db8::53}, {@code [2001:db8::53]:53}), a
 * host name, or {@code system}, which stands for the name servers of the resolv.conf file. An
 * address without a port is asked on the upstream port.
 */
final class ZoneTargets {

  private ZoneTargets() {}

  /**
   * The zones the value names, each made by {@code zone} from its name and its servers in the
   * spelling of {@code ForwardZone.of} ({@code address@port}).
   *
   * @throws IllegalArgumentException naming the property and the entry at fault
   */
  static <Z> List<Z> parse(String property, String value, ResolvConf conf, BiFunction<String, String[], Z> zone) {
    List<Z> zones = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return zones;
    }
    for (String entry : value.split(",")) {
      String trimmed = entry.strip();
      int equals = trimmed.indexOf('=');
      if (equals <= 0 || equals == trimmed.length() - 1) {
        throw new IllegalArgumentException(property + ": '" + LogText.escaped(trimmed)
            + "' is not zone=server[;server...]");
      }
      List<String> servers = new ArrayList<>();
      for (String server : trimmed.substring(equals + 1).split(";")) {
        servers.addAll(servers(property, server.strip(), conf));
      }
      try {
        zones.add(zone.apply(trimmed.substring(0, equals).strip(), servers.toArray(String[]::new)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(property + ": '" + LogText.escaped(trimmed) + "': " + e.getMessage(), e);
      }
    }
    return zones;
  }

  /** One server as ForwardZone.of spells it; {@code system} as the resolv.conf's name servers. */
  private static List<String> servers(String property, String server, ResolvConf conf) {
    if (server.equals("system")) {
      if (conf.nameServers().isEmpty()) {
        throw new IllegalArgumentException(property + ": 'system' stands for the name servers of the"
            + " resolv.conf file, and it names none (dnschase.resolvConf)");
      }
      return conf.nameServers().stream().map(ZoneTargets::literal).toList();
    }
    if (server.startsWith("[")) {
      int close = server.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException(property + ": '" + LogText.escaped(server) + "' has no closing ]");
      }
      String address = server.substring(1, close);
      String rest = server.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new IllegalArgumentException(property + ": '" + LogText.escaped(server) + "': only :port may follow ]");
      }
      return List.of(rest.isEmpty() ? address : address + "@" + rest.substring(1));
    }
    int colons = (int) server.chars().filter(c -> c == ':').count();
    // One colon separates a port from an IPv4 address or a name; more make an IPv6 address.
    return List.of(colons == 1 ? server.replace(':', '@') : server);
  }

  private static String literal(InetAddress address) {
    String text = address.getHostAddress();
    return address instanceof Inet6Address && text.contains("%") ? text.substring(0, text.indexOf('%')) : text;
  }
}
