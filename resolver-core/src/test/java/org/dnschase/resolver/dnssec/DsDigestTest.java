package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** RFC 4509 §3: the digest of a DS set that a validator trusts. */
class DsDigestTest {

  @Test
  @DisplayName("RFC 4509 §3: a SHA-1 DS is ignored beside a SHA-256 one, so a SHA-256 digest that matches no key "
      + "makes the zone BOGUS though the SHA-1 digest matches")
  void sha1DigestBesideWrongSha256_isBogus() {
    try (TestHierarchy lab = SignedLab.start(SignedLab.SIGNING, builder -> builder
            .signed("alpha.lab.", SignedLab.SIGNING.withBreakage(new Breakage.DigestDowngrade())));
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("www.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.DNSSEC_BOGUS);
        assertThat(failure.bogusReason()).isEqualTo(BogusReason.DS_MATCHES_NO_KEY);
      });
    }
  }
}
