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
import java.util.List;
import java.util.Objects;
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
   * at its apex.
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
   * @throws IllegalArgumentException if a record does not parse, naming the file and the line, a
   *     {@code $GENERATE} stands for more than 65,536 records, or the zone has no SOA or NS set at its
   *     apex
   */
  public static AuthZone fromFile(String name, Path file) {
    Name zone = ZoneServers.zoneName(name);
    try (Master master = new Master(file.toString(), zone)) {
      return new AuthZone(zone, readAll(master, "malformed zone file " + file + " of " + zone, file.getFileName().toString()));
    } catch (TextParseException e) {
      throw new IllegalArgumentException("malformed zone file " + file + " of " + zone + ", "
          + lineAndReason(e, file.getFileName().toString()), e);
    } catch (FileNotFoundException e) { // also dnsjava's word for a directory or a file it may not read
      throw new UncheckedIOException("zone file " + file + " of " + zone
          + (Files.exists(file) ? " cannot be read: " + e.getMessage() : " does not exist"), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read zone file " + file + " of " + zone + ": " + e.getMessage(), e);
    }
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

  /**
   * "line N: what" of dnsjava's "name:N: what", where it names a file by its last element and text
   * without a file "&lt;none&gt;".
   */
  private static String lineAndReason(TextParseException e, String shownName) {
    String message = e.getMessage();
    return message.startsWith(shownName + ":") ? "line " + message.substring(shownName.length() + 1) : message;
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
      // rdata its type cannot hold (RFC 3597 §5), an $INCLUDE of a file that is not there
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
        + (read.isEmpty() ? "" : " (after " + read.getLast() + ")") + " does not parse: " + e, e);
  }
}
