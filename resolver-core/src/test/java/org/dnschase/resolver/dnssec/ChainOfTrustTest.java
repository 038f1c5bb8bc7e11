package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Type;

/** RFC 4035 §5: answers validated along the chain of trust from the root's key, zone cut by zone cut. */
class ChainOfTrustTest {

  @Lab("SignedLab#start") static TestHierarchy lab;

  @Test
  @DisplayName("RFC 4035 §5: an answer signed in a zone two cuts below the anchor is SECURE")
  void signedAnswer_isSecure() {
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("www.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(resolution.security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("RFC 4035 §5: a 4-hop chain through 4 signed zones, each with its own chain of trust, is SECURE")
  void chainAcrossFourSignedZones_isSecure() {
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("start.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(resolution.chain()).extracting(hop -> hop.zone().toString())
          .containsExactly("alpha.lab.", "beta.lab.", "gamma.test.", "delta.test.");
      assertThat(resolution.security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("RFC 6672 §5.3.1: the CNAME synthesised from a signed DNAME is unsigned, and the answer SECURE")
  void signedDname_withItsSynthesisedCname_isSecure() {
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("www.old.beta.lab.", Type.A);

      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(resolution.chain()).extracting(Hop::kind).containsExactly(Hop.Kind.DNAME);
      assertThat(resolution.security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("a cached secure chain is answered SECURE again, from the cache alone")
  void cachedSecureChain_staysSecure() {
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      resolver.resolve("start.alpha.lab.", Type.A);
      lab.clearQueries();

      Resolution again = resolver.resolve("start.alpha.lab.", Type.A);
      Resolution alias = resolver.resolve("hop1.beta.lab.", Type.A);

      assertThat(again.security()).isEqualTo(Security.SECURE);
      assertThat(alias.security()).isEqualTo(Security.SECURE);
      assertThat(lab.queryCount()).isZero();
    }
  }

  @Test
  @DisplayName("lab root hints without trust anchors: no validation, every outcome INDETERMINATE")
  void labHintsWithoutAnchors_doNotValidate() {
    try (Resolver resolver = SignedLab.validatingResolver(lab).build();
        Resolver plain = org.dnschase.resolver.Resolver.builder()
            .rootHints(org.dnschase.resolver.RootHints.of(lab.rootHints())).upstreamPort(lab.port())
            .loopbackOnly().build()) {
      assertThat(plain.resolve("www.alpha.lab.", Type.A).security()).isEqualTo(Security.INDETERMINATE);
      assertThat(resolver.resolve("www.alpha.lab.", Type.A).security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("RFC 6672 §3.1, §5.3.1: a CNAME question under a DNAME is answered by the synthesis after the DNAME hop, SECURE by the DNAME's signature")
  void cnameQuestionUnderDname_answeredBySynthesisAfterDnameHop() {
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution result = resolver.resolve("www.old.beta.lab.", Type.CNAME);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(result.security()).isEqualTo(Security.SECURE);
      assertThat(result.chain()).extracting(Hop::kind).containsExactly(Hop.Kind.DNAME);
      assertThat(result.answerSection()).extracting(record -> record.getType())
          .containsExactly(Type.DNAME, Type.CNAME);
      assertThat(((Resolution.Answer) result).records()).singleElement()
          .satisfies(cname -> assertThat(((CNAMERecord) cname).getTarget().toString()).isEqualTo("www.new.gamma.test."));
    }
  }
}
