package org.dnschase.resolver.internal.message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dnschase.resolver.cache.TtlCaps;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Groups the records of a message section into RRsets in time linear in the section's size, for
 * replies from servers we do not trust. dnsjava's {@code Message.getSectionRRsets} compares each
 * record with every RRset built so far, far worse than linear in the number of owner names (0.1 s
 * at 1,000 owners, 7 s at 4,000), and {@code RRset.addRR} looks for duplicates with a linear scan
 * whose every comparison encodes both records: one RRset of thousands of records is quadratic too.
 * Here one pass puts each record in a hash map by (owner, type, class), duplicates found within
 * each group (by a hash set once it holds more than a few records; a section of one RRset, most of
 * a reply's, goes straight into its one group), and
 * only a group of at most {@link #MAX_RECORDS_PER_RRSET} records is ever made into an RRset, with
 * at most {@link #MAX_SIGNATURES_PER_RRSET} of its RRSIGs.
 */
public final class Sections {

  /**
   * 100 records per RRset, BIND's {@code max-records-per-type} default since 9.18.28 (CVE-2024-1737,
   * "a very large number of RRs at the same name slows down processing"). An RRset is built with
   * dnsjava's quadratic duplicate check, so the bound also bounds that work; no sane zone needs
   * more records of one type at one name.
   */
  public static final int MAX_RECORDS_PER_RRSET = 100;

  /**
   * 8 RRSIGs per RRset, Unbound's {@code iter-scrub-rrsig} default: the first ones received are
   * kept, the rest dropped. A zone signs an RRset once per key and algorithm, a handful at most
   * during a rollover; more only make a validator try each (KeyTrap, CVE-2023-50387) and a client
   * that set DO carry them.
   */
  public static final int MAX_SIGNATURES_PER_RRSET = 8;

  /** The most records a group compares one by one for duplicates; a larger one hashes them. */
  static final int COMPARED_UP_TO = 8;

  /**
   * The records of one RRset as they arrived, duplicates removed, signatures (RRSIG) grouped with
   * the type they cover, as dnsjava does.
   */
  public static final class Group {
    private final Name name;
    private final int type;
    private final int dclass;
    /** The distinct records, in the order received. */
    private final List<Record> records = new ArrayList<>(2);
    /**
     * The canonical RDATA of each record while the group is small enough to compare them one by
     * one (a group is mostly one record, an NS set a few); null once it is hashed instead.
     */
    private List<byte[]> rdata = new ArrayList<>(2);
    /** The records as a set, once the group has more than {@link #COMPARED_UP_TO}; else null. */
    private Set<Record> hashed;
    /** How many of {@link #records} are data, not signatures: the bound counts these alone. */
    private int dataRecords;

    private Group(Record first) {
      this.name = first.getName();
      this.type = first.getRRsetType();
      this.dclass = first.getDClass();
    }

    public Name name() {
      return name;
    }

    /** The RRset's type: for a signature, the type it covers. */
    public int type() {
      return type;
    }

    public int dclass() {
      return dclass;
    }

    private Key key() {
      return new Key(name, type, dclass);
    }

    private boolean signaturesOnly() {
      for (Record record : records) {
        if (record.getType() != Type.RRSIG) {
          return false;
        }
      }
      return true;
    }

    /**
     * Takes a record unless the group has enough of its kind: one data record over the bound is
     * enough to refuse the group, and the first signatures received are the ones kept. The two are
     * counted apart, so an RRset of the most records allowed is kept with its signatures.
     */
    private void add(Record record) {
      boolean signature = record.getType() == Type.RRSIG;
      if (signature ? records.size() - dataRecords >= MAX_SIGNATURES_PER_RRSET : dataRecords > MAX_RECORDS_PER_RRSET) {
        return;
      }
      try {
        if (takeUnlessHeld(record) && !signature) {
          dataRecords++;
        }
      } catch (RuntimeException unwritable) {
        // dnsjava parses some records it cannot write back (a WKS without services), and throws as
        // it writes them, comparing or hashing: such a record could be neither compared nor cached
      }
    }

    /**
     * Takes {@code record} unless the group holds an equal one ({@link Record#equals}: the same
     * owner, type, class and canonical RDATA; the owner and class are the group's), and says whether
     * it did. A small group compares RDATA written once per record instead of hashing each record,
     * which writes its owner name as well; a larger one hashes, so that thousands stay linear.
     */
    private boolean takeUnlessHeld(Record record) {
      if (hashed != null) {
        if (!hashed.add(record)) {
          return false;
        }
        records.add(record);
        return true;
      }
      byte[] canonical = record.rdataToWireCanonical();
      for (int i = 0; i < records.size(); i++) {
        if (records.get(i).getType() == record.getType() && Arrays.equals(rdata.get(i), canonical)) {
          return false;
        }
      }
      records.add(record);
      rdata.add(canonical);
      if (records.size() > COMPARED_UP_TO) {
        hashed = new HashSet<>(records);
        rdata = null;
      }
      return true;
    }

    /** Distinct records kept, signatures included. */
    public int size() {
      return records.size();
    }

    /** Whether the group holds more data records than {@link #MAX_RECORDS_PER_RRSET}: the caller drops it. */
    public boolean oversized() {
      return dataRecords > MAX_RECORDS_PER_RRSET;
    }

    /**
     * The RRset, every TTL as the cache would keep it ({@code caps}: a server's 2^31 - 1 becomes
     * the cache's maximum), its records in the order received except that one with the lowest TTL
     * goes first: dnsjava gives every record of a set the lowest TTL (RFC 2181 §5.2) and copies all
     * records each time a lower one arrives, so leading with it makes that one copy per record.
     *
     * @throws IllegalStateException if the group holds more than {@link #MAX_RECORDS_PER_RRSET}
     *     records: the caller drops such groups
     */
    public RRset toRRset(TtlCaps caps) {
      return toRRset(caps, MAX_RECORDS_PER_RRSET);
    }

    /**
     * As {@link #toRRset(TtlCaps)}, of the first {@code limit} records received only (their
     * signatures kept): a bound for RRsets of a type the caller keeps smaller.
     */
    public RRset toRRset(TtlCaps caps, int limit) {
      if (oversized()) {
        throw new IllegalStateException(dataRecords + " records at " + name + ", over the bound");
      }
      List<Record> capped = new ArrayList<>(records.size());
      Record lowest = null;
      int data = 0;
      int signatures = 0;
      for (Record record : records) {
        if (record.getType() == Type.RRSIG ? ++signatures > MAX_SIGNATURES_PER_RRSET : data++ >= limit) {
          continue;
        }
        Record kept = withTtl(record, caps.positive(record.getTTL()));
        capped.add(kept);
        if (lowest == null || kept.getTTL() < lowest.getTTL()) {
          lowest = kept;
        }
      }
      RRset set = new RRset(lowest);
      for (Record record : capped) {
        if (record != lowest) {
          set.addRR(record);
        }
      }
      return set;
    }
  }

  /**
   * Comparable, so that owner names crafted to collide in {@link Name#hashCode()} (a weak hash)
   * make a tree of their hash bucket, searched in logarithmic time, not a list. Its equals and
   * hashCode are written out: a record's generated ones are bootstrapped at their first call,
   * which a fresh JVM's first look-up would pay for.
   */
  private record Key(Name name, int type, int dclass) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byName = name.compareTo(other.name);
      return byName != 0 ? byName : type != other.type ? Integer.compare(type, other.type)
          : Integer.compare(dclass, other.dclass);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key that && type == that.type && dclass == that.dclass && name.equals(that.name);
    }

    @Override
    public int hashCode() {
      return (31 * name.hashCode() + type) * 31 + dclass;
    }
  }

  private Sections() {}

  /**
   * {@code record} with TTL {@code ttl}; itself when it has it. dnsjava sets a record's TTL only
   * inside its package, so the copy goes through the wire form, the TTL written in place.
   */
  static Record withTtl(Record record, long ttl) {
    if (record.getTTL() == ttl) {
      return record;
    }
    byte[] wire = record.toWire(Section.ANSWER);
    int at = record.getName().length() + 4; // after the owner, the type and the class
    for (int i = 0; i < 4; i++) {
      wire[at + i] = (byte) (ttl >>> (24 - 8 * i));
    }
    try {
      return Record.fromWire(wire, Section.ANSWER);
    } catch (IOException e) {
      throw new UncheckedIOException("re-reading a record of our own making: " + record, e);
    }
  }

  /**
   * The sections' records grouped as {@link #group} does, except that signatures that arrived in
   * another section than the RRset they cover join it in its own: the server still signed it, and
   * Unbound's parser attaches them too (msgparse.c). Signatures with no RRset in any section stay
   * where they were.
   *
   * @return the groups of each section, in the order given
   */
  public static List<List<Group>> groupAcross(List<List<Record>> sections) {
    List<List<Group>> grouped = new ArrayList<>(sections.size());
    boolean strays = false;
    for (List<Record> section : sections) {
      List<Group> groups = group(section);
      grouped.add(groups);
      for (Group group : groups) {
        strays |= group.signaturesOnly();
      }
    }
    if (!strays) {
      return grouped; // the usual case: every signature beside its RRset
    }
    Map<Key, Group> withData = new HashMap<>();
    for (List<Group> section : grouped) {
      for (Group group : section) {
        if (!group.signaturesOnly()) {
          withData.putIfAbsent(group.key(), group);
        }
      }
    }
    List<List<Group>> joined = new ArrayList<>(grouped.size());
    for (List<Group> section : grouped) {
      List<Group> kept = new ArrayList<>(section.size());
      for (Group group : section) {
        Group owner = group.signaturesOnly() ? withData.get(group.key()) : null;
        if (owner == null) {
          kept.add(group);
        } else {
          group.records.forEach(owner::add);
        }
      }
      joined.add(kept);
    }
    return joined;
  }

  /**
   * The section's records grouped by (owner, type, class), groups in order of first appearance.
   * The EDNS OPT pseudo-record is left out: it is no data about any name (RFC 6891 §6.1.1), and
   * each record a group takes is hashed, which dnsjava does by writing it out.
   */
  public static List<Group> group(List<Record> section) {
    Record first = firstData(section);
    if (first == null || oneRRset(section, first)) {
      // most sections of a reply: the answer's RRset, a referral's NS set, nothing but the OPT
      // record; an ArrayList as the map's groups come in, so the loops over them see one type of list
      List<Group> one = new ArrayList<>(1);
      if (first == null) {
        return one;
      }
      Group group = new Group(first);
      for (Record record : section) {
        if (record.getType() != Type.OPT) {
          group.add(record);
        }
      }
      if (group.size() > 0) {
        one.add(group);
      }
      return one;
    }
    Map<Key, Group> groups = new LinkedHashMap<>();
    for (Record record : section) {
      if (record.getType() == Type.OPT) {
        continue;
      }
      Group group = groups.computeIfAbsent(new Key(record.getName(), record.getRRsetType(), record.getDClass()),
          key -> new Group(record));
      group.add(record);
    }
    List<Group> kept = new ArrayList<>(groups.size());
    for (Group group : groups.values()) {
      if (group.size() > 0) {
        kept.add(group);
      }
    }
    return kept;
  }

  /** The section's first record that is not an OPT record; null if it has none. */
  private static Record firstData(List<Record> section) {
    for (Record record : section) {
      if (record.getType() != Type.OPT) {
        return record;
      }
    }
    return null;
  }

  /** Whether the section's records other than OPT all have {@code first}'s owner, type and class. */
  private static boolean oneRRset(List<Record> section, Record first) {
    for (Record record : section) {
      if (record.getType() != Type.OPT && (record.getRRsetType() != first.getRRsetType()
          || record.getDClass() != first.getDClass() || !record.getName().equals(first.getName()))) {
        return false;
      }
    }
    return true;
  }
}
