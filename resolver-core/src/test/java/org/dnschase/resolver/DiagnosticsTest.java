package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Rule violations are reported, each by a zone built to break it, and never turn an answer into a failure. */
class DiagnosticsTest extends ChainLabTest {

  @Test
  @DisplayName("RFC 1912 §2.4: a CNAME at a zone apex is reported, and still followed")
  void cnameAtApex_isReported() {
    Resolution result = resolver.resolve("epsilon.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsExactly(Diagnostic.Kind.CNAME_AT_APEX);
  }

  @Test
  @DisplayName("RFC 2181 §10.3: an MX target that is an alias is reported")
  void mxTargetAlias_isReported() {
    resolver.resolve("mailalias.alpha.lab.", Type.A);

    Resolution result = resolver.resolve("mx.alpha.lab.", Type.MX);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(Diagnostic.Kind.MX_TARGET_IS_ALIAS);
      assertThat(d.detail()).contains("mailalias.alpha.lab.", "final.alpha.lab.");
    });
  }

  @Test
  @DisplayName("RFC 2181 §10.3: a delegation to an NS name that is an alias is reported, and resolves")
  void nsTargetAlias_isReportedAndFollowed() {
    Resolution result = resolver.resolve("www.zeta.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsExactly(Diagnostic.Kind.NS_TARGET_IS_ALIAS);
  }

  @Test
  @DisplayName("RFC 6672 §2.4: a CNAME and a DNAME at one owner are reported")
  void cnameAndDnameAtOneOwner_isReported() {
    Resolution viaDname = resolver.resolve("hop1.cd.alpha.lab.", Type.A);
    Resolution viaCname = resolver.resolve("cd.alpha.lab.", Type.A);

    assertThat(viaDname.chain().get(0).kind()).isEqualTo(Hop.Kind.DNAME);
    assertThat(viaCname).isInstanceOf(Resolution.Answer.class);
    assertThat(viaCname.diagnostics()).extracting(Diagnostic::kind).contains(Diagnostic.Kind.CNAME_AND_DNAME);
  }

  @Test
  @DisplayName("A chain longer than the threshold (default 8) is reported; the 4-hop chain is not")
  void longChain_isReportedOnlyAboveThreshold() {
    Resolution longer = resolver.resolve("c12-0.alpha.lab.", Type.A);
    Resolution shorter = resolver.resolve("start.alpha.lab.", Type.A);

    assertThat(longer).isInstanceOf(Resolution.Answer.class);
    assertThat(longer.diagnostics()).extracting(Diagnostic::kind).containsExactly(Diagnostic.Kind.LONG_CHAIN);
    assertThat(shorter.diagnostics()).isEmpty();
  }

  @Test
  @DisplayName("RFC 8482 §4.1: ANY is answered with an RRset of the name")
  void anyQuery_getsAnRRsetOfTheName() {
    Resolution result = resolver.resolve("final.alpha.lab.", Type.ANY);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(((Resolution.Answer) result).rrset().getName().toString()).isEqualTo("final.alpha.lab.");
  }
}
