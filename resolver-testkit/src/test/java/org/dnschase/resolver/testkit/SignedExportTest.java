package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.testkit.SignedLab.name;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;

/** Signed zones written out for a server of pre-signed zones (NSD) hold what the testkit serves. */
class SignedExportTest {

  @Test
  @DisplayName("RFC 4035 §2: the exported files, read back, are the signed zones and their RRSIGs verify")
  void signedZoneFiles_readBackAndVerify(@TempDir Path dir) throws Exception {
    try (TestHierarchy dns = TestHierarchy.builder().zones(SignedLab.TREE)
        .signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))
        .signed("example.test.", Signing.with(DNSSEC.Algorithm.RSASHA256).withNsec3(1, "ab", true))
        .unsigned("insecure.test.").build()) {
      ZoneExport export = ZoneExport.of(dns);
      export.writeTo(dir);

      for (ServedZone zone : dns.zones()) {
        String text = Files.readString(dir.resolve(ZoneExport.fileName(zone.origin())));
        List<Record> read = ServedZone.readAll(text, null);
        assertThat(read).as("zone %s", zone.origin()).containsExactlyInAnyOrderElementsOf(zone.records());
        if (dns.signed(zone.origin())) {
          for (RRset set : Signatures.rrsets(read)) {
            Signatures.verify(set, dns.keys(zone.origin()).dnskeys(), Instant.now());
          }
        }
      }
      String example = export.zoneFiles().get(name("example.test."));
      assertThat(example).containsPattern("NSEC3PARAM\\s+1 0 1 AB").containsPattern("NSEC3\\s+1 1 1 AB");
      assertThat(export.zoneFiles().get(name("test."))).containsPattern("example\\.test\\.\\s+\\d+\\s+IN\\s+DS");
    }
  }

  @Test
  @DisplayName("RFC 7958: the trust anchor file holds the root KSK's DS, which reads back as the anchor")
  void trustAnchorFile_holdsRootDs(@TempDir Path dir) throws Exception {
    try (TestHierarchy dns = TestHierarchy.builder().zones(SignedLab.TREE)
        .signed(Signing.with(DNSSEC.Algorithm.ED25519)).build()) {
      ZoneExport.of(dns).writeTo(dir);

      List<Record> anchor = ServedZone.readAll(Files.readString(dir.resolve(ZoneExport.TRUST_ANCHOR_FILE)), null);
      assertThat(anchor).singleElement().isEqualTo(dns.trustAnchor());
      assertThat(((DSRecord) anchor.get(0)).getFootprint()).isEqualTo(dns.keys(Name.root).ksk().getFootprint());
    }
  }

  @Test
  @DisplayName("an unsigned hierarchy exports no trust anchor and no DNSSEC records")
  void unsignedHierarchy_hasNoAnchor(@TempDir Path dir) throws Exception {
    try (TestHierarchy dns = TestHierarchy.builder().zones(SignedLab.TREE).build()) {
      ZoneExport export = ZoneExport.of(dns);
      export.writeTo(dir);

      assertThat(export.trustAnchor()).isEmpty();
      assertThat(dir.resolve(ZoneExport.TRUST_ANCHOR_FILE)).doesNotExist();
      assertThat(String.join("", export.zoneFiles().values())).doesNotContain("RRSIG", "DNSKEY", "NSEC");
      assertThat(dns.signed(Name.root)).isFalse();
    }
  }
}
