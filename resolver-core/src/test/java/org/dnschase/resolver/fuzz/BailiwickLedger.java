package org.dnschase.resolver.fuzz;

import java.net.InetAddress;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dnschase.resolver.zones.AuthZone;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * The fuzz tests' own account of who may speak for what (RFC 2181 §5.4.1), kept apart from the
 * resolver's so that it can judge it. It starts from the root hints, which speak for the root;
 * a server speaks for every zone that a server speaking for an ancestor delegated to it (an NS
 * record naming a host, and an address for that host, each from a server that speaks for the
 * record's owner). What a server says about names outside the zones it speaks for vouches for
 * nothing.
 *
 * <p>It is generous on purpose (a server speaks for all its zones at once, whatever the query),
 * so what it refuses the resolver must never have cached.
 */
final class BailiwickLedger {

  private static final int[] SECTIONS = {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL};

  private final Map<InetAddress, Set<Name>> zonesOf = new HashMap<>();
  private final Map<Name, Set<Name>> zonesNamingHost = new HashMap<>();
  private final Map<Name, Set<InetAddress>> addressesOfHost = new HashMap<>();
  /** Records a server sent about names it speaks for (dnsjava's equality ignores the TTL). */
  private final Set<Record> vouched = new HashSet<>();
  /**
   * The same records by identity, for those dnsjava cannot hash: its hashCode writes the record
   * in wire form, which throws for some records it parsed (a WKS without services).
   */
  private final Set<Record> vouchedInstances = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Names whose (non-)existence a server that speaks for them may have proven. */
  private final Set<Name> vouchedNames = new HashSet<>();
  /** The zones the resolver holds itself, which speak for every name in them. */
  private final Set<Name> ownZones = new HashSet<>();

  BailiwickLedger(Map<Name, List<InetAddress>> rootHints) {
    rootHints.values().forEach(addresses ->
        addresses.forEach(address -> zonesOf.computeIfAbsent(address, a -> new HashSet<>()).add(Name.root)));
  }

  /**
   * Takes note of a zone the resolver holds itself (an auth zone): it speaks for its names and
   * vouches for its records.
   */
  void ownZone(AuthZone zone) {
    ownZones.add(zone.name());
    zone.records().forEach(this::vouch);
  }

  /** Takes note of a reply that {@code server} sent to {@code query}. */
  void replied(InetAddress server, Message query, Message reply) {
    Set<Name> zones = Set.copyOf(zonesOf.getOrDefault(server, Set.of()));
    Set<Name> names = new HashSet<>();
    names.add(query.getQuestion().getName());
    List<DNAMERecord> dnames = new java.util.ArrayList<>();
    for (int section : SECTIONS) {
      for (Record record : reply.getSection(section)) {
        if (!speaksFor(zones, record.getName())) {
          continue;
        }
        vouch(record);
        switch (record) {
          case NSRecord ns -> zonesNamingHost.computeIfAbsent(ns.getTarget(), h -> new HashSet<>()).add(ns.getName());
          case ARecord a -> addressesOfHost.computeIfAbsent(a.getName(), h -> new HashSet<>()).add(a.getAddress());
          case AAAARecord a -> addressesOfHost.computeIfAbsent(a.getName(), h -> new HashSet<>()).add(a.getAddress());
          case CNAMERecord cname -> names.add(cname.getTarget());
          case DNAMERecord dname -> dnames.add(dname);
          default -> { }
        }
      }
    }
    names.addAll(substituted(names, dnames));
    names.stream().filter(name -> speaksFor(zones, name)).forEach(vouchedNames::add);
    credit();
  }

  /** Whether a server that speaks for its owner sent {@code record}. */
  boolean vouchesFor(Record record) {
    if (vouchedInstances.contains(record)) {
      return true;
    }
    try {
      return vouched.contains(record);
    } catch (RuntimeException unhashable) {
      return false;
    }
  }

  private void vouch(Record record) {
    vouchedInstances.add(record);
    try {
      vouched.add(record);
    } catch (RuntimeException unhashable) {
      // kept by identity only
    }
  }

  /** Whether a server that speaks for {@code name} may have proven that it (or its data) is missing. */
  boolean vouchesForName(Name name) {
    return vouchedNames.contains(name) || speaksFor(ownZones, name);
  }

  private void credit() {
    zonesNamingHost.forEach((host, zones) -> addressesOfHost.getOrDefault(host, Set.of())
        .forEach(address -> zonesOf.computeIfAbsent(address, a -> new HashSet<>()).addAll(zones)));
  }

  /** The names DNAMEs turn the given ones into, chains of them included. */
  private static Set<Name> substituted(Set<Name> names, List<DNAMERecord> dnames) {
    Set<Name> found = new HashSet<>();
    Set<Name> next = new HashSet<>(names);
    for (int round = 0; round < 4 && !next.isEmpty(); round++) {
      Set<Name> these = next;
      next = new HashSet<>();
      for (Name name : these) {
        for (DNAMERecord dname : dnames) {
          if (name.subdomain(dname.getName()) && !name.equals(dname.getName())) {
            try {
              Name target = name.fromDNAME(dname);
              if (found.add(target)) {
                next.add(target);
              }
            } catch (NameTooLongException tooLong) {
              // nothing to vouch for: the resolver ends such a chain with YXDOMAIN
            }
          }
        }
      }
    }
    return found;
  }

  private static boolean speaksFor(Set<Name> zones, Name name) {
    return zones.stream().anyMatch(name::subdomain);
  }
}
