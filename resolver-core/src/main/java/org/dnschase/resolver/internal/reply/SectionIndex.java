package org.dnschase.resolver.internal.reply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * The RRsets of one scrubbed section with the look-ups the iterator makes, each a hash look-up:
 * by owner and type, all at an owner, the first of a type. Built once per reply in linear time,
 * so a reply of thousands of RRsets costs no scan per question asked of it.
 */
public final class SectionIndex {

  /**
   * Comparable, so owner names crafted to collide in {@link Name#hashCode()} (a weak hash) make a
   * tree of their hash bucket, searched in logarithmic time, not a list. Its equals and hashCode
   * are written out: a record's generated ones are bootstrapped at their first call, which a
   * fresh JVM's first look-up would pay for.
   */
  private record OwnerType(Name owner, int type) implements Comparable<OwnerType> {
    @Override
    public int compareTo(OwnerType other) {
      int byOwner = owner.compareTo(other.owner);
      return byOwner != 0 ? byOwner : Integer.compare(type, other.type);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof OwnerType that && type == that.type && owner.equals(that.owner);
    }

    @Override
    public int hashCode() {
      return 31 * owner.hashCode() + type;
    }
  }

  private final List<RRset> sets;
  private final Map<OwnerType, RRset> byOwnerAndType;
  private final Map<Name, List<RRset>> byOwner;
  private final Map<Integer, RRset> firstOfType = new HashMap<>();

  SectionIndex(List<RRset> sets) {
    this.sets = List.copyOf(sets);
    this.byOwnerAndType = HashMap.newHashMap(sets.size());
    this.byOwner = HashMap.newHashMap(sets.size());
    for (RRset set : this.sets) {
      byOwnerAndType.putIfAbsent(new OwnerType(set.getName(), set.getType()), set);
      byOwner.computeIfAbsent(set.getName(), owner -> new ArrayList<>(1)).add(set);
      firstOfType.putIfAbsent(set.getType(), set);
    }
  }

  List<RRset> all() {
    return sets;
  }

  /**
   * The RRset of {@code type} at {@code owner}; for ANY, the first RRset at the owner, which is
   * all RFC 8482 §4.1 asks of an answer to ANY. Null for none. A set that holds only signatures
   * (an RRSIG sent without the RRset it covers) is no data: nothing to answer with or to cache.
   * For RRSIG, the signatures at the owner: see {@link #signatures}.
   */
  RRset find(Name owner, int type) {
    if (type == Type.RRSIG) {
      return signatures(owner);
    }
    if (type != Type.ANY) {
      RRset set = byOwnerAndType.get(new OwnerType(owner, type));
      return set == null || set.size() == 0 ? null : set;
    }
    for (RRset set : at(owner)) {
      if (set.getType() != Type.RRSIG && set.size() > 0) {
        return set;
      }
    }
    return null;
  }

  /**
   * The RRSIGs at {@code owner} that cover the first type signed there, as an RRset of their own
   * holding them as signatures only: dnsjava's RRset keeps an RRSIG as the signature of the type it
   * covers, never as data, so RRSIGs covering several types cannot share one (the first covered
   * type's answer an RRSIG question, as one RRset answers ANY). Null when none are there.
   */
  private RRset signatures(Name owner) {
    for (RRset set : at(owner)) {
      if (set.sigSize() > 0) {
        if (set.size() == 0) {
          return set;
        }
        RRset signatures = new RRset();
        set.sigs().forEach(signatures::addRR);
        return signatures;
      }
    }
    return null;
  }

  /** Every RRset at {@code owner}, in order. */
  List<RRset> at(Name owner) {
    return byOwner.getOrDefault(owner, List.of());
  }

  /** The first RRset of {@code type}, or null. */
  RRset firstOfType(int type) {
    return firstOfType.get(type);
  }
}
