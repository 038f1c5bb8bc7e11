package org.dnschase.resolver.internal.reply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * The RRsets of one scrubbed section with the look-ups the iterator makes: by owner and type, all
 * at an owner, the first of a type. A section of more than {@value #SCANNED} RRsets is indexed by
 * hash, once per reply in linear time, so a reply of thousands of RRsets costs no scan per question
 * asked of it; a smaller one, as nearly every reply's sections are, is searched in order, which
 * costs less than hashing its owner names and allocates nothing.
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

  /** The most RRsets a section may hold to be searched in order rather than indexed. */
  static final int SCANNED = 8;

  private final List<RRset> sets;
  /** The indexes; all three null for a section of {@value #SCANNED} RRsets or fewer. */
  private final Map<OwnerType, RRset> byOwnerAndType;
  private final Map<Name, List<RRset>> byOwner;
  private final Map<Integer, RRset> firstOfType;

  SectionIndex(List<RRset> sets) {
    this.sets = List.copyOf(sets);
    if (this.sets.size() <= SCANNED) {
      this.byOwnerAndType = null;
      this.byOwner = null;
      this.firstOfType = null;
      return;
    }
    this.firstOfType = new HashMap<>();
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
      RRset set = byOwnerAndType == null ? scan(owner, type) : byOwnerAndType.get(new OwnerType(owner, type));
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

  /** The first RRset of {@code type} at {@code owner} in a section not indexed, or null. */
  private RRset scan(Name owner, int type) {
    for (RRset set : sets) {
      if (set.getType() == type && set.getName().equals(owner)) {
        return set;
      }
    }
    return null;
  }

  /** Every RRset at {@code owner}, in order. */
  List<RRset> at(Name owner) {
    if (byOwner != null) {
      return byOwner.getOrDefault(owner, List.of());
    }
    List<RRset> found = List.of();
    for (RRset set : sets) {
      if (set.getName().equals(owner)) {
        found = found.isEmpty() ? new ArrayList<>(1) : found;
        found.add(set);
      }
    }
    return found;
  }

  /** The first RRset of {@code type}, or null. */
  RRset firstOfType(int type) {
    if (firstOfType != null) {
      return firstOfType.get(type);
    }
    for (RRset set : sets) {
      if (set.getType() == type) {
        return set;
      }
    }
    return null;
  }
}
