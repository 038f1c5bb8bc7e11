package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Type;

/**
 * RFC 4035 §5.2: a referral from a signed zone says how its child is secured, by the child's DS
 * RRset or by the parent's NSEC or NSEC3 records proving there is none. What the referral proves
 * is used as it comes, so the child's DS is never asked for separately.
 */
class ReferralProofTest {

  static Stream<Arguments> chains() {
    return Stream.of(
        Arguments.of("NSEC", SignedLab.SIGNING),
        Arguments.of("NSEC3", SignedLab.SIGNING.withNsec3(0, "-", false)),
        Arguments.of("NSEC3 opt-out", SignedLab.SIGNING.withNsec3(0, "-", true)));
  }

  private static List<RecordedQuery> dsQueries(TestHierarchy lab) {
    return lab.queries().stream().filter(query -> query.qtype() == Type.DS).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 4035 §5.2: an unsigned delegation proven by the referral's own records is INSECURE with no DS query")
  void unsignedDelegationProvenByReferral_needsNoDsQuery(String chain, Signing signing) {
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder.unsigned("plain.test."));
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("www.plain.test.", Type.A);

      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(resolution.security()).isEqualTo(Security.INSECURE);
      assertThat(dsQueries(lab)).isEmpty();
    }
  }

  @Test
  @DisplayName("RFC 4035 §5.2: the DS RRset a signed referral carries is used, not asked for again")
  void signedReferralDs_isNotAskedAgain() {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("start.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(resolution.security()).isEqualTo(Security.SECURE);
      assertThat(dsQueries(lab)).isEmpty();
    }
  }
}
