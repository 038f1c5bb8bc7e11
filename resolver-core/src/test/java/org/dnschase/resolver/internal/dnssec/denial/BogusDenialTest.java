package org.dnschase.resolver.internal.dnssec.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.ZONE;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.name;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.proof;

import java.util.List;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.internal.dnssec.denial.Denial.BogusReason;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.Signing;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Negative answers whose proof is missing or does not hold (RFC 4035 §5.4, RFC 5155 §8). */
class BogusDenialTest {
  private final Denials denials = new Denials(Defaults.MAX_NSEC3_ITERATIONS);

  private static BogusReason reason(Denial denial) {
    assertThat(denial).isInstanceOf(Denial.Bogus.class);
    return ((Denial.Bogus) denial).reason();
  }

  @Test
  @DisplayName("RFC 4035 §5.4: a signed zone's NXDOMAIN without its NSEC records is bogus")
  void strippedProof_isMissingProof() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)
        .withBreakage(new Breakage.StrippedProofs()))) {
      DenialRecords records = proof(zones.ask("nope.example.test.", Type.A));

      assertThat(records.nsec()).isEmpty();
      assertThat(reason(denials.nxDomain(name("nope.example.test."), records))).isEqualTo(BogusReason.MISSING_PROOF);
      assertThat(reason(denials.noDs(name("insecure.example.test."),
          proof(zones.ask("www.insecure.example.test.", Type.A))))).isEqualTo(BogusReason.MISSING_PROOF);
    }
  }

  @Test
  @DisplayName("RFC 4035 §5.3.1: records owned outside the signer's zone cannot speak for it")
  void recordsOutsideSignerZone_areWrongOwner() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))) {
      DenialRecords asIfFromChild = DenialRecords.of(name("sub.example.test."),
          zones.ask("nope.example.test.", Type.A).getSection(Section.AUTHORITY));

      assertThat(reason(denials.nxDomain(name("nope.sub.example.test."), asIfFromChild)))
          .isEqualTo(BogusReason.WRONG_OWNER);
    }
  }

  @Test
  @DisplayName("RFC 4035 §5.4: covering the name without denying the wildcard at its closest encloser is not enough")
  void nsecWithoutWildcardDenial_isBogus() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))) {
      DenialRecords full = proof(zones.ask("nope.example.test.", Type.A));
      List<NSECRecord> nameOnly = full.nsec().stream()
          .filter(nsec -> Nsecs.covers(nsec, name("nope.example.test."), ZONE)).toList();

      assertThat(full.nsec()).hasSize(2);
      assertThat(reason(denials.nxDomain(name("nope.example.test."), new DenialRecords(ZONE, nameOnly, List.of(), 0))))
          .isEqualTo(BogusReason.WILDCARD_NOT_DENIED);
    }
  }

  @Test
  @DisplayName("RFC 5155 §8.4: the closest encloser proof without the wildcard's cover is not enough")
  void nsec3WithoutWildcardDenial_isBogus() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)
        .withNsec3(0, "-", false))) {
      DenialRecords full = proof(zones.ask("a.nope.example.test.", Type.A));
      Nsec3Chain chain = Nsec3Chain.of(full);
      NSEC3Record wildcardCover = chain.covering(name("*.example.test."));
      List<NSEC3Record> rest = full.nsec3().stream().filter(n -> !n.equals(wildcardCover)).toList();

      assertThat(rest).hasSizeLessThan(full.nsec3().size());
      assertThat(reason(denials.nxDomain(name("a.nope.example.test."), new DenialRecords(ZONE, List.of(), rest, 0))))
          .isIn(BogusReason.WILDCARD_NOT_DENIED, BogusReason.NEXT_CLOSER_NOT_COVERED);
    }
  }

  @Test
  @DisplayName("RFC 5155 §8.2: NSEC3 records with undefined flags are ignored")
  void nsec3WithUnknownFlags_isIgnored() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)
        .withNsec3(0, "-", false))) {
      DenialRecords real = proof(zones.ask("www.example.test.", Type.AAAA));
      List<NSEC3Record> flagged = real.nsec3().stream()
          .map(n -> SignedReplies.altered(n, n.getName(), n.getHashAlgorithm(), 0x80)).toList();

      assertThat(denials.noData(name("www.example.test."), Type.AAAA, real)).isInstanceOf(Denial.NoData.class);
      assertThat(reason(denials.noData(name("www.example.test."), Type.AAAA, new DenialRecords(ZONE, List.of(), flagged, 0))))
          .isEqualTo(BogusReason.MISSING_PROOF);
    }
  }

  @Test
  @DisplayName("RFC 5155 §3: an NSEC3 owner two labels below the apex is no hash of the zone's chain")
  void nsec3OwnerNotHashBelowApex_isWrongOwner() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)
        .withNsec3(0, "-", false))) {
      DenialRecords real = proof(zones.ask("www.example.test.", Type.AAAA));
      List<NSEC3Record> deeper = real.nsec3().stream().map(n -> SignedReplies.altered(n,
          name(n.getName().getLabelString(0) + ".www.example.test."), n.getHashAlgorithm(), n.getFlags())).toList();

      assertThat(reason(denials.noData(name("www.example.test."), Type.AAAA, new DenialRecords(ZONE, List.of(), deeper, 0))))
          .isEqualTo(BogusReason.WRONG_OWNER);
    }
  }
}
