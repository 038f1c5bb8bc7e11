package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * KeyTrap (CVE-2023-50387) end to end: a zone whose DNSKEY RRset holds many keys sharing its
 * signing key's tag. The work per signature is counted in {@code KeyTrapTest}; here the
 * resolution ends typed, within its deadline.
 */
class CollidingKeyTagsTest {

  private static Resolution resolveThrough(int collidingKeys) {
    try (TestHierarchy lab = SignedLab.start(SignedLab.SIGNING, builder -> builder.signed("alpha.lab.",
            SignedLab.SIGNING.withBreakage(new Breakage.CollidingKeys(collidingKeys))));
        Resolver resolver = SignedLab.validatingResolver(lab)
            .budgets(Budgets.DEFAULTS.withDeadline(Duration.ofSeconds(10))).build()) {
      return resolver.resolve("www.alpha.lab.", Type.A);
    }
  }

  @Test
  @DisplayName("CVE-2023-50387: 90 keys colliding with the signing key's tag cost a bounded check, and the answer is SECURE")
  void collidingKeyTags_areCheckedWithinTheLimits() {
    Resolution resolution = resolveThrough(90);

    assertThat(resolution).isInstanceOf(Resolution.Answer.class);
    assertThat(resolution.security()).isEqualTo(Security.SECURE);
  }

  @Test
  @DisplayName("CVE-2023-50387: a DNSKEY RRset of 500 colliding keys is refused as oversized: BOGUS, keys unavailable")
  void oversizedKeySet_endsBogusTyped() {
    Resolution resolution = resolveThrough(500);

    assertThat(resolution).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.DNSSEC_BOGUS);
      assertThat(failure.bogusReason()).isEqualTo(BogusReason.KEYS_UNAVAILABLE);
    });
  }
}
