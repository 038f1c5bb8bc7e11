package org.dnschase.resolver.internal.dnssec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dnschase.resolver.internal.ConfigFiles;
import org.dnschase.resolver.spi.LogText;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Where chains of trust start (RFC 4035 §4.4): DS or DNSKEY records per zone, and the negative
 * trust anchors (RFC 7646) below which nothing is validated. Immutable.
 */
public final class TrustAnchors {

  /**
   * The root zone's key-signing keys as DS records, KSK-2017 (tag 20326) and KSK-2024 (tag
   * 38696), from IANA's root-anchors.xml: what a validating resolver ships with.
   */
  static final String IANA_ROOT = """
      . IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D
      . IN DS 38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16
      """;
  private static final Set<Record> IANA_ROOT_RECORDS = Set.copyOf(parse(IANA_ROOT));

  /** The anchor of one zone: the DS records and DNSKEYs its keys are trusted by. */
  public record Anchor(Name zone, List<DSRecord> ds, List<DNSKEYRecord> keys) {
    public Anchor {
      ds = List.copyOf(ds);
      keys = List.copyOf(keys);
    }

    /**
     * Whether this is the root's anchor every validating resolver ships with ({@link #IANA_ROOT}),
     * built in or given again, rather than one the caller chose for its own zones.
     */
    public boolean ianaRoot() {
      return zone.equals(Name.root) && keys.isEmpty() && Set.copyOf(ds).equals(IANA_ROOT_RECORDS);
    }
  }

  private final Map<Name, Anchor> anchors;
  private final Set<Name> negative;

  private TrustAnchors(Map<Name, Anchor> anchors, Set<Name> negative) {
    this.anchors = Map.copyOf(anchors);
    this.negative = Set.copyOf(negative);
  }

  /** The records of {@link #IANA_ROOT}. */
  public static List<Record> ianaRootRecords() {
    return parse(IANA_ROOT);
  }

  /**
   * Anchors given as master-file text: DS or DNSKEY records, one zone or several, TTL and class
   * optional (Unbound's {@code trust-anchor} and {@code trust-anchor-file}, BIND's key files).
   *
   * @throws IllegalArgumentException if the text does not parse, holds other records, or none
   */
  public static List<Record> parse(String text) {
    return read(new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Name.root, 0),
        "the trust anchors given");
  }

  /**
   * Anchors read from a file of master-file text, as {@link #parse(String)} reads them; an error
   * names the file and the line.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException as {@link #parse(String)}
   */
  public static List<Record> read(Path file) {
    try {
      ConfigFiles.requireRegular(file);
      // opened by name, so dnsjava's tokenizer says "file:line:" in what it cannot parse
      return read(new Master(file.toString(), Name.root, 0),
          "the trust anchors in " + LogText.escaped(file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the trust anchor file " + LogText.escaped(file.toString()) + ": "
          + LogText.escaped(ConfigFiles.reason(e)), e);
    }
  }

  private static List<Record> read(Master opened, String source) {
    List<Record> records = new ArrayList<>();
    try (Master master = opened) {
      for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
        if (record.getDClass() != DClass.IN) {
          throw new IllegalArgumentException(source + ": a trust anchor is of class IN: " + record);
        }
        if (!(record instanceof DSRecord || record instanceof DNSKEYRecord)) {
          throw new IllegalArgumentException(source + ": a trust anchor is a DS or DNSKEY record: " + record);
        }
        records.add(record);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(source + " do not parse: " + LogText.escaped(e.getMessage()), e);
    }
    if (records.isEmpty()) {
      throw new IllegalArgumentException(source + " hold no DS or DNSKEY record");
    }
    return List.copyOf(records);
  }

  /** The anchors of {@code records}, DS and DNSKEY records as {@link #parse} returns them. */
  public static TrustAnchors of(Collection<Record> records) {
    Map<Name, List<DSRecord>> ds = new HashMap<>();
    Map<Name, List<DNSKEYRecord>> keys = new HashMap<>();
    for (Record record : records) {
      switch (record) {
        case DSRecord dsRecord -> ds.computeIfAbsent(record.getName(), zone -> new ArrayList<>()).add(dsRecord);
        case DNSKEYRecord key -> keys.computeIfAbsent(record.getName(), zone -> new ArrayList<>()).add(key);
        default -> throw new IllegalArgumentException("a trust anchor is a DS or DNSKEY record: " + record);
      }
    }
    Map<Name, Anchor> anchors = new HashMap<>();
    for (Name zone : union(ds.keySet(), keys.keySet())) {
      anchors.put(zone, new Anchor(zone, ds.getOrDefault(zone, List.of()), keys.getOrDefault(zone, List.of())));
    }
    return new TrustAnchors(anchors, Set.of());
  }

  private static Set<Name> union(Set<Name> a, Set<Name> b) {
    Set<Name> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** These anchors with {@code zones} as negative trust anchors (RFC 7646), replacing any before. */
  public TrustAnchors withNegative(Collection<Name> zones) {
    return new TrustAnchors(anchors, Set.copyOf(zones));
  }

  /** The deepest anchor at or above {@code name}; null when none covers it. */
  public Anchor closest(Name name) {
    for (int strip = 0; strip < name.labels(); strip++) {
      Anchor anchor = anchors.get(strip == 0 ? name : new Name(name, strip));
      if (anchor != null) {
        return anchor;
      }
    }
    return null;
  }

  /**
   * Whether a negative trust anchor at or above {@code name} switches validation off for it: one
   * at or below its closest positive anchor (RFC 7646 §2: a deeper positive anchor wins).
   */
  public boolean negativelyAnchored(Name name, Anchor closest) {
    for (int strip = 0; strip < name.labels() && !negative.isEmpty(); strip++) {
      Name ancestor = strip == 0 ? name : new Name(name, strip);
      if (negative.contains(ancestor)) {
        return closest == null || ancestor.subdomain(closest.zone());
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "TrustAnchors" + anchors.keySet() + (negative.isEmpty() ? "" : " negative " + negative);
  }
}
