package org.dnschase.resolver.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The zones of a {@link TestHierarchy} as master files, and which zones each server address
 * serves: what another authoritative server (NSD, Knot, BIND) needs to serve the same tree, so
 * that a resolver can be run against it and against the testkit and the answers compared.
 *
 * <p>Each file holds the zone's records in dnsjava's presentation, one per line, with absolute
 * owner names and explicit TTLs, so it needs no {@code $ORIGIN} or {@code $TTL}. Delegations and
 * their glue stay in the parent zone, as the testkit serves them. A signed zone's file holds its
 * DNSKEY, RRSIG, NSEC or NSEC3 and NSEC3PARAM records and, at each cut to a signed child, the DS,
 * so a server of pre-signed zones (NSD) serves the same data; {@link #trustAnchor} is the anchor a
 * validating resolver starts from.
 *
 * {@snippet class=org.dnschase.resolver.testkit.Snippets region=export}
 *
 * @param zoneFiles the master-file text of every zone by origin, in the order the zones were given
 * @param servers every server address with the origins of the zones it serves, as {@link
 *     TestHierarchy#servers()} lists them
 * @param trustAnchor the signed root's DS as a master-file line ({@link TestHierarchy#trustAnchor}),
 *     as Unbound's {@code trust-anchor-file} takes it; empty if the root is not signed
 */
public record ZoneExport(Map<Name, String> zoneFiles, Map<InetAddress, List<Name>> servers,
    String trustAnchor) {

  /** The file {@link #writeTo} writes the trust anchor to, when there is one. */
  public static final String TRUST_ANCHOR_FILE = "root.key";

  /** Copies the maps, keeping their order. */
  public ZoneExport {
    zoneFiles = Collections.unmodifiableMap(new LinkedHashMap<>(zoneFiles));
    servers = Collections.unmodifiableMap(new LinkedHashMap<>(servers));
  }

  /**
   * The zones {@code hierarchy} serves, as it serves them (its faults and scripts aside).
   *
   * @param hierarchy a running hierarchy
   * @return its zones, ready to write
   */
  public static ZoneExport of(TestHierarchy hierarchy) {
    Map<Name, String> zoneFiles = new LinkedHashMap<>();
    for (ServedZone zone : hierarchy.zones()) {
      StringBuilder text = new StringBuilder("; zone ").append(zone.origin()).append('\n');
      for (Record record : zone.records()) {
        text.append(record).append('\n');
      }
      zoneFiles.put(zone.origin(), text.toString());
    }
    Map<InetAddress, List<Name>> servers = new LinkedHashMap<>();
    hierarchy.servers().forEach(server -> servers.put(server.address(), server.zones()));
    String anchor = hierarchy.signed(Name.root) ? hierarchy.trustAnchor() + "\n" : "";
    return new ZoneExport(zoneFiles, servers, anchor);
  }

  /**
   * The file name {@link #writeTo} gives the zone with {@code origin}: {@code root.zone} for the
   * root, else the origin without its final dot, e.g. {@code example.test.zone}. Octets other than
   * letters, digits, {@code -} and {@code _} within a label become {@code %XX}, so every origin has
   * its own name and none leaves the directory.
   *
   * @param origin a zone's origin
   * @return the zone's file name
   */
  public static String fileName(Name origin) {
    if (origin.equals(Name.root)) {
      return "root.zone";
    }
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < origin.labels() - 1; i++) {
      if (i > 0) {
        name.append('.');
      }
      byte[] label = origin.getLabel(i); // its length first, then its octets
      for (int j = 1; j < label.length; j++) {
        name.append(fileNameChars(label[j]));
      }
    }
    return name.append(".zone").toString();
  }

  private static String fileNameChars(byte octet) {
    boolean plain = octet >= 'a' && octet <= 'z' || octet >= 'A' && octet <= 'Z'
        || octet >= '0' && octet <= '9' || octet == '-' || octet == '_';
    return plain ? String.valueOf((char) octet) : String.format("%%%02X", octet & 0xff);
  }

  /**
   * Writes every zone to {@code dir} (which must exist) under its {@link #fileName}, and the trust
   * anchor, if any, to {@value #TRUST_ANCHOR_FILE}.
   *
   * @param dir an existing directory
   * @throws IOException if a file cannot be written
   */
  public void writeTo(Path dir) throws IOException {
    for (Map.Entry<Name, String> zone : zoneFiles.entrySet()) {
      Files.writeString(dir.resolve(fileName(zone.getKey())), zone.getValue(), StandardCharsets.UTF_8);
    }
    if (!trustAnchor.isEmpty()) {
      Files.writeString(dir.resolve(TRUST_ANCHOR_FILE), trustAnchor, StandardCharsets.UTF_8);
    }
  }
}
