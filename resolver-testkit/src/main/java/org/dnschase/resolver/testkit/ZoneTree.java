package org.dnschase.resolver.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;

/**
 * A DNS tree described by its zones and their name servers, written out as master files: the
 * boilerplate of each zone (SOA, apex NS, the addresses of its own name servers) and each
 * delegation in the parent (NS and glue) come from the description, so a test says only which
 * zones exist, who serves them and what records they hold.
 *
 * <p>A zone's parent is the closest zone declared above it; the root must be declared. A name
 * server given without an address gets the one it has elsewhere in the tree, else the next free
 * one from 127.53.0.1 on. Glue is written where RFC 1034 §4.2.1 needs it: for a name server inside
 * the zone it serves; a name server elsewhere gets its address in the deepest zone that holds its
 * name (a glueless delegation). {@link TestHierarchy.Builder#zones(ZoneTree)} serves the tree.
 *
 * {@snippet class=org.dnschase.resolver.testkit.Snippets region=tree}
 */
public final class ZoneTree {
  /** Where allocated addresses start: 127.53.0.1, then upwards. */
  private static final int FIRST_ALLOCATED = (127 << 24) | (53 << 16) | 1;

  private final Map<Name, String> masterFiles;

  private ZoneTree(Map<Name, String> masterFiles) {
    this.masterFiles = masterFiles;
  }

  /**
   * Starts describing a tree.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every zone's master file, by origin, in the order the zones were declared.
   *
   * @return the master files; a zone with only {@link ZoneSpec#delegatedOnly} servers has none
   */
  public Map<Name, String> masterFiles() {
    return masterFiles;
  }

  /**
   * The master file of one zone.
   *
   * @param origin the zone's origin, e.g. {@code example.test.}
   * @return its master-file text
   * @throws IllegalArgumentException if the tree has no zone with that origin
   */
  public String masterFile(String origin) {
    Name name = ZoneSpec.name(origin, Name.root);
    String text = masterFiles.get(name);
    if (text == null) {
      throw new IllegalArgumentException("no zone " + name + " in the tree; zones: " + masterFiles.keySet());
    }
    return text;
  }

  /** "A" or "AAAA" for an address literal. */
  static String addressRecordType(String literal) {
    if (Address.isDottedQuad(literal)) {
      return "A";
    }
    if (Address.toByteArray(literal, Address.IPv6) != null) {
      return "AAAA";
    }
    throw new IllegalArgumentException("not an IPv4 or IPv6 address literal: '" + literal + "'");
  }

  /** Collects zones; {@link #build()} writes their master files. */
  public static final class Builder {
    private final Map<Name, ZoneSpec> zones = new LinkedHashMap<>();
    private Consumer<ZoneSpec> defaults = zone -> { };

    private Builder() {}

    /**
     * Settings applied to every zone declared after this call, before its own (e.g. the TTLs or
     * SOA timers all zones of a lab share).
     *
     * @param settings applied to each zone's spec before the zone's own
     * @return this builder
     */
    public Builder defaults(Consumer<ZoneSpec> settings) {
      this.defaults = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Declares the root zone, served by one name server.
     *
     * @param host the root server's name, e.g. {@code a.root.test.}
     * @param addresses its addresses, as for {@link ZoneSpec#server}
     * @return this builder
     */
    public Builder root(String host, String... addresses) {
      return zone(".", zone -> zone.server(host, addresses));
    }

    /**
     * Declares a zone served by one name server, with no records of its own.
     *
     * @param origin the zone's name
     * @param host its name server, relative to the origin unless absolute
     * @param addresses the name server's addresses, as for {@link ZoneSpec#server}
     * @return this builder
     */
    public Builder zone(String origin, String host, String... addresses) {
      return zone(origin, zone -> zone.server(host, addresses));
    }

    /**
     * Declares a zone served by one name server, holding records of its own.
     *
     * @param origin the zone's name
     * @param host its name server, relative to the origin unless absolute
     * @param address the name server's address
     * @param records as for {@link ZoneSpec#records}
     * @return this builder
     */
    public Builder zone(String origin, String host, String address, String records) {
      return zone(origin, zone -> zone.server(host, address).records(records));
    }

    /**
     * Declares a zone; {@code spec} names its servers and sets what else it holds.
     *
     * @param origin the zone's name
     * @param spec sets the zone's servers, TTLs, SOA and records
     * @return this builder
     * @throws IllegalArgumentException if the origin is not a name or was declared already
     */
    public Builder zone(String origin, Consumer<ZoneSpec> spec) {
      ZoneSpec zone = new ZoneSpec(ZoneSpec.name(origin, Name.root));
      if (zones.containsKey(zone.origin)) {
        throw new IllegalArgumentException("zone " + zone.origin + " was already declared");
      }
      defaults.accept(zone);
      spec.accept(zone);
      zones.put(zone.origin, zone);
      return this;
    }

    /**
     * Writes every zone's master file.
     *
     * @return the tree
     * @throws IllegalStateException if there is no root, a zone has no name server, or the
     *     127.53.0.0/16 range runs out
     */
    public ZoneTree build() {
      if (!zones.containsKey(Name.root)) {
        throw new IllegalStateException("no root zone: declare one with root(host, address)");
      }
      for (ZoneSpec zone : zones.values()) {
        if (zone.servers.isEmpty()) {
          throw new IllegalStateException("zone " + zone.origin + " has no name server: give one with server(...)");
        }
      }
      Map<Name, List<String>> addresses = addresses();
      Map<Name, String> files = new LinkedHashMap<>();
      ZoneWriter writer = new ZoneWriter(List.copyOf(zones.values()), addresses);
      for (ZoneSpec zone : zones.values()) {
        if (zone.servers.stream().anyMatch(ZoneSpec.Server::serves)) {
          files.put(zone.origin, writer.masterFile(zone));
        }
      }
      return new ZoneTree(Collections.unmodifiableMap(files));
    }

    /** Each name server's addresses: as given (anywhere in the tree), else allocated. */
    private Map<Name, List<String>> addresses() {
      Map<Name, List<String>> byHost = new LinkedHashMap<>();
      for (ZoneSpec zone : zones.values()) {
        for (ZoneSpec.Server server : zone.servers) {
          List<String> known = byHost.computeIfAbsent(server.host(), host -> new ArrayList<>());
          server.addresses().stream().filter(a -> !known.contains(a)).forEach(known::add);
        }
      }
      Set<String> used = new HashSet<>();
      byHost.values().forEach(used::addAll);
      int next = FIRST_ALLOCATED;
      for (Map.Entry<Name, List<String>> host : byHost.entrySet()) {
        if (host.getValue().isEmpty()) {
          next = free(next, used);
          String address = ipv4(next);
          used.add(address);
          host.getValue().add(address);
        }
      }
      return byHost;
    }

    /** The first address from {@code from} on in 127.53.0.0/16 that is unused and no .0 or .255. */
    private static int free(int from, Set<String> used) {
      for (int candidate = from; candidate >>> 16 == (127 << 8 | 53); candidate++) {
        int last = candidate & 0xFF;
        if (last != 0 && last != 0xFF && !used.contains(ipv4(candidate))) {
          return candidate;
        }
      }
      throw new IllegalStateException("no free address left in 127.53.0.0/16");
    }

    private static String ipv4(int address) {
      return (address >>> 24) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF);
    }
  }
}
