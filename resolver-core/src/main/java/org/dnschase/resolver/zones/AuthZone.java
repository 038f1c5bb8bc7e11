package org.dnschase.resolver.zones;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dnschase.resolver.internal.ConfigFiles;
import org.dnschase.resolver.rules.AliasCheck;
import org.dnschase.resolver.rules.Breach;
import org.dnschase.resolver.spi.LogText;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Generator;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;
import org.xbill.DNS.Zone;

/**
 * An auth zone, as Unbound's {@code auth-zone:} with {@code for-upstream}: the zone's data is
 * given here (in code or as a zone file) and the resolver answers every name at or below {@link
 * #name()} from it, without a query, as the zone's own authoritative server would: data, aliases,
 * NXDOMAIN and NODATA with the zone's SOA, and referrals to the zones it delegates, whose servers
 * are then asked as usual. The way to serve split DNS (a private view of a zone, or a zone that
 * exists nowhere else) from an embedded resolver. Its answers are cached like any other, and show
 * as coming from 0.0.0.0 port 0 ("this host", RFC 1122 §3.2.1.3) in traces and hops; the
 * private-address filter spares them. Under the root's built-in trust anchor its names are
 * INSECURE, as a stub zone's are; an anchor the caller configured above it covers it. A stub or
 * forward zone configured below it takes over for its own names.
 *
 * <p>A zone whose data breaks the alias rules is refused where it is given, naming the owner and the
 * rule, as NSD and BIND refuse to load it: a CNAME beside other data (RFC 1034 §3.6.2, RFC 2181
 * §10.1; RRSIG and NSEC may stand beside it, RFC 4035 §2.5), a CNAME at the apex, beside the SOA and
 * NS set (RFC 2181 §10.1), two CNAMEs at one name (RFC 2181 §10.1), a CNAME beside a DNAME (RFC 6672
 * §2.4), data below a DNAME (RFC 6672 §2.4 lets a server refuse it: no question reaches it). Each
 * leaves a name without one right answer (its own data or the alias's, the DNAME's synthesis or the
 * CNAME's) or data never answered, and this data comes from its operator, who can mend it, not from
 * a server the resolver must make the best of.
 *
 * {@snippet class=org.dnschase.resolver.Snippets region=zones}
 *
 * @param name the zone, absolute
 * @param records the zone's data: an SOA and an NS set at its apex, every record at or below it,
 *     class IN
 */
public record AuthZone(Name name, List<Record> records) {

  /**
   * The most records one {@code $GENERATE} line may stand for: a range of 0-4294967295 is one
   * short line and would hold the parser for hours.
   */
  static final long MAX_GENERATED = 65_536;

