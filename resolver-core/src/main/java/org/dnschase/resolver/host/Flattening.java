package org.dnschase.resolver.host;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * An alias flattened to addresses, as an authoritative server needs to serve ALIAS/ANAME (or
 * "CNAME flattening") at a zone apex: the A and AAAA records the alias leads to, re-owned at the
 * alias name, with one TTL, the minimum over the chain and the address sets, so the flattened
 * answer never outlives any record it was built from.
 *
 * @param name the alias name
 * @param addresses A and AAAA records owned by {@code name}, all with TTL {@code ttl}; empty when
 *     the alias leads to no address (see {@code ipv4} and {@code ipv6} for why)
 * @param ttl the minimum over the chains and address sets that produced {@code addresses}
 * @param chain the hops from the name to the addresses (of the IPv4 resolution, else the IPv6 one)
 * @param diagnostics what both resolutions reported, without repeats
 * @param ipv4 the A resolution it was built from
 * @param ipv6 the AAAA resolution it was built from
 */
public record Flattening(Name name, List<Record> addresses, Duration ttl, List<Hop> chain,
    List<Diagnostic> diagnostics, Resolution ipv4, Resolution ipv6) {

  /** Copies the lists, so the flattening cannot change. */
  public Flattening {
    Objects.requireNonNull(name, "name");
    addresses = List.copyOf(addresses);
    chain = List.copyOf(chain);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Flattens the addresses of {@code name}: its A and AAAA records, re-owned at the name with
   * their minimum TTL.
   *
   * @param found the A and AAAA resolutions of the alias, both asked for
   * @return the flattened answer
   * @throws IllegalArgumentException if {@code found} lacks a family
   */
  public static Flattening of(HostAddresses found) {
    if (found.ipv4() == null || found.ipv6() == null) {
      throw new IllegalArgumentException("flattening needs both families, " + found.order() + " asked for one");
    }
    Duration ttl = found.ttl();
    List<Record> addresses = new ArrayList<>();
    for (Record record : found.addressRecords()) {
      addresses.add(reowned(found.name(), record, ttl.toSeconds()));
    }
    List<Hop> chain = found.ipv4().chain().isEmpty() ? found.ipv6().chain() : found.ipv4().chain();
    return new Flattening(found.name(), addresses, ttl, chain, found.diagnostics(), found.ipv4(), found.ipv6());
  }

  private static Record reowned(Name name, Record record, long ttl) {
    return switch (record) {
      case ARecord a -> new ARecord(name, DClass.IN, ttl, a.getAddress());
      case AAAARecord aaaa -> new AAAARecord(name, DClass.IN, ttl, aaaa.getAddress());
      default -> throw new IllegalArgumentException("not an address record: " + record);
    };
  }

  /**
   * The addresses alone, IPv4 first.
   *
   * @return the addresses
   */
  public List<InetAddress> inetAddresses() {
    List<InetAddress> all = new ArrayList<>(addresses.size());
    for (Record record : addresses) {
      all.add(record instanceof ARecord a ? a.getAddress() : ((AAAARecord) record).getAddress());
    }
    return all;
  }
}
