package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Type;

/**
 * RFC 4035 §5.4: a signed zone's negative answer is proven by its NSEC or NSEC3 records, which
 * speak for the zone without its SOA (RFC 2308 §3 asks for one, but it proves nothing itself); one
 * with neither proves nothing and is BOGUS.
 */
class NegativeWithoutSoaTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.dnschase.resolver.dnssec.DenialTest#chains")
  @DisplayName("RFC 4035 §5.4: NODATA and NXDOMAIN proven by their records but sent without SOA are SECURE")
  void provenWithoutSoa_isSecure(String chain, Signing signing) {
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder.signed("alpha.lab.",
            signing.withBreakage(new Breakage.StrippedSoa())));
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution noData = resolver.resolve("www.alpha.lab.", Type.TXT);
      Resolution nxDomain = resolver.resolve("nope.alpha.lab.", Type.A);

      assertThat(noData).isInstanceOf(Resolution.NoData.class);
      assertThat(noData.security()).isEqualTo(Security.SECURE);
      assertThat(nxDomain).isInstanceOf(Resolution.NxDomain.class);
      assertThat(nxDomain.security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("RFC 4035 §5.4: a signed zone's NODATA with neither SOA nor NSEC is BOGUS, missing proof")
  void noDataWithNeitherSoaNorNsec_isBogus() {
    try (TestHierarchy lab = SignedLab.start(SignedLab.SIGNING, builder -> builder.signed("alpha.lab.",
            SignedLab.SIGNING.withBreakage(new Breakage.StrippedSoa()).withBreakage(new Breakage.StrippedProofs())));
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("www.alpha.lab.", Type.TXT);

      assertThat(resolution).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.DNSSEC_BOGUS);
        assertThat(failure.bogusReason()).isEqualTo(BogusReason.MISSING_PROOF);
      });
    }
  }
}
