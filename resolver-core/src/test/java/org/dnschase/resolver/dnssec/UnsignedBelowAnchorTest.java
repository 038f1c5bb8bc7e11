package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.dnschase.resolver.zones.ForwardZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * RFC 4035 §5.2 and §4.3: an RRset without signatures under a trust anchor is INSECURE only when an
 * authenticated denial of a DS proves an insecure delegation between the anchor and it; otherwise
 * it is BOGUS. The DS records are walked down from the anchor one label at a time to find that
 * cut, even when the zone asked (here the root, forwarded to the anchored zone's server) is above
 * the anchor and unsigned.
 */
class UnsignedBelowAnchorTest {

  @Lab("start") static TestHierarchy lab;

  /** The hierarchy the tests run against, started. */
  static TestHierarchy start() {
    return SignedLab.start(SignedLab.SIGNING, builder -> builder
        .signed("alpha.lab.", SignedLab.SIGNING.withBreakage(Breakage.missingSignature("www.alpha.lab.", Type.A))));
  }

  /** A resolver forwarding everything to {@code server}, anchored at {@code zone}'s key. */
  private static Resolver forwardingTo(TestHierarchy hierarchy, String server, String zone) {
    return Resolver.builder()
        .rootHints(RootHints.of(hierarchy.rootHints()))
        .upstreamPort(hierarchy.port())
        .loopbackOnly()
        .forwardZone(ForwardZone.of(".", server))
        .validation(Validation.trustAnchors(hierarchy.keys(Name.fromConstantString(zone)).ksk().toString()))
        .build();
  }

  @Test
  @DisplayName("RFC 4035 §5.2: an unsigned RRset in a zone anchored below the forwarded root, no insecure cut above it, is BOGUS")
  void unsignedRRset_belowAnchor_noInsecureCut_isBogus() {
    try (Resolver resolver = forwardingTo(lab, "127.53.10.1", "alpha.lab.")) {
      Resolution stripped = resolver.resolve("www.alpha.lab.", Type.A);

      assertThat(stripped).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.DNSSEC_BOGUS);
        assertThat(failure.bogusReason()).isEqualTo(BogusReason.NO_SIGNATURE);
      });
      assertThat(resolver.resolve("final.alpha.lab.", Type.A).security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("RFC 4035 §5.2: an unsigned RRset below a DS proven absent under the anchor is INSECURE")
  void unsignedRRset_belowProvenInsecureCut_isInsecure() {
    ZoneTree tree = ZoneTree.builder()
        .root("a.root.lab.", "127.53.0.1")
        .zone("lab.", "ns1", "127.53.1.1")
        .zone("alpha.lab.", "ns", "127.53.10.1", "www 300 A 192.0.2.1\n")
        .zone("sub.alpha.lab.", "ns", "127.53.10.1", "www 300 A 192.0.2.2\n")
        .build();
    try (TestHierarchy insecureCut = TestHierarchy.builder().zones(tree).signed(SignedLab.SIGNING)
            .unsigned("sub.alpha.lab.").build();
        Resolver resolver = forwardingTo(insecureCut, "127.53.10.1", "alpha.lab.")) {
      Resolution unsigned = resolver.resolve("www.sub.alpha.lab.", Type.A);

      assertThat(unsigned).isInstanceOf(Resolution.Answer.class);
      assertThat(unsigned.security()).isEqualTo(Security.INSECURE);
      assertThat(resolver.resolve("www.alpha.lab.", Type.A).security()).isEqualTo(Security.SECURE);
    }
  }
}
