package org.dnschase.resolver.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * One zone parsed from master-file text, with the lookup of RFC 1034 §4.3.2 step 3 on top of
 * dnsjava's {@link Zone#findRecords}, which in 3.7.1 only expands a wildcard that is a sibling of
 * the name (it misses {@code *.example.} for {@code a.b.example.} and wildcard CNAMEs) and gives a
 * referral for DS at a zone cut.
 */
final class ServedZone {
  /** More records than a lab zone needs; it stops a {@code $GENERATE} range of billions. */
  static final int MAX_RECORDS = 100_000;

  private final Zone zone;
  /** Every owner name and empty non-terminal: RFC 4592 §3.3.1 needs "does this name exist". */
  private final Set<Name> names = new HashSet<>();

  /** The proofs of non-existence of a signed zone; null for an unsigned one. */
  private final Denial denial;
  /** Whether negative answers carry the SOA (RFC 2308 §3); false only to break them on purpose. */
  private final boolean negativeSoaServed;

  private ServedZone(Zone zone, boolean withProofs, boolean negativeSoaServed) {
    this.zone = zone;
    this.negativeSoaServed = negativeSoaServed;
    for (RRset set : zone) {
      if (set.size() > 0 && set.getType() != Type.NSEC3) { // a hashed owner is no name of the zone
        addWithAncestors(set.getName());
      }
    }
    this.denial = withProofs ? Denials.of(zone) : null;
  }

  private void addWithAncestors(Name owner) {
    Name name = owner;
    while (names.add(name) && name.labels() > zone.getOrigin().labels()) {
      name = new Name(name, 1);
    }
  }

  /**
   * Parses a zone.
   *
   * @param origin the zone's origin, or null to take it from {@code $ORIGIN} or the SOA owner
   * @throws IllegalArgumentException naming the zone if the text is not a valid zone
   */
  static ServedZone parse(Name origin, String text) {
    Name zoneOrigin = zoneOrigin(origin, text);
    try {
      return new ServedZone(new Zone(zoneOrigin, readAll(text, zoneOrigin).toArray(Record[]::new)), true, true);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("zone " + zoneOrigin + ": " + e.getMessage(), e);
    }
  }

  /**
   * The zone {@code origin} with {@code records}, e.g. as signing made them; without {@code
   * withProofs} its replies carry no NSEC or NSEC3 proofs, though the records hold a chain;
   * without {@code negativeSoaServed} its negative answers carry no SOA.
   */
  static ServedZone of(Name origin, List<Record> records, boolean withProofs, boolean negativeSoaServed) {
    try {
      return new ServedZone(new Zone(origin, records.toArray(Record[]::new)), withProofs, negativeSoaServed);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("zone " + origin + ": " + e.getMessage(), e);
    }
  }

  /**
   * The origin of a zone: {@code origin} if given (it must be absolute), else the {@code $ORIGIN}
   * in effect at the SOA record or the SOA's absolute owner. {@link ZoneCheck} shares it, so the
   * check and the servers agree on what a zone's origin is.
   *
   * @throws IllegalArgumentException if the origin is relative or cannot be told
   */
  static Name zoneOrigin(Name origin, String text) {
    if (origin != null && !origin.isAbsolute()) {
      throw new IllegalArgumentException("zone origin must be absolute: " + origin);
    }
    return origin != null ? origin : originOf(text);
  }

  private static Name originOf(String text) {
    Name origin;
    try {
      origin = soaOwner(text);
    } catch (IOException | IllegalArgumentException e) { // dnsjava: RelativeNameException
      throw new IllegalArgumentException("cannot tell the origin of the zone starting '"
          + firstLine(text) + "' (give $ORIGIN, an absolute SOA owner or zone(Name, String)): "
          + e.getMessage(), e);
    }
    if (origin == null) {
      throw new IllegalArgumentException("zone text has no SOA record: " + firstLine(text));
    }
    return origin;
  }

  /** The owner of the first SOA record, or null; the records after it are not read. */
  private static Name soaOwner(String text) throws IOException {
    try (Master master = master(text, null)) {
      int read = 0;
      for (Record r = next(master, read); r != null; r = next(master, ++read)) {
        if (r.getType() == Type.SOA) {
          return r.getName();
        }
      }
      return null;
    }
  }

  /** Every record of the text, in file order, as dnsjava's {@code Master} reads them. */
  static List<Record> readAll(String text, Name origin) throws IOException {
    List<Record> records = new ArrayList<>();
    try (Master master = master(text, origin)) {
      for (Record r = next(master, 0); r != null; r = next(master, records.size())) {
        records.add(r);
      }
    }
    return records;
  }

  /**
   * The record after the {@code read} first ones, or null at the end of the text. dnsjava's
   * {@code Master} trips on some malformed text with an unchecked exception (an empty quoted
   * name, for one), which becomes the IOException its other parse errors are.
   */
  private static Record next(Master master, int read) throws IOException {
    if (read >= MAX_RECORDS) {
      throw new IOException("more than " + MAX_RECORDS + " records, which is more than a lab zone"
          + " needs (a $GENERATE range too wide?)");
    }
    try {
      return master.nextRecord();
    } catch (IllegalArgumentException e) {
      throw e; // dnsjava's own refusals (a relative name, ...) say what is wrong as they are
    } catch (RuntimeException e) {
      throw new IOException("the master-file parser failed on it: " + e, e);
    }
  }

