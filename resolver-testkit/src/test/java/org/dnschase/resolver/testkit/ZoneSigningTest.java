package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.testkit.SignedLab.name;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** What signing writes into the zones: keys, signatures, DS in the parent, the NSEC chain. */
class ZoneSigningTest {

  private static TestHierarchy signed(Signing signing) {
    return TestHierarchy.builder().zones(SignedLab.TREE).signed(signing).unsigned("insecure.test.").build();
  }

  private static ServedZone zone(TestHierarchy dns, String origin) {
    return dns.zones().stream().filter(z -> z.origin().equals(name(origin))).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "algorithm {0}")
  @ValueSource(ints = {DNSSEC.Algorithm.RSASHA256, DNSSEC.Algorithm.ECDSAP256SHA256, DNSSEC.Algorithm.ED25519})
  @DisplayName("RFC 4035 §2.2: every authoritative RRset has an RRSIG that verifies with the zone's keys")
  void everyAuthoritativeRRset_isSignedAndVerifies(int algorithm) throws Exception {
    try (TestHierarchy dns = signed(Signing.with(algorithm))) {
      for (String origin : List.of(".", "test.", "example.test.", "sub.example.test.")) {
        ZoneServedCheck check = new ZoneServedCheck(zone(dns, origin), dns.keys(name(origin)));
        assertThat(check.unsignedAuthoritative()).as(origin).isEmpty();
        assertThat(check.verifyAll(Instant.now())).as(origin).isGreaterThan(5);
      }
    }
  }

  @Test
  @DisplayName("RFC 4035 §2.2: NS at a cut and glue below it carry no RRSIG")
  void delegationAndGlue_areNotSigned() {
    try (TestHierarchy dns = signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))) {
      ServedZone tld = zone(dns, "test.");
      assertThat(tld.rrset(name("example.test."), Type.NS).sigs()).isEmpty();
      assertThat(tld.rrset(name("ns1.example.test."), Type.A).sigs()).isEmpty();
      assertThat(tld.rrset(name("example.test."), Type.DS).sigs()).hasSize(1);
    }
  }

  @Test
  @DisplayName("RFC 4034 §5.1.4: the DS in the parent is the digest of the child's KSK")
  void dsInParent_matchesChildKsk() {
    try (TestHierarchy dns = signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))) {
      DSRecord published = (DSRecord) zone(dns, "test.").rrset(name("example.test."), Type.DS).first();
      DNSKEYRecord ksk = (DNSKEYRecord) zone(dns, "example.test.")
          .rrset(name("example.test."), Type.DNSKEY).rrs(false).stream()
          .filter(key -> ((DNSKEYRecord) key).getFlags() == 257).findFirst().orElseThrow();
      DSRecord expected = new DSRecord(ksk.getName(), ksk.getDClass(), 0, DSRecord.SHA256_DIGEST_ID, ksk);

      assertThat(published.getFootprint()).isEqualTo(ksk.getFootprint());
      assertThat(published.getDigest()).isEqualTo(expected.getDigest());
      assertThat(zone(dns, "test.").rrset(name("insecure.test."), Type.DS)).isNull();
      assertThat(dns.trustAnchor().getDigest())
          .isEqualTo(zone(dns, ".").rrset(Name.root, Type.DNSKEY).rrs(false).stream()
              .map(k -> new DSRecord(Name.root, k.getDClass(), 0, DSRecord.SHA256_DIGEST_ID, (DNSKEYRecord) k))
              .filter(ds -> ds.getFootprint() == dns.trustAnchor().getFootprint())
              .findFirst().orElseThrow().getDigest());
    }
  }

  @Test
  @DisplayName("RFC 4034 §2.1.1: a combined key has flags 257 and signs every RRset alone")
  void combinedKey_isOneSepKeySigningAll() throws Exception {
    try (TestHierarchy dns = signed(Signing.with(DNSSEC.Algorithm.ED25519).withCombinedKey())) {
      ZoneKeys keys = dns.keys(name("example.test."));
      assertThat(keys.dnskeys()).hasSize(1);
      assertThat(keys.ksk().getFlags()).isEqualTo(257);
      ServedZone example = zone(dns, "example.test.");
      assertThat(example.rrset(name("example.test."), Type.DNSKEY).size()).isEqualTo(1);
      assertThat(new ZoneServedCheck(example, keys).verifyAll(Instant.now())).isGreaterThan(5);
    }
  }

  @Test
  @DisplayName("RFC 4035 §2.3: the NSEC chain visits every owner in canonical order and closes at the apex")
  void nsecChain_coversEveryOwnerAndCloses() {
    try (TestHierarchy dns = signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))) {
      ServedZone example = zone(dns, "example.test.");
      List<Name> visited = new ArrayList<>();
      Name at = name("example.test.");
      do {
        visited.add(at);
        NSECRecord nsec = (NSECRecord) example.rrset(at, Type.NSEC).first();
        assertThat(nsec.getNext().compareTo(at) > 0 || nsec.getNext().equals(name("example.test.")))
            .as("%s points forward", nsec).isTrue();
        at = nsec.getNext();
      } while (!at.equals(name("example.test.")) && visited.size() < 100);

      assertThat(visited).containsExactly(name("example.test."), name("alias.example.test."),
          name("a.b.ent.example.test."), name("www.new.example.test."), name("ns1.example.test."),
          name("old.example.test."), name("sub.example.test."), name("*.wild.example.test."),
          name("www.example.test."));
      NSECRecord atCut = (NSECRecord) example.rrset(name("sub.example.test."), Type.NSEC).first();
      assertThat(atCut.getTypes()).containsExactly(Type.NS, Type.DS, Type.RRSIG, Type.NSEC);
      NSECRecord apex = (NSECRecord) example.rrset(name("example.test."), Type.NSEC).first();
      assertThat(apex.hasType(Type.DNSKEY)).isTrue();
    }
  }

  /** Every RRset of a served zone, checked against the zone's keys. */
  private record ZoneServedCheck(ServedZone zone, ZoneKeys keys) {
    List<RRset> sets() {
      return Signatures.rrsets(zone.records());
    }

    /** Authoritative RRsets (not NS at a cut, not glue) without a signature. */
    List<String> unsignedAuthoritative() {
      ZoneNames names = ZoneNames.of(zone.origin(), zone.records());
      return sets().stream().filter(set -> names.signs(set) && set.sigs().isEmpty())
          .map(RRset::toString).toList();
    }

    int verifyAll(Instant now) throws DNSSEC.DNSSECException {
      int verified = 0;
      for (RRset set : sets()) {
        verified += Signatures.verify(set, List.copyOf(keys.dnskeys()), now);
      }
      return verified;
    }
  }

}
