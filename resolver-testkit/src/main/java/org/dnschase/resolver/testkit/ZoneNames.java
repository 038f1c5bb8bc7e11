package org.dnschase.resolver.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The records of one zone by owner name in DNSSEC canonical order (RFC 4034 §6.1) and by type,
 * with the zone cuts: which names are authoritative, which are delegation points and which are
 * glue below a cut (RFC 4035 §2.2).
 */
final class ZoneNames {
  private final Name origin;
  private final TreeMap<Name, Map<Integer, RRset>> byName = new TreeMap<>();
  private final Set<Name> cuts = new HashSet<>();

  private ZoneNames(Name origin) {
    this.origin = origin;
  }

  /** Groups {@code records} (RRSIGs are left out: they are made afresh). */
  static ZoneNames of(Name origin, List<Record> records) {
    ZoneNames names = new ZoneNames(origin);
    for (Record r : records) {
      if (r.getType() != Type.RRSIG) {
        names.byName.computeIfAbsent(r.getName(), n -> new LinkedHashMap<>())
            .computeIfAbsent(r.getType(), t -> new RRset()).addRR(r);
      }
    }
    names.byName.forEach((name, sets) -> {
      if (!name.equals(origin) && sets.containsKey(Type.NS)) {
        names.cuts.add(name);
      }
    });
    return names;
  }

  Name origin() {
    return origin;
  }

  /** Whether {@code name} is a delegation point. */
  boolean isCut(Name name) {
    return cuts.contains(name);
  }

  /** Whether {@code name} is strictly below a delegation point: glue, not the zone's data. */
  boolean isGlue(Name name) {
    for (Name above = name; above.labels() > origin.labels(); ) {
      above = new Name(above, 1);
      if (cuts.contains(above)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The names that own authoritative data or are delegation points, in canonical order: the
   * owners of an NSEC chain (RFC 4035 §2.3).
   */
  List<Name> owners() {
    return byName.keySet().stream().filter(name -> !isGlue(name)).toList();
  }

  /** The RRsets at {@code name} by type; empty if none. */
  Map<Integer, RRset> at(Name name) {
    return byName.getOrDefault(name, Map.of());
  }

  /** The RRset of {@code type} at {@code name}, or null. */
  RRset rrset(Name name, int type) {
    return at(name).get(type);
  }

  /** Every RRset, by owner in canonical order, each name's in the order first seen. */
  List<RRset> rrsets() {
    List<RRset> sets = new ArrayList<>();
    byName.values().forEach(types -> sets.addAll(types.values()));
    return sets;
  }

  /** Every record, in the order of {@link #rrsets()}. */
  List<Record> all() {
    List<Record> records = new ArrayList<>();
    rrsets().forEach(set -> records.addAll(set.rrs(false)));
    return records;
  }

  /** Whether {@code set} is signed: authoritative data, and at a cut only DS and NSEC (§2.2). */
  boolean signs(RRset set) {
    if (isGlue(set.getName())) {
      return false;
    }
    return !isCut(set.getName()) || set.getType() == Type.DS || set.getType() == Type.NSEC;
  }
}