  private static Master master(String text, Name origin) {
    Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), origin);
    master.disableIncludes(true); // the text is the whole zone: reading files it names is an error
    return master;
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("");
  }

  Name origin() {
    return zone.getOrigin();
  }

  boolean encloses(Name name) {
    return name.subdomain(zone.getOrigin());
  }

  /**
   * Every record of the zone, RRSIGs included, in DNSSEC canonical order of owner names (RFC 4034
   * §6.1) with the SOA first, so that an export of the same zone is the same text every time.
   */
  List<Record> records() {
    List<Record> records = new ArrayList<>();
    for (RRset set : zone) {
      records.addAll(set.rrs(false));
      records.addAll(set.sigs());
    }
    records.sort(Comparator.comparing(Record::getName)
        .thenComparing(record -> record.getType() != Type.SOA)
        .thenComparingInt(Record::getType));
    return records;
  }

  /** The apex NS records, in zone-file order. */
  List<Record> apexNs() {
    return zone.getNS().rrs(false);
  }

  /** The host names of the apex NS RRset, in zone-file order. */
  List<Name> nameServers() {
    return apexNs().stream().map(r -> ((NSRecord) r).getTarget()).toList();
  }

  /** The A and AAAA records stored at {@code host}, glue included. */
  List<Record> addressRecords(Name host) {
    List<Record> records = new ArrayList<>();
    for (int type : new int[] {Type.A, Type.AAAA}) {
      RRset set = zone.findExactMatch(host, type);
      if (set != null) {
        records.addAll(set.rrs(false));
      }
    }
    return records;
  }

  /** The address in an A or AAAA record. */
  static InetAddress addressOf(Record record) {
    return record instanceof ARecord a ? a.getAddress() : ((AAAARecord) record).getAddress();
  }

  /** Whether negative answers carry the SOA: always, unless broken on purpose. */
  boolean negativeSoaServed() {
    return negativeSoaServed;
  }

  /** The SOA for a negative answer, its TTL capped by its MINIMUM (RFC 2308 §3). */
  SOARecord negativeSoa() {
    SOARecord soa = zone.getSOA();
    return new SOARecord(soa.getName(), soa.getDClass(), Math.min(soa.getTTL(), soa.getMinimum()),
        soa.getHost(), soa.getAdmin(), soa.getSerial(), soa.getRefresh(), soa.getRetry(),
        soa.getExpire(), soa.getMinimum());
  }

  /** Looks up one (name, type) in this zone; {@code name} must be at or below the origin. */
  ZoneResult lookup(Name name, int type) {
    var response = zone.findRecords(name, type);
    if (response.isDelegation()) {
      return referralOrDs(name, type, response.getNS());
    }
    if (type == Type.RRSIG && names.contains(name)) {
      return signatures(name);
    }
    if (response.isDNAME() || names.contains(name)) {
      return ZoneResult.of(response);
    }
    return wildcard(name, type);
  }

  /**
   * An RRSIG question: every RRSIG at the name, one signature-only RRset per type covered (dnsjava
   * keeps an RRSIG as the signature of the RRset it covers, never as data of its own); NODATA at
   * a name with none.
   */
  private ZoneResult signatures(Name name) {
    List<RRset> all = zone.findRecords(name, Type.ANY).answers();
    List<RRset> signatures = new ArrayList<>();
    for (RRset set : all == null ? List.<RRset>of() : all) {
      if (set.sigSize() > 0) {
        RRset alone = new RRset();
        set.sigs().forEach(alone::addRR);
        signatures.add(alone);
      }
    }
    return signatures.isEmpty() ? new ZoneResult.NoData() : new ZoneResult.Answer(signatures);
  }

  /** The parent side of a cut holds the DS RRset at the cut itself (RFC 4035 §3.1.4.1). */
  private ZoneResult referralOrDs(Name name, int type, RRset ns) {
    if (type != Type.DS || !ns.getName().equals(name)) {
      return new ZoneResult.Referral(ns);
    }
    RRset ds = zone.findExactMatch(name, Type.DS);
    return ds == null ? new ZoneResult.NoData() : new ZoneResult.Answer(List.of(ds));
  }

  /** RFC 4592 §3.3.1: only {@code *.<closest encloser>} may answer for a missing name. */
  private ZoneResult wildcard(Name name, int type) {
    Name source = name.wild(name.labels() - closestEncloser(name).labels());
    if (!names.contains(source)) {
      return new ZoneResult.NxDomain();
    }
    return ZoneResult.expand(ZoneResult.of(zone.findRecords(source, type)), name);
  }

  /** Whether {@code name} owns records or is an empty non-terminal (RFC 4592 §2.2.2). */
  boolean exists(Name name) {
    return names.contains(name);
  }

  /** The NSEC or NSEC3 proofs of this zone, or null if it is not signed. */
  Denial denial() {
    return denial;
  }

  /** The RRset of {@code type} at exactly {@code name}, RRSIGs included, or null. */
  RRset rrset(Name name, int type) {
    return zone.findExactMatch(name, type);
  }

  /** The deepest existing ancestor of a name that does not exist (RFC 4592 §3.3.1). */
  Name closestEncloser(Name name) {
    Name candidate = new Name(name, 1);
    while (!names.contains(candidate)) {
      candidate = new Name(candidate, 1);
    }
    return candidate;
  }
}
