package org.dnschase.resolver.internal.host;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;

/**
 * The entries of a hosts file: each line an address and the names it has, the first being the
 * canonical one. A name on several lines has every address of them, in file order; an address on
 * several lines is named by its first.
 */
public final class HostsTable {

  /** A table with no entries: a hosts file that does not exist. */
  public static final HostsTable EMPTY = new HostsTable(Map.of(), Map.of());

  /** The addresses of one name, by family, in file order. */
  record Addresses(List<InetAddress> ipv4, List<InetAddress> ipv6) {}

  private final Map<Name, Addresses> byName;
  private final Map<InetAddress, Name> byAddress;

  private HostsTable(Map<Name, Addresses> byName, Map<InetAddress, Name> byAddress) {
    this.byName = byName;
    this.byAddress = byAddress;
  }

  /**
   * The table a hosts file's text describes.
   *
   * @throws IllegalArgumentException naming the source and line of the first malformed line
   */
  public static HostsTable parse(String text, String source) {
    Map<Name, List<InetAddress>> addresses = new LinkedHashMap<>();
    Map<InetAddress, Name> byAddress = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String[] words = ConfigText.words(lines[i], "#");
      if (words.length == 0) {
        continue;
      }
      InetAddress address = ConfigText.address(words[0]);
      if (address == null) {
        throw ConfigText.lineError(source, i + 1, "not an IP address: '" + words[0] + "'");
      }
      if (words.length < 2) {
        throw ConfigText.lineError(source, i + 1, "address " + words[0] + " has no name");
      }
      for (int w = 1; w < words.length; w++) {
        Name name = ConfigText.name(words[w]);
        if (name == null) {
          throw ConfigText.lineError(source, i + 1, "not a host name: '" + words[w] + "'");
        }
        List<InetAddress> known = addresses.computeIfAbsent(name, n -> new ArrayList<>());
        if (!known.contains(address)) {
          known.add(address);
        }
        if (w == 1) {
          byAddress.putIfAbsent(address, name);
        }
      }
    }
    Map<Name, Addresses> byName = new HashMap<>();
    addresses.forEach((name, all) -> byName.put(name, new Addresses(
        all.stream().filter(a -> a instanceof Inet4Address).toList(),
        all.stream().filter(a -> !(a instanceof Inet4Address)).toList())));
    return new HostsTable(Map.copyOf(byName), Map.copyOf(byAddress));
  }

  /** The addresses listed for {@code name} (absolute, any case); null when it is not listed. */
  Addresses addresses(Name name) {
    return byName.get(name);
  }

  /** The canonical name of the first line listing {@code address}; null when it is not listed. */
  Name name(InetAddress address) {
    return byAddress.get(address);
  }

  /** How many names the table lists. */
  public int size() {
    return byName.size();
  }
}
