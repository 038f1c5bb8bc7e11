package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Type;

/**
 * RFC 4035 §5.4 and RFC 5155 §8: negative answers, wildcard expansions and unsigned delegations
 * are SECURE, INSECURE or BOGUS by their NSEC or NSEC3 proofs, whose signatures are checked first.
 */
class DenialTest {

  static Stream<Arguments> chains() {
    return Stream.of(
        Arguments.of("NSEC", SignedLab.SIGNING),
        Arguments.of("NSEC3", SignedLab.SIGNING.withNsec3(0, "-", false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 4035 §5.4, RFC 5155 §8: NXDOMAIN, NODATA and a wildcard answer proven by their records are SECURE")
  void provenAnswers_areSecure(String chain, Signing signing) {
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution nxDomain = resolver.resolve("nope.alpha.lab.", Type.A);
      Resolution noData = resolver.resolve("www.alpha.lab.", Type.TXT);
      Resolution wildcard = resolver.resolve("any.wild.alpha.lab.", Type.A);

      assertThat(nxDomain).isInstanceOf(Resolution.NxDomain.class);
      assertThat(nxDomain.security()).isEqualTo(Security.SECURE);
      assertThat(noData).isInstanceOf(Resolution.NoData.class);
      assertThat(noData.security()).isEqualTo(Security.SECURE);
      assertThat(wildcard).isInstanceOf(Resolution.Answer.class);
      assertThat(wildcard.security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("a proven NXDOMAIN is cached SECURE: it answers the name's other types SECURE with no query")
  void cachedNxDomain_staysSecure() {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      resolver.resolve("nope.alpha.lab.", Type.A);
      lab.clearQueries();

      Resolution other = resolver.resolve("nope.alpha.lab.", Type.MX);

      assertThat(other).isInstanceOf(Resolution.NxDomain.class);
      assertThat(other.security()).isEqualTo(Security.SECURE);
      assertThat(lab.queryCount()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 4035 §5.2: a chain that leaves a signed zone for one its parent proves unsigned ends INSECURE")
  void chainIntoUnsignedZone_isInsecure(String chain, Signing signing) {
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder.unsigned("plain.test."));
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("out.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(resolution.chain()).hasSize(1);
      assertThat(resolution.security()).isEqualTo(Security.INSECURE);
      assertThat(resolver.resolve("www.alpha.lab.", Type.A).security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("RFC 4035 §5.4: a signed zone's NXDOMAIN without its proof is BOGUS, missing proof")
  void nxDomainWithoutProof_isBogus() {
    try (TestHierarchy lab = SignedLab.start(SignedLab.SIGNING, builder -> builder.signed("alpha.lab.",
            SignedLab.SIGNING.withBreakage(new Breakage.StrippedProofs())));
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("nope.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.DNSSEC_BOGUS);
        assertThat(failure.bogusReason()).isEqualTo(BogusReason.MISSING_PROOF);
      });
    }
  }

  @Test
  @DisplayName("RFC 5155 §9.2: a name under an NSEC3 opt-out span is INSECURE, neither SECURE nor BOGUS")
  void optOutDelegation_isInsecure() {
    try (TestHierarchy lab = SignedLab.start(SignedLab.SIGNING.withNsec3(0, "-", true),
            builder -> builder.unsigned("plain.test."));
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("www.plain.test.", Type.A);

      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(resolution.security()).isEqualTo(Security.INSECURE);
    }
  }
}
