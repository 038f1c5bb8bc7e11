package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Type;

/**
 * RFC 4035 §5.2 and §4.3: an RRset without signatures is INSECURE when an authenticated denial of
 * a DS proves an insecure delegation above it, also a delegation the resolver never saw. A server
 * that serves a signed zone and its unsigned child answers for the child itself, with no
 * referral: the child's data reaches the resolver as the parent's, unsigned, and only the DS
 * records walked down from the parent's keys, one label at a time, find the cut that makes it
 * INSECURE. A name of the signed zone itself whose signature is missing stays BOGUS, the walk
 * proving no cut above it.
 */
class HiddenZoneCutTest {

  @Lab("start") static TestHierarchy lab;

  /**
   * {@code alpha.lab.} is signed and {@code sub.alpha.lab.}, its unsigned child, is on the same
   * server; {@code link.alpha.lab.} is an alias into the child, and {@code www.alpha.lab.} has
   * lost its signature.
   */
  static TestHierarchy start() {
    ZoneTree tree = ZoneTree.builder()
        .root("a.root.lab.", "127.53.0.1")
        .zone("lab.", "ns1", "127.53.1.1")
        .zone("alpha.lab.", "ns", "127.53.10.1", """
            www   300 A     192.0.2.1
            link  300 CNAME www.sub.alpha.lab.
            """)
        .zone("sub.alpha.lab.", "ns", "127.53.10.1", "www 300 A 192.0.2.2\n")
        .build();
    return TestHierarchy.builder().zones(tree)
        .signed(SignedLab.SIGNING.withBreakage(Breakage.missingSignature("www.alpha.lab.", Type.A)))
        .unsigned("sub.alpha.lab.").build();
  }

  private static Resolver resolver(boolean qnameMinimisation) {
    return SignedLab.validatingResolver(lab).qnameMinimisation(qnameMinimisation).build();
  }

  @ParameterizedTest(name = "qname minimisation {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("RFC 4035 §5.2: the unsigned child's data, answered by the signed parent's server, is INSECURE")
  void unsignedChild_onParentsServer_isInsecure(boolean qnameMinimisation) {
    try (Resolver resolver = resolver(qnameMinimisation)) {
      Resolution answer = resolver.resolve("www.sub.alpha.lab.", Type.A);

      assertThat(answer).isInstanceOf(Resolution.Answer.class);
      assertThat(answer.security()).isEqualTo(Security.INSECURE);
    }
  }

  @ParameterizedTest(name = "qname minimisation {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("RFC 4035 §5.2: a signed alias into the unsigned child on the same server ends INSECURE")
  void signedAlias_intoUnsignedChildOnSameServer_isInsecure(boolean qnameMinimisation) {
    try (Resolver resolver = resolver(qnameMinimisation)) {
      Resolution answer = resolver.resolve("link.alpha.lab.", Type.A);

      assertThat(answer).isInstanceOf(Resolution.Answer.class);
      assertThat(answer.chain()).hasSize(1);
      assertThat(answer.security()).isEqualTo(Security.INSECURE);
    }
  }

  @ParameterizedTest(name = "qname minimisation {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("RFC 4035 §5.2: the unsigned child's NXDOMAIN, its SOA unsigned, answered by the signed parent's server, is INSECURE")
  void unsignedChildsNxDomain_onParentsServer_isInsecure(boolean qnameMinimisation) {
    try (Resolver resolver = resolver(qnameMinimisation)) {
      Resolution nxDomain = resolver.resolve("nope.sub.alpha.lab.", Type.A);

      assertThat(nxDomain).isInstanceOf(Resolution.NxDomain.class);
      assertThat(nxDomain.security()).isEqualTo(Security.INSECURE);
    }
  }

  @ParameterizedTest(name = "qname minimisation {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("RFC 4035 §5.2: the signed zone's own RRset without its signature is BOGUS, the DS walk finding no cut above it")
  void unsignedRRset_ofTheSignedZone_staysBogus(boolean qnameMinimisation) {
    try (Resolver resolver = resolver(qnameMinimisation)) {
      Resolution stripped = resolver.resolve("www.alpha.lab.", Type.A);

      assertThat(stripped).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.DNSSEC_BOGUS);
        assertThat(failure.bogusReason()).isEqualTo(BogusReason.NO_SIGNATURE);
      });
    }
  }
}