  /**
   * Checks the zone: an absolute name, records of class IN at or below it, one SOA and an NS set
   * at its apex, the alias rules kept.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public AuthZone {
    Objects.requireNonNull(name, "zone name");
    if (!name.isAbsolute()) {
      throw new IllegalArgumentException("zone name must be absolute: " + name);
    }
    records = List.copyOf(records);
    for (Record record : records) {
      // named by owner, class and type: dnsjava cannot print every record it parses (a HIP without its key)
      String which = "auth zone " + name + ": the " + Type.string(record.getType()) + " record of " + record.getName();
      if (!record.getName().subdomain(name)) {
        throw new IllegalArgumentException(which + " is outside the zone");
      }
      if (record.getDClass() != DClass.IN) {
        throw new IllegalArgumentException(which + " is of class " + DClass.string(record.getDClass()) + ", not IN");
      }
    }
    toZone(name, records);
    checkAliases(name, records);
  }

  /**
   * The zone whose data is {@code zoneText}, in master-file format (RFC 1035 §5.1), relative names
   * taken to be below {@code name} unless an {@code $ORIGIN} says otherwise.
   *
   * @param name the zone, e.g. {@code "corp.example."}
   * @param zoneText the zone's records
   * @return the zone
   * @throws IllegalArgumentException if the name or a record does not parse (naming the line), the
   *     text has an {@code $INCLUDE} or a {@code $GENERATE} for more than 65,536 records, or the zone
   *     has no SOA or NS set at its apex
   */
  public static AuthZone parse(String name, String zoneText) {
    Name zone = ZoneServers.zoneName(name);
    Objects.requireNonNull(zoneText, "zoneText");
    try (Master master = new Master(new ByteArrayInputStream(zoneText.getBytes(StandardCharsets.UTF_8)), zone)) {
      master.disableIncludes(true); // refused, not skipped: text has no directory for $INCLUDE
      return new AuthZone(zone, readAll(master, "zone data of " + zone, "<none>"));
    } catch (TextParseException e) {
      throw new IllegalArgumentException("zone data of " + zone + ", " + lineAndReason(e, "<none>"), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The zone whose data is the zone file {@code file} (Unbound's {@code zonefile:}), relative
   * names taken to be below {@code name} unless an {@code $ORIGIN} says otherwise.
   *
   * @param name the zone, e.g. {@code "corp.example."}
   * @param file the zone file, in master-file format (RFC 1035 §5.1)
   * @return the zone
   * @throws UncheckedIOException if the file cannot be read, naming it
   * @throws IllegalArgumentException if a record does not parse, naming the file and the line, an
   *     {@code $INCLUDE} names a file that is not there, not a regular file, or being read already
   *     (a loop), or nests deeper than NSD's ten, a {@code $GENERATE} stands for more than 65,536
   *     records, or the zone has no SOA or NS set at its apex
   */
  public static AuthZone fromFile(String name, Path file) {
    Name zone = ZoneServers.zoneName(name);
    String shown = LogText.escaped(file.toString());
    List<Record> records;
    try (Master master = open(file, zone)) {
      ZoneIncludes.check(file);
      records = readAll(master, "malformed zone file " + shown + " of " + zone, file.getFileName().toString());
    } catch (TextParseException e) {
      throw new IllegalArgumentException("malformed zone file " + shown + " of " + zone + ", "
          + lineAndReason(e, file.getFileName().toString()), e);
    } catch (FileNotFoundException e) { // also dnsjava's word for a directory or a file it may not read
      throw new UncheckedIOException("zone file " + shown + " of " + zone
          + (Files.exists(file) ? " cannot be read: " + LogText.escaped(e.getMessage()) : " does not exist"), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read zone file " + shown + " of " + zone + ": "
          + LogText.escaped(e.getMessage()), e);
    }
    try {
      return new AuthZone(zone, records);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("zone file " + shown + ": " + e.getMessage(), e);
    }
  }

  /** The file by name, so dnsjava's errors say "file:line:", once it is known to have an end. */
  private static Master open(Path file, Name zone) throws IOException {
    ConfigFiles.requireRegular(file);
    return new Master(file.toString(), zone);
  }

  /**
   * The zone's data as a dnsjava {@link Zone}, which answers look-ups.
   *
   * @return a new zone holding the records
   */
  public Zone toZone() {
    return toZone(name, records);
  }

  private static Zone toZone(Name name, List<Record> records) {
    try {
      return new Zone(name, records.toArray(Record[]::new));
    } catch (IOException e) { // dnsjava's word for a zone without its SOA or NS set
      throw new IllegalArgumentException("auth zone " + name + ": " + e.getMessage(), e);
    }
  }

  /** Refuses the first breach of the alias rules, owner by owner in the order the data gives them. */
  private static void checkAliases(Name zone, List<Record> records) {
    Map<Name, List<Record>> byOwner = new LinkedHashMap<>();
    records.forEach(record -> byOwner.computeIfAbsent(record.getName(), owner -> new ArrayList<>()).add(record));
    for (List<Record> atOwner : byOwner.values()) {
      List<Breach> breaches = AliasCheck.atOwner(zone, atOwner);
      if (!breaches.isEmpty()) {
        throw new IllegalArgumentException("auth zone " + zone + ": " + atOwner.getFirst().getName() + " has "
            + breach(breaches.getFirst()));
      }
    }
    byOwner.keySet().forEach(owner -> checkNotBelowDname(zone, owner, byOwner));
  }

  /**
   * RFC 6672 §2.4: no data below a DNAME, which redirects every name below its owner, so no
   * question ever reaches that data; the RFC lets a server refuse such a zone, and NSD does.
   */
  private static void checkNotBelowDname(Name zone, Name owner, Map<Name, List<Record>> byOwner) {
    for (Name above = owner; above.labels() > zone.labels(); ) {
      above = new Name(above, 1);
      for (Record record : byOwner.getOrDefault(above, List.of())) {
        if (record.getType() == Type.DNAME) {
          throw new IllegalArgumentException("auth zone " + zone + ": " + owner + " lies below the DNAME of " + above
              + ", which redirects every name below it, so no question reaches its data (RFC 6672 §2.4)");
        }
      }
    }
  }

  private static String breach(Breach breach) {
    return switch (breach.rule()) {
      case CNAME_AND_OTHER_DATA -> "a CNAME beside other data (" + Type.string(otherThanCname(breach).getType())
          + "), which RFC 1034 §3.6.2 and RFC 2181 §10.1 forbid: the name would answer as an alias and as itself";
      case CNAME_AT_APEX -> "a CNAME at the zone's apex, beside its SOA and NS set (RFC 2181 §10.1)";
      case MULTIPLE_CNAMES -> "two CNAMEs, to " + target(breach.beside()) + " and to " + target(breach.at())
          + "; an alias has one target (RFC 2181 §10.1)";
      case CNAME_AND_DNAME -> "a CNAME beside a DNAME (RFC 6672 §2.4): the name would be an alias of two targets";
      // rules of a record's target, which AliasCheck.atOwner never reports
      case NS_TARGET_IS_ALIAS, MX_TARGET_IS_ALIAS, SRV_TARGET_IS_ALIAS -> breach.rule().toString();
    };
  }

  private static Record otherThanCname(Breach breach) {
    return breach.at().getType() == Type.CNAME ? breach.beside() : breach.at();
  }

  private static Name target(Record cname) {
    return ((CNAMERecord) cname).getTarget();
  }

  /**
   * "line N: what" of dnsjava's "name:N: what", where it names a file by its last element and text
   * without a file "&lt;none&gt;"; escaped, since it may quote the line.
   */
  private static String lineAndReason(TextParseException e, String shownName) {
    String message = e.getMessage();
    return LogText.escaped(message.startsWith(shownName + ":") ? "line " + message.substring(shownName.length() + 1)
        : message);
  }

  /**
   * Every record of the zone, {@code $GENERATE} lines expanded once their size is known to be
   * sane.
   *
   * @param source what to call the data in an error: dnsjava's parse errors name the line, those
   *     that name nothing are said here to be at the record after the last one read
   */
  private static List<Record> readAll(Master master, String source, String shownName) throws IOException {
    master.expandGenerate(false);
    List<Record> records = new ArrayList<>();
    try {
      for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
        records.add(record);
      }
    } catch (TextParseException e) {
      if (String.valueOf(e.getMessage()).startsWith(shownName + ":")) {
        throw e; // dnsjava's own, naming the line
      }
      throw notParsed(source, records, e); // from a record type's own parser (an HTTPS record's port)
    } catch (RuntimeException | WireParseException | FileNotFoundException e) {
      // dnsjava's errors without a line: "" as an owner name (an index out of bounds), generic
      // rdata its type cannot hold (RFC 3597 §5), an included file gone since ZoneIncludes saw it
      throw notParsed(source, records, e);
    }
    for (Iterator<Generator> generators = master.generators(); generators.hasNext(); ) {
      Generator generator = generators.next();
      if ((generator.end - generator.start) / generator.step >= MAX_GENERATED) {
        throw new IllegalArgumentException(source + ", " + generator + " stands for more than "
            + MAX_GENERATED + " records");
      }
      records.addAll(List.of(generator.expand()));
    }
    return records;
  }

  private static IllegalArgumentException notParsed(String source, List<Record> read, Exception e) {
    return new IllegalArgumentException(source + ", record " + (read.size() + 1)
        + (read.isEmpty() ? "" : " (after " + read.getLast() + ")") + " does not parse: "
        + LogText.escaped(e.toString()), e);
  }
}
