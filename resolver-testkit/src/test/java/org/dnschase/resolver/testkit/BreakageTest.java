package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.testkit.SignedLab.EXAMPLE_SERVER;
import static org.dnschase.resolver.testkit.SignedLab.ask;
import static org.dnschase.resolver.testkit.SignedLab.name;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Each deliberate fault breaks what it names, and only that. */
class BreakageTest {
  private static final Signing SOUND = Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256);

  private static TestHierarchy brokenExample(Breakage... faults) {
    return TestHierarchy.builder().zones(SignedLab.TREE).signed(SOUND).unsigned("insecure.test.")
        .signed("example.test.", SOUND.withBreakage(faults)).build();
  }

  private static ServedZone zone(TestHierarchy dns, String origin) {
    return dns.zones().stream().filter(z -> z.origin().equals(name(origin))).findFirst().orElseThrow();
  }

  private static void verify(TestHierarchy dns, String owner, int type) throws DNSSEC.DNSSECException {
    Signatures.verify(zone(dns, "example.test.").rrset(name(owner), type),
        dns.keys(name("example.test.")).dnskeys(), Instant.now());
  }

  @Test
  @DisplayName("RFC 4035 §5.3.1: an expired RRSIG fails as expired; the zone's other RRsets verify")
  void expiredSignature_failsAsExpired() throws Exception {
    try (TestHierarchy dns = brokenExample(Breakage.expiredSignature("www.example.test.", Type.A))) {
      assertThatThrownBy(() -> verify(dns, "www.example.test.", Type.A))
          .isInstanceOf(DNSSEC.SignatureExpiredException.class);
      verify(dns, "alias.example.test.", Type.CNAME);
      verify(dns, "example.test.", Type.DNSKEY);
    }
  }

  @Test
  @DisplayName("RFC 4035 §5.3.1: an RRSIG whose inception is ahead fails as not yet valid")
  void notYetValidSignature_failsAsNotYetValid() throws Exception {
    try (TestHierarchy dns = brokenExample(Breakage.notYetValidSignature("www.example.test.", Type.A))) {
      assertThatThrownBy(() -> verify(dns, "www.example.test.", Type.A))
          .isInstanceOf(DNSSEC.SignatureNotYetValidException.class);
      verify(dns, "alias.example.test.", Type.CNAME);
    }
  }

  @Test
  @DisplayName("RFC 4035 §3.1.1: a missing RRSIG: the answer comes with DO set but unsigned")
  void missingSignature_answerHasNoRrsig() throws Exception {
    try (TestHierarchy dns = brokenExample(Breakage.missingSignature("www.example.test.", Type.A))) {
      Message reply = ask(dns, EXAMPLE_SERVER, "www.example.test.", Type.A);
      Message other = ask(dns, EXAMPLE_SERVER, "alias.example.test.", Type.CNAME);

      assertThat(reply.getSection(Section.ANSWER)).extracting(Record::getType).containsOnly(Type.A);
      assertThat(other.getSection(Section.ANSWER)).extracting(Record::getType).contains(Type.RRSIG);
    }
  }

  @Test
  @DisplayName("RFC 4035 §5.2: a DS matching no key: no DNSKEY of the child has its tag or digest")
  void dsMatchingNoKey_matchesNoChildKey() {
    try (TestHierarchy dns = brokenExample(new Breakage.DsMatchingNoKey())) {
      DSRecord ds = (DSRecord) zone(dns, "test.").rrset(name("example.test."), Type.DS).first();
      List<DNSKEYRecord> keys = dns.keys(name("example.test.")).dnskeys();

      assertThat(keys).noneMatch(key -> Arrays.equals(ds.getDigest(),
          new DSRecord(key.getName(), key.getDClass(), 0, DSRecord.SHA256_DIGEST_ID, key).getDigest()));
      DSRecord sound = (DSRecord) zone(dns, ".").rrset(name("test."), Type.DS).first();
      assertThat(dns.keys(name("test.")).ksk().getFootprint()).isEqualTo(sound.getFootprint());
    }
  }

  @Test
  @DisplayName("RFC 4035 §3.1.3: stripped proofs: NXDOMAIN with a signed SOA and no NSEC; DS still served")
  void strippedProofs_negativeAnswerHasNoNsec() throws Exception {
    try (TestHierarchy dns = brokenExample(new Breakage.StrippedProofs())) {
      Message nx = ask(dns, EXAMPLE_SERVER, "nope.example.test.", Type.A);
      Message referral = ask(dns, EXAMPLE_SERVER, "www.sub.example.test.", Type.A);

      assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
      assertThat(nx.getSection(Section.AUTHORITY)).extracting(Record::getType)
          .containsExactlyInAnyOrder(Type.SOA, Type.RRSIG);
      assertThat(referral.getSection(Section.AUTHORITY)).extracting(Record::getType).contains(Type.DS);
      assertThat(zone(dns, "example.test.").rrset(name("www.example.test."), Type.NSEC)).isNotNull();
    }
  }

  @Test
  @DisplayName("KeyTrap (CVE-2023-50387): many DNSKEYs share the ZSK's tag; only the real one verifies")
  void collidingKeys_shareTagAndVerifyNothing() throws Exception {
    try (TestHierarchy dns = brokenExample(new Breakage.CollidingKeys(40))) {
      ZoneKeys keys = dns.keys(name("example.test."));
      RRset dnskeys = zone(dns, "example.test.").rrset(name("example.test."), Type.DNSKEY);
      RRset www = zone(dns, "example.test.").rrset(name("www.example.test."), Type.A);
      List<DNSKEYRecord> twins = dnskeys.rrs(false).stream().map(DNSKEYRecord.class::cast)
          .filter(key -> key.getFootprint() == keys.zsk().getFootprint() && !key.equals(keys.zsk())).toList();

      assertThat(dnskeys.size()).isEqualTo(42);
      assertThat(twins).hasSize(40);
      Signatures.verify(dnskeys, List.of(keys.ksk()), Instant.now());
      DNSSEC.verify(www, www.sigs().get(0), keys.zsk(), Instant.now());
      for (DNSKEYRecord twin : twins) {
        assertThatThrownBy(() -> DNSSEC.verify(www, www.sigs().get(0), twin, Instant.now()))
            .isInstanceOf(DNSSEC.DNSSECException.class);
      }
    }
  }
}
