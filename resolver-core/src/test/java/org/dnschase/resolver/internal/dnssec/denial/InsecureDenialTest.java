package org.dnschase.resolver.internal.dnssec.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.ZONE;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.name;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.proof;

import java.util.List;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.internal.dnssec.denial.Denial.InsecureReason;
import org.dnschase.resolver.testkit.Signing;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Type;

/** Signed denial records that leave an answer insecure, not bogus (RFC 5155 §9.2, RFC 9276 §3.2). */
class InsecureDenialTest {
  private final Denials denials = new Denials(Defaults.MAX_NSEC3_ITERATIONS);

  private static void assertInsecure(Denial denial, InsecureReason reason) {
    assertThat(denial).isInstanceOfSatisfying(Denial.Insecure.class,
        insecure -> assertThat(insecure.reason()).isEqualTo(reason));
    assertThat(denial.security()).isEqualTo(Security.INSECURE);
  }

  /* ---- opt-out ---- */

  @Test
  @DisplayName("RFC 5155 §8.9, §9.2: an unsigned delegation inside an opt-out span is insecure")
  void optOut_referralToUnsignedChild_isInsecure() {
    try (SignedReplies zones = optOutZones()) {
      assertInsecure(denials.noDs(name("insecure.example.test."), proof(zones.ask("www.insecure.example.test.", Type.A))),
          InsecureReason.OPT_OUT);
    }
  }

  @Test
  @DisplayName("RFC 5155 §8.6: DS at a delegation left out of an opt-out chain is insecure NODATA")
  void optOut_dsQueryAtUnsignedChild_isInsecure() {
    try (SignedReplies zones = optOutZones()) {
      assertInsecure(denials.noData(name("insecure.example.test."), Type.DS,
          proof(zones.ask("insecure.example.test.", Type.DS))), InsecureReason.OPT_OUT);
    }
  }

  @Test
  @DisplayName("RFC 5155 §9.2: a name error whose next closer name an opt-out NSEC3 covers sets no AD bit")
  void optOut_nameError_isInsecure() {
    try (SignedReplies zones = optOutZones()) {
      assertInsecure(denials.nxDomain(name("a.nope.example.test."), proof(zones.ask("a.nope.example.test.", Type.A))),
          InsecureReason.OPT_OUT);
    }
  }

  @Test
  @DisplayName("RFC 5155 §8.7, §9.2: a wildcard NODATA whose next closer name an opt-out NSEC3 covers sets no AD bit")
  void optOut_wildcardNoData_isInsecure() {
    try (SignedReplies zones = optOutZones()) {
      assertInsecure(denials.noData(name("x.wild.example.test."), Type.AAAA,
          proof(zones.ask("x.wild.example.test.", Type.AAAA))), InsecureReason.OPT_OUT);
    }
  }

  @Test
  @DisplayName("RFC 5155 §8.5: in an opt-out zone a signed name's NODATA still has its matching NSEC3")
  void optOut_noDataAtSignedName_isProven() {
    try (SignedReplies zones = optOutZones()) {
      assertThat(denials.noData(name("www.example.test."), Type.AAAA, proof(zones.ask("www.example.test.", Type.AAAA))))
          .isEqualTo(new Denial.NoData(name("www.example.test."), Type.AAAA, null));
    }
  }

  /* ---- iterations (RFC 9276, CVE-2023-50868) ---- */

  @Test
  @DisplayName("RFC 9276 §3.2: a chain hashed more often than the limit makes the answer insecure, not bogus")
  void iterationsAboveLimit_areInsecure() {
    int above = Defaults.MAX_NSEC3_ITERATIONS + 1;
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)
        .withNsec3(above, "-", false))) {
      assertInsecure(denials.nxDomain(name("a.nope.example.test."), proof(zones.ask("a.nope.example.test.", Type.A))),
          InsecureReason.ITERATIONS_ABOVE_LIMIT);
    }
  }

  @Test
  @DisplayName("RFC 9276 §3.2: a chain at the limit is still checked")
  void iterationsAtLimit_areChecked() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)
        .withNsec3(3, "-", false))) {
      assertThat(new Denials(3).nxDomain(name("a.nope.example.test."), proof(zones.ask("a.nope.example.test.", Type.A))))
          .isInstanceOf(Denial.NxDomain.class);
      assertInsecure(new Denials(2).nxDomain(name("a.nope.example.test."),
          proof(zones.ask("a.nope.example.test.", Type.A))), InsecureReason.ITERATIONS_ABOVE_LIMIT);
    }
  }

  /* ---- hash algorithms ---- */

  @Test
  @DisplayName("RFC 5155 §8.1: NSEC3 records of an unknown hash algorithm are ignored; with nothing else, insecure")
  void unknownHashAlgorithm_isInsecure() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)
        .withNsec3(0, "-", false))) {
      DenialRecords real = proof(zones.ask("a.nope.example.test.", Type.A));
      List<NSEC3Record> unknown = real.nsec3().stream()
          .map(n -> SignedReplies.altered(n, n.getName(), 2, n.getFlags())).toList();

      assertInsecure(denials.nxDomain(name("a.nope.example.test."), new DenialRecords(ZONE, List.of(), unknown, 0)),
          InsecureReason.UNSUPPORTED_HASH_ALGORITHM);
    }
  }

  private static SignedReplies optOutZones() {
    return SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256).withNsec3(0, "-", true));
  }
}
