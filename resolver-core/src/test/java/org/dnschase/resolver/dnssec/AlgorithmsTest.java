package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Type;

/** RFC 8624 §3.1: the algorithms a validator must (8, 13) or should (15) check, each along a whole chain. */
class AlgorithmsTest {

  @ParameterizedTest(name = "algorithm {0}")
  @ValueSource(ints = {8, 13, 15})
  @DisplayName("RFC 8624 §3.1: a chain signed with RSA/SHA-256, ECDSA P-256 or Ed25519 validates SECURE")
  void chainSignedWithAlgorithm_isSecure(int algorithm) {
    try (TestHierarchy lab = SignedLab.start(Signing.with(algorithm).withCombinedKey(), builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("start.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(resolution.security()).isEqualTo(Security.SECURE);
    }
  }
}
