package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Type;

/** RFC 4035 §5.5: data a chain of trust should cover and does not is BOGUS, a typed failure. */
class BogusTest {

  static Stream<Arguments> breakages() {
    return Stream.of(
        Arguments.of(Breakage.expiredSignature("www.alpha.lab.", Type.A), BogusReason.SIGNATURE_EXPIRED),
        Arguments.of(Breakage.notYetValidSignature("www.alpha.lab.", Type.A), BogusReason.SIGNATURE_NOT_YET_VALID),
        Arguments.of(Breakage.missingSignature("www.alpha.lab.", Type.A), BogusReason.NO_SIGNATURE),
        Arguments.of(new Breakage.DsMatchingNoKey(), BogusReason.DS_MATCHES_NO_KEY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  @DisplayName("RFC 4035 §5.5: each broken signature or key ends as DNSSEC_BOGUS with its reason")
  void brokenZone_endsBogusWithItsReason(Breakage breakage, BogusReason reason) {
    try (TestHierarchy lab = SignedLab.start(SignedLab.SIGNING, builder -> builder
            .signed("alpha.lab.", SignedLab.SIGNING.withBreakage(breakage)));
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("www.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.DNSSEC_BOGUS);
        assertThat(failure.bogusReason()).isEqualTo(reason);
        assertThat(failure.security()).isEqualTo(Security.BOGUS);
      });
    }
  }

  @Test
  @DisplayName("RFC 4035 §3.2.2: with checking disabled (CD) the BOGUS data is returned, marked BOGUS, and not kept")
  void checkingDisabled_returnsBogusData() {
    try (TestHierarchy lab = SignedLab.start(SignedLab.SIGNING, builder -> builder.signed("alpha.lab.",
            SignedLab.SIGNING.withBreakage(Breakage.expiredSignature("www.alpha.lab.", Type.A))));
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution unchecked = resolver.resolve("www.alpha.lab.", Type.A,
          Resolver.QueryOptions.DEFAULTS.withCheckingDisabled(true));
      Resolution checked = resolver.resolve("www.alpha.lab.", Type.A);

      assertThat(unchecked).isInstanceOf(Resolution.Answer.class);
      assertThat(unchecked.security()).isEqualTo(Security.BOGUS);
      assertThat(checked).isInstanceOf(Resolution.Failure.class);
      assertThat(checked.security()).isEqualTo(Security.BOGUS);
    }
  }

  @Test
  @DisplayName("a question answered BOGUS is answered so again without a query for a while (Unbound's val-bogus-ttl), "
      + "to a cache-only question too; checking disabled still gets the data")
  void bogusAnswer_givenAgainWithoutQuery() {
    try (TestHierarchy lab = SignedLab.start(SignedLab.SIGNING, builder -> builder.signed("alpha.lab.",
            SignedLab.SIGNING.withBreakage(Breakage.expiredSignature("www.alpha.lab.", Type.A))));
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      assertThat(resolver.resolve("www.alpha.lab.", Type.A)).isInstanceOf(Resolution.Failure.class);
      lab.clearQueries();

      Resolution again = resolver.resolve("WWW.alpha.lab.", Type.A);
      Resolution cacheOnly = resolver.resolve("www.alpha.lab.", Type.A,
          Resolver.QueryOptions.DEFAULTS.withCacheOnly(true));

      for (Resolution resolution : List.of(again, cacheOnly)) {
        assertThat(resolution).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
          assertThat(failure.reason()).isEqualTo(FailureReason.DNSSEC_BOGUS);
          assertThat(failure.bogusReason()).isEqualTo(BogusReason.SIGNATURE_EXPIRED);
          assertThat(failure.upstreamQueries()).isZero();
        });
      }
      assertThat(again.qname().toString()).isEqualTo("WWW.alpha.lab.");
      assertThat(lab.queryCount()).isZero();
      Resolution unchecked = resolver.resolve("www.alpha.lab.", Type.A,
          Resolver.QueryOptions.DEFAULTS.withCheckingDisabled(true));
      assertThat(unchecked).isInstanceOf(Resolution.Answer.class);
      assertThat(unchecked.security()).isEqualTo(Security.BOGUS);
    }
  }

  @Test
  @DisplayName("a BOGUS link in the middle of a chain makes the whole chain BOGUS")
  void bogusHop_makesTheChainBogus() {
    try (TestHierarchy lab = SignedLab.start(SignedLab.SIGNING, builder -> builder.signed("gamma.test.",
            SignedLab.SIGNING.withBreakage(Breakage.missingSignature("hop2.gamma.test.", Type.CNAME))));
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("start.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
        assertThat(failure.bogusReason()).isEqualTo(BogusReason.NO_SIGNATURE);
        assertThat(failure.chain()).hasSize(2);
      });
    }
  }
}
