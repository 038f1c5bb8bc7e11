package org.dnschase.resolver;

import org.dnschase.resolver.testkit.ZoneSpec;
import org.dnschase.resolver.testkit.ZoneTree;

/**
 * Where the small end-to-end labs start: a root on 127.53.0.1 ({@code a.root.lab.}) and the TLD
 * {@code test.} on ns1.test. (127.53.2.1), to which each lab adds its own zones. Zones declared
 * after these are leaves: a TTL of an hour, negative answers for five minutes.
 */
final class LabZones {

  private LabZones() {}

  /** The root and {@code test.}, holding {@code testRecords} (names relative to test.) beside its delegations. */
  static ZoneTree.Builder rootAndTest(String testRecords) {
    return ZoneTree.builder()
        .root("a.root.lab.", "127.53.0.1")
        .zone("test.", "ns1", "127.53.2.1", testRecords)
        .defaults(LabZones::leaf);
  }

  /** The root and {@code test.} with nothing but its delegations. */
  static ZoneTree.Builder rootAndTest() {
    return rootAndTest("");
  }

  /** What every leaf zone of the labs has: TTL 3600, SOA MINIMUM 300. */
  static void leaf(ZoneSpec zone) {
    zone.ttl(3600).negativeTtl(300);
  }
}
