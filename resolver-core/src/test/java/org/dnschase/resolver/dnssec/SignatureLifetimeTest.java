package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** RFC 4035 §5.3.3: validated data lives no longer than the signatures that vouch for it. */
class SignatureLifetimeTest {

  @Test
  @DisplayName("RFC 4035 §5.3.3: an RRset whose RRSIG expires in 100 s is answered and kept for at most 100 s")
  void ttl_isCappedAtTheSignaturesExpiry() {
    try (TestHierarchy lab = SignedLab.start(SignedLab.SIGNING.withValidity(Instant.now(), Duration.ofHours(1),
            Duration.ofSeconds(100)), builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution answer = resolver.resolve("www.alpha.lab.", Type.A);
      Resolution cached = resolver.resolve("www.alpha.lab.", Type.A);

      assertThat(answer.security()).isEqualTo(Security.SECURE);
      assertThat(answer.ttl()).isLessThanOrEqualTo(Duration.ofSeconds(100)).isPositive();
      assertThat(cached.ttl()).isLessThanOrEqualTo(Duration.ofSeconds(100));
    }
  }
}
