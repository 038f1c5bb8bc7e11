package org.dnschase.resolver.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Signs the zones of a hierarchy that have a {@link Signing}: keys for each first, then each zone
 * with the DS records of its signed children added at their cuts (RFC 4035 §2.4), so the chain of
 * trust runs from the root's KSK down. A child whose parent is not signed is an island of
 * security, reachable from its own KSK only.
 */
final class HierarchySigner {
  /** The zones, signed where asked, in the order given, and the keys of each signed one. */
  record Signed(List<ServedZone> zones, Map<Name, ZoneKeys> keys) {}

  private HierarchySigner() {}

  static Signed sign(List<ServedZone> zones, Map<Name, Signing> signings, Instant buildTime) {
    Map<Name, ZoneKeys> keys = new LinkedHashMap<>();
    for (ServedZone zone : zones) {
      Signing signing = signings.get(zone.origin());
      if (signing != null) {
        keys.put(zone.origin(), ZoneKeys.generate(zone.origin(), zone.rrset(zone.origin(), Type.SOA).getTTL(), signing));
      }
    }
    Map<Name, ZoneKeys> published = new LinkedHashMap<>(keys);
    keys.forEach((origin, zoneKeys) -> {
      if (signings.get(origin).breaks(Breakage.DsMatchingNoKey.class)) {
        // keys of the same kind that the zone never sees: its parent's DS matches none of its own
        published.put(origin, ZoneKeys.generate(origin, zoneKeys.ksk().getTTL(), signings.get(origin)));
      }
    });
    List<ServedZone> signed = new ArrayList<>();
    for (ServedZone zone : zones) {
      Signing signing = signings.get(zone.origin());
      if (signing == null) {
        signed.add(zone);
        continue;
      }
      List<Record> records = withChildDs(zone, zones, published, signings);
      ZoneSigner signer = new ZoneSigner(zone.origin(), keys.get(zone.origin()), signing, buildTime);
      signed.add(ServedZone.of(zone.origin(), signer.sign(records),
          !signing.breaks(Breakage.StrippedProofs.class), !signing.breaks(Breakage.StrippedSoa.class)));
    }
    return new Signed(List.copyOf(signed), Map.copyOf(keys));
  }

  /** The zone's records and, at each cut to a signed child, the DS set of the child's KSK. */
  private static List<Record> withChildDs(ServedZone zone, List<ServedZone> zones, Map<Name, ZoneKeys> keys,
      Map<Name, Signing> signings) {
    List<Record> records = new ArrayList<>(zone.records());
    for (Map.Entry<Name, ZoneKeys> child : keys.entrySet()) {
      RRset cut = zone.rrset(child.getKey(), Type.NS);
      boolean ours = !child.getKey().equals(zone.origin()) && cut != null
          && parentOf(child.getKey(), zones) == zone;
      if (ours && zone.rrset(child.getKey(), Type.DS) == null) {
        records.addAll(childDs(child.getValue(), cut.getTTL(), signings.get(child.getKey())));
      }
    }
    return records;
  }

  /**
   * The DS set a parent publishes for a signed child: the SHA-256 digest of its KSK, or for a
   * {@link Breakage.DigestDowngrade} a matching SHA-1 digest beside a SHA-256 one that does not match.
   */
  private static List<DSRecord> childDs(ZoneKeys keys, long ttl, Signing signing) {
    DSRecord ds = keys.ds(ttl);
    if (!signing.breaks(Breakage.DigestDowngrade.class)) {
      return List.of(ds);
    }
    byte[] wrong = ds.getDigest().clone();
    wrong[wrong.length - 1] ^= 1;
    return List.of(
        new DSRecord(ds.getName(), DClass.IN, ttl, ds.getFootprint(), ds.getAlgorithm(), DSRecord.SHA256_DIGEST_ID,
            wrong),
        new DSRecord(ds.getName(), DClass.IN, ttl, DSRecord.SHA1_DIGEST_ID, keys.ksk()));
  }

  /** The deepest zone strictly above {@code origin}, or null. */
  static ServedZone parentOf(Name origin, List<ServedZone> zones) {
    ServedZone parent = null;
    for (ServedZone zone : zones) {
      if (!zone.origin().equals(origin) && zone.encloses(origin)
          && (parent == null || zone.origin().labels() > parent.origin().labels())) {
        parent = zone;
      }
    }
    return parent;
  }
}
