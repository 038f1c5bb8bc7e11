package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

class ZoneExportTest {
  private static final Name TEST = Name.fromConstantString("test.");
  private static final Name SHARED = Name.fromConstantString("shared.test.");
  private static final Name EXAMPLE = Name.fromConstantString("example.test.");

  /* ---- zone files ---- */

  @Test
  @DisplayName("RFC 1035 §5: each exported master file holds exactly the records of the zone given")
  void zoneFiles_holdTheRecordsGiven() throws Exception {
    Map<Name, String> given = Map.of(Name.root, StandardHierarchy.ROOT, TEST, StandardHierarchy.TEST,
        SHARED, StandardHierarchy.SHARED, EXAMPLE, StandardHierarchy.EXAMPLE);
    try (TestHierarchy dns = StandardHierarchy.start()) {
      ZoneExport export = ZoneExport.of(dns);
      assertThat(export.zoneFiles().keySet()).containsExactly(Name.root, TEST, SHARED, EXAMPLE);
      for (Map.Entry<Name, String> zone : given.entrySet()) {
        String exported = export.zoneFiles().get(zone.getKey());
        assertThat(records(exported, null)).as("zone %s", zone.getKey())
            .isEqualTo(records(zone.getValue(), zone.getKey()));
      }
    }
  }

  @Test
  @DisplayName("RFC 1034 §4.2.1: delegations and their glue stay in the parent zone")
  void parentZones_keepDelegationsAndGlue() throws Exception {
    try (TestHierarchy dns = StandardHierarchy.start()) {
      ZoneExport export = ZoneExport.of(dns);
      assertThat(records(export.zoneFiles().get(Name.root), null))
          .contains("test. 86400 IN NS ns.nic.test.", "ns.nic.test. 86400 IN A 127.53.0.2");
      assertThat(records(export.zoneFiles().get(TEST), null))
          .contains("example.test. 3600 IN NS ns1.example.test.", "ns1.example.test. 3600 IN A 127.53.0.3",
              "shared.test. 3600 IN NS ns.nic.test.");
    }
  }

  @Test
  @DisplayName("An exported zone starts with its SOA and keeps the CNAME rule breaks it was given")
  void zoneFiles_startWithTheSoaAndCheckAsGiven() {
    try (TestHierarchy dns = StandardHierarchy.start()) {
      String example = ZoneExport.of(dns).zoneFiles().get(EXAMPLE);
      assertThat(example.lines().filter(line -> !line.startsWith(";")).findFirst().orElseThrow())
          .startsWith("example.test.").contains("SOA");
      assertThat(ZoneCheck.check(example)).extracting(ZoneViolation::kind, ZoneViolation::name)
          .containsExactlyInAnyOrderElementsOf(ZoneCheck.check(StandardHierarchy.EXAMPLE).stream()
              .map(v -> tuple(v.kind(), v.name())).toList());
    }
  }

  /* ---- servers and files ---- */

  @Test
  @DisplayName("Each server address lists the zones it serves, a parent and a child on one included")
  void servers_listTheirZones() {
    try (TestHierarchy dns = StandardHierarchy.start()) {
      assertThat(ZoneExport.of(dns).servers()).containsExactly(
          Map.entry(StandardHierarchy.ROOT_SERVER, List.of(Name.root)),
          Map.entry(StandardHierarchy.TLD_SERVER, List.of(TEST, SHARED)),
          Map.entry(StandardHierarchy.EXAMPLE_SERVER, List.of(EXAMPLE)));
    }
  }

  @Test
  @DisplayName("The written files, served again by the testkit, export to the same text")
  void writtenFiles_roundTrip(@TempDir Path dir) throws Exception {
    ZoneExport export;
    try (TestHierarchy dns = StandardHierarchy.start()) {
      export = ZoneExport.of(dns);
    }
    export.writeTo(dir);
    TestHierarchy.Builder again = TestHierarchy.builder();
    for (String file : List.of("root.zone", "test.zone", "shared.test.zone", "example.test.zone")) {
      again.zone(Files.readString(dir.resolve(file)));
    }
    try (TestHierarchy dns = again.build()) {
      assertThat(ZoneExport.of(dns)).isEqualTo(export);
    }
  }

  @Test
  @DisplayName("File names: root.zone for the root, odd octets escaped so none leaves the directory")
  void fileName_isSafe() {
    assertThat(ZoneExport.fileName(Name.root)).isEqualTo("root.zone");
    assertThat(ZoneExport.fileName(EXAMPLE)).isEqualTo("example.test.zone");
    assertThat(ZoneExport.fileName(Name.fromConstantString("a/b.\\..test."))).isEqualTo("a%2Fb.%2E.test.zone");
  }

  /** The records of a zone text as presentation lines with single spaces, TTLs included. */
  private static Set<String> records(String text, Name origin) throws IOException {
    Set<String> lines = new TreeSet<>();
    for (Record record : ServedZone.readAll(text, origin)) {
      lines.add(record.toString().replaceAll("\\s+", " "));
    }
    return lines;
  }
}
