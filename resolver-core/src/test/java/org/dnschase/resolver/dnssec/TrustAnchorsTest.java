package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** RFC 4035 §4.4: where validation starts, as the builder is told; RFC 7646: where it does not. */
class TrustAnchorsTest {

  @Lab("start") static TestHierarchy lab;

  /** The hierarchy the tests run against, started. */
  static TestHierarchy start() {
    return SignedLab.start(SignedLab.SIGNING, builder -> builder.signed("alpha.lab.",
        SignedLab.SIGNING.withBreakage(Breakage.expiredSignature("www.alpha.lab.", Type.A))));
  }

  @Test
  @DisplayName("the root's DS read from a file (Unbound's trust-anchor-file) anchors the chain as the text does")
  void trustAnchorFile_anchorsTheChain(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("root.key"), lab.trustAnchor() + "\n");
    try (Resolver resolver = Resolver.builder().rootHints(RootHints.of(lab.rootHints())).upstreamPort(lab.port())
        .loopbackOnly().validation(Validation.trustAnchorFile(file)).build()) {
      assertThat(resolver.resolve("final.alpha.lab.", Type.A).security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("the zone's DNSKEY given as the anchor starts the chain at that zone")
  void dnskeyAnchor_startsTheChainThere() {
    String key = lab.keys(Name.fromConstantString("gamma.test.")).ksk().toString();
    try (Resolver resolver = Resolver.builder().rootHints(RootHints.of(lab.rootHints())).upstreamPort(lab.port())
        .loopbackOnly().validation(Validation.trustAnchors(key)).build()) {
      assertThat(resolver.resolve("www.new.gamma.test.", Type.A).security()).isEqualTo(Security.SECURE);
      // no anchor covers alpha.lab.: nothing says whether it could be validated
      assertThat(resolver.resolve("final.alpha.lab.", Type.A).security())
          .isEqualTo(Security.INDETERMINATE);
    }
  }

  @Test
  @DisplayName("RFC 7646: below a negative trust anchor a broken zone is INSECURE, not BOGUS; elsewhere still checked (Validation's sample)")
  void negativeTrustAnchor_makesItsZoneInsecure(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("root.key"), lab.trustAnchor() + "\n");
    ResolverBuilder labResolver = Resolver.builder().rootHints(RootHints.of(lab.rootHints())).upstreamPort(lab.port())
        .loopbackOnly();
    try (Resolver resolver = Snippets.validation(labResolver, file)) {
      Resolution broken = resolver.resolve("www.alpha.lab.", Type.A);
      Resolution elsewhere = resolver.resolve("www.new.gamma.test.", Type.A);

      assertThat(broken).isInstanceOf(Resolution.Answer.class);
      assertThat(broken.security()).isEqualTo(Security.INSECURE);
      assertThat(elsewhere.security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("RFC 7646 §2: a negative trust anchor on a name inside a signed zone makes answers at and below it "
      + "INSECURE, NXDOMAIN included; the rest of the zone stays SECURE")
  void negativeTrustAnchor_belowSignedZone_makesNxDomainInsecure() {
    try (Resolver resolver = SignedLab.validatingResolver(lab, validation -> validation
        .withNegativeTrustAnchors(List.of(Name.fromConstantString("www.alpha.lab."),
            Name.fromConstantString("nta.alpha.lab.")))).build()) {
      Resolution missing = resolver.resolve("missing.www.alpha.lab.", Type.A);
      Resolution absentAnchor = resolver.resolve("nta.alpha.lab.", Type.A);
      Resolution belowAbsentAnchor = resolver.resolve("x.nta.alpha.lab.", Type.A);
      Resolution broken = resolver.resolve("www.alpha.lab.", Type.A);
      Resolution outside = resolver.resolve("nothere.alpha.lab.", Type.A);

      assertThat(missing).isInstanceOf(Resolution.NxDomain.class);
      assertThat(missing.security()).isEqualTo(Security.INSECURE);
      assertThat(absentAnchor).isInstanceOf(Resolution.NxDomain.class);
      assertThat(absentAnchor.security()).isEqualTo(Security.INSECURE);
      assertThat(belowAbsentAnchor).isInstanceOf(Resolution.NxDomain.class);
      assertThat(belowAbsentAnchor.security()).isEqualTo(Security.INSECURE);
      assertThat(broken).isInstanceOf(Resolution.Answer.class);
      assertThat(broken.security()).isEqualTo(Security.INSECURE);
      assertThat(outside).isInstanceOf(Resolution.NxDomain.class);
      assertThat(outside.security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("RFC 7646 §2, RFC 8020: a SECURE NXDOMAIN cached for an ancestor answers a name under a negative "
      + "trust anchor INSECURE")
  void negativeTrustAnchor_cachedAncestorNxDomain_isInsecure() {
    try (Resolver resolver = SignedLab.validatingResolver(lab, validation -> validation
        .withNegativeTrustAnchors(List.of(Name.fromConstantString("nta.nothere.alpha.lab."))))
        .build()) {
      Resolution ancestor = resolver.resolve("nothere.alpha.lab.", Type.A);
      Resolution below = resolver.resolve("x.nta.nothere.alpha.lab.", Type.A);
      Resolution belowAgain = resolver.resolve("x.nta.nothere.alpha.lab.", Type.A);

      assertThat(ancestor.security()).isEqualTo(Security.SECURE);
      assertThat(below).isInstanceOf(Resolution.NxDomain.class);
      assertThat(below.security()).isEqualTo(Security.INSECURE);
      assertThat(belowAgain.security()).isEqualTo(Security.INSECURE);
    }
  }

  @Test
  @DisplayName("RFC 4035 §5.2, RFC 8624: an anchor whose every DS uses a digest not implemented makes its zone INSECURE")
  void unsupportedDigest_isInsecureNotBogus() {
    String gost = ". IN DS 20326 8 3 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D";
    try (Resolver resolver = Resolver.builder().rootHints(RootHints.of(lab.rootHints())).upstreamPort(lab.port())
        .loopbackOnly().validation(Validation.trustAnchors(gost)).build()) {
      Resolution resolution = resolver.resolve("www.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(resolution.security()).isEqualTo(Security.INSECURE);
    }
  }

  @Test
  @DisplayName("anchors that do not parse, or are no DS or DNSKEY, are refused on the spot, saying why")
  void badAnchors_areRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> Validation.trustAnchors(". IN DS 1 2"))
        .withMessageContaining("do not parse");
    assertThatIllegalArgumentException().isThrownBy(() -> Validation.trustAnchors(". IN A 192.0.2.1"))
        .withMessageContaining("a DS or DNSKEY record");
    assertThatIllegalArgumentException().isThrownBy(() -> Validation.trustAnchors("; nothing\n"))
        .withMessageContaining("no DS or DNSKEY");
  }

  @Test
  @DisplayName("a trust anchor file that does not parse is refused naming the file and the line")
  void brokenTrustAnchorFile_namesFileAndLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("root.key"), lab.trustAnchor() + "\n. IN DS 20326 8 x\n");

    assertThatIllegalArgumentException().isThrownBy(() -> Validation.trustAnchorFile(file))
        .withMessageContaining(file + " do not parse: root.key:2:");
  }

  @Test
  @DisplayName("validation given twice is a conflict naming the first; negative anchors without validation are refused")
  void conflictingValidation_isRefused() {
    Validation anchored = Validation.trustAnchors(lab.trustAnchor().toString());
    assertThatIllegalStateException().isThrownBy(() -> Resolver.builder().validation(Validation.off())
        .validation(anchored)).withMessageContaining("validation was already set to Validation[off]");
    assertThatIllegalStateException().isThrownBy(() -> Validation.off()
        .withNegativeTrustAnchors(List.of(Name.root))).withMessageContaining("validation, which is off");
    assertThatIllegalArgumentException().isThrownBy(() -> anchored
        .withNegativeTrustAnchors(List.of(Name.fromConstantString("relative")))).withMessageContaining("absolute");
  }
}
