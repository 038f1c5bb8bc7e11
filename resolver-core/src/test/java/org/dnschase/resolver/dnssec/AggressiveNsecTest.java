package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * RFC 8198: the NSEC or NSEC3 records that proved one negative answer answer other names inside
 * their ranges, SECURE and without a query; a name outside them is asked.
 */
class AggressiveNsecTest {

  /** Each chain with a missing name, another name its proof covers, and a name it does not. */
  static Stream<Arguments> chains() {
    return Stream.of(
        Arguments.of("NSEC", SignedLab.SIGNING, "nope.alpha.lab.", "mm.alpha.lab.", "zz.alpha.lab."),
        Arguments.of("NSEC3", SignedLab.SIGNING.withNsec3(0, "-", false), "a.nope.alpha.lab.",
            "b.nope.alpha.lab.", "x.www.alpha.lab."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 8198 §5.1: an NXDOMAIN range cached from one answer answers a second name with no query")
  void nxDomainRange_answersSecondNameWithoutQuery(String chain, Signing signing, String missing, String covered,
      String outside) {
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      assertThat(resolver.resolve(missing, Type.A).security()).isEqualTo(Resolution.Security.SECURE);
      lab.clearQueries();

      Resolution second = resolver.resolve(covered, Type.AAAA);

      assertThat(second).isInstanceOf(Resolution.NxDomain.class);
      assertThat(second.security()).isEqualTo(Resolution.Security.SECURE);
      assertThat(second.upstreamQueries()).isZero();
      assertThat(lab.queryCount()).isZero();
      assertThat(((Resolution.NxDomain) second).soa().getName().toString()).isEqualTo("alpha.lab.");

      assertThat(resolver.resolve(outside, Type.A)).isInstanceOf(Resolution.NxDomain.class);
      assertThat(lab.queryCount()).isPositive();
    }
  }

  @Test
  @DisplayName("without aggressive use (Unbound's aggressive-nsec: no), a name inside a cached range is asked")
  void withoutAggressiveNsec_nameInsideRangeIsAsked() {
    try (TestHierarchy lab = SignedLab.start(SignedLab.SIGNING, builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab, Validation::withoutAggressiveNsec).build()) {
      assertThat(resolver.resolve("nope.alpha.lab.", Type.A).security()).isEqualTo(Resolution.Security.SECURE);
      lab.clearQueries();

      Resolution second = resolver.resolve("mm.alpha.lab.", Type.AAAA);

      assertThat(second).isInstanceOf(Resolution.NxDomain.class);
      assertThat(second.security()).isEqualTo(Resolution.Security.SECURE);
      assertThat(lab.queryCount()).isPositive();
    }
  }

  @Test
  @DisplayName("RFC 8198 §4 with RFC 7646: a name under a negative trust anchor is not validated, so no cached range answers it")
  void negativeTrustAnchor_nameInsideRangeIsAsked() {
    try (TestHierarchy lab = SignedLab.start(SignedLab.SIGNING, builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab, validation -> validation
            .withNegativeTrustAnchors(List.of(Name.fromConstantString("mm.alpha.lab.")))).build()) {
      assertThat(resolver.resolve("nope.alpha.lab.", Type.A).security()).isEqualTo(Resolution.Security.SECURE);
      lab.clearQueries();

      Resolution underAnchor = resolver.resolve("mm.alpha.lab.", Type.AAAA);

      assertThat(underAnchor).isInstanceOf(Resolution.NxDomain.class);
      assertThat(lab.queryCount()).isPositive();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 8198 §5.2: the record at a name proven without one type answers NODATA for another it lacks")
  void noDataRecord_answersOtherTypeWithoutQuery(String chain, Signing signing, String missing, String covered,
      String outside) {
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      assertThat(resolver.resolve("www.alpha.lab.", Type.TXT)).isInstanceOf(Resolution.NoData.class);
      lab.clearQueries();

      Resolution other = resolver.resolve("www.alpha.lab.", Type.MX);

      assertThat(other).isInstanceOf(Resolution.NoData.class);
      assertThat(other.security()).isEqualTo(Resolution.Security.SECURE);
      assertThat(lab.queryCount()).isZero();
    }
  }
}
