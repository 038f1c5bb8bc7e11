package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.StubZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * Forward and stub zones with validation on: under an anchor the caller configured, their chain of
 * trust runs down from it by their parents' DS records (unsigned: INSECURE, signed: SECURE), never
 * through the forwarder; under the IANA root's built-in anchor they are INSECURE (Unbound's
 * domain-insecure, {@code ForwardZoneAnchorTest}).
 */
class SplitDnsTest {

  @Lab("start") static TestHierarchy lab;

  /** The hierarchy the tests run against, started. */
  static TestHierarchy start() {
    return SignedLab.start(SignedLab.SIGNING, builder -> builder.unsigned("plain.test."));
  }

  @Test
  @DisplayName("RFC 4035 §5.2: a forward zone proven unsigned by its parent resolves INSECURE; the rest is still SECURE")
  void forwardZone_isInsecure() {
    try (Resolver resolver = SignedLab.validatingResolver(lab)
        .forwardZone(ForwardZone.of("plain.test.", "127.53.14.1")).build()) {
      Resolution forwarded = resolver.resolve("www.plain.test.", Type.A);
      Resolution chain = resolver.resolve("out.alpha.lab.", Type.A);

      assertThat(forwarded).isInstanceOf(Resolution.Answer.class);
      assertThat(forwarded.security()).isEqualTo(Security.INSECURE);
      assertThat(chain).isInstanceOf(Resolution.Answer.class);
      assertThat(chain.security()).isEqualTo(Security.INSECURE);
      assertThat(resolver.resolve("www.alpha.lab.", Type.A).security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("RFC 4035 §5: a signed stub zone under a configured anchor is validated from it, SECURE")
  void signedStubZone_underConfiguredAnchor_isSecure() {
    try (Resolver resolver = SignedLab.validatingResolver(lab)
        .stubZone(StubZone.of("gamma.test.", "127.53.12.1")).build()) {
      assertThat(resolver.resolve("www.new.gamma.test.", Type.A).security())
          .isEqualTo(Security.SECURE);
    }
  }
}
