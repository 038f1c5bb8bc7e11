package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Type;

/**
 * RFC 8624 §3.1: a validator MUST NOT validate DSA (algorithm 3), so a chain signed with it is
 * INSECURE, never BOGUS; {@link Validation.LegacyAlgorithm#DSA} validates it, as validators built
 * with DSA do, and then a broken DSA signature is BOGUS.
 */
class LegacyDsaTest {

  private static final Signing DSA = Signing.with(DNSSEC.Algorithm.DSA);

  @Lab("signedWithDsa") private static TestHierarchy lab;
  @Lab("expiredSignature") private static TestHierarchy broken;

  /** The lab signed with DSA. */
  static TestHierarchy signedWithDsa() {
    return SignedLab.start(DSA, builder -> builder);
  }

  /** The lab signed with DSA, www.alpha.lab.'s signature expired. */
  static TestHierarchy expiredSignature() {
    return SignedLab.start(DSA.withBreakage(Breakage.expiredSignature("www.alpha.lab.", Type.A)), builder -> builder);
  }

  private static Resolver resolver(TestHierarchy hierarchy, Set<Validation.LegacyAlgorithm> legacy) {
    return Resolver.builder()
        .rootHints(RootHints.of(hierarchy.rootHints()))
        .upstreamPort(hierarchy.port())
        .loopbackOnly()
        .validation(Validation.trustAnchors(hierarchy.trustAnchor().toString()).withLegacyAlgorithms(legacy))
        .build();
  }

  @Test
  @DisplayName("RFC 8624 §3.1: by default a chain signed with DSA is INSECURE, not validated")
  void dsaChain_isInsecureByDefault() {
    try (Resolver resolver = resolver(lab, Set.of())) {
      Resolution resolution = resolver.resolve("start.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(resolution.security()).isEqualTo(Security.INSECURE);
    }
  }

  @Test
  @DisplayName("with legacy DSA, a chain signed with DSA across four zones validates SECURE")
  void dsaChain_isSecureWithLegacyDsa() {
    try (Resolver resolver = resolver(lab, Set.of(Validation.LegacyAlgorithm.DSA))) {
      Resolution resolution = resolver.resolve("start.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(resolution.security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("with legacy DSA, an expired DSA signature is BOGUS; without it, the same data is INSECURE")
  void expiredDsaSignature_isBogusOnlyWhenDsaIsValidated() {
    try (Resolver validating = resolver(broken, Set.of(Validation.LegacyAlgorithm.DSA));
        Resolver rfc8624 = resolver(broken, Set.of())) {
      Resolution checked = validating.resolve("www.alpha.lab.", Type.A);
      Resolution unchecked = rfc8624.resolve("www.alpha.lab.", Type.A);

      assertThat(checked).isInstanceOfSatisfying(Resolution.Failure.class,
          failure -> assertThat(failure.bogusReason()).isEqualTo(BogusReason.SIGNATURE_EXPIRED));
      assertThat(unchecked.security()).isEqualTo(Security.INSECURE);
    }
  }
}
