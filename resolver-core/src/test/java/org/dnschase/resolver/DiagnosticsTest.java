package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.dnschase.resolver.rules.AliasRule;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Dispatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Rule violations are reported, each by a zone built to break it, and never turn an answer into a failure. */
class DiagnosticsTest extends ChainLabTest {

  @Test
  @DisplayName("RFC 1912 §2.4: a CNAME at a zone apex is reported, and still followed")
  void cnameAtApex_isReported() {
    Resolution result = resolver.resolve("epsilon.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsExactly(new Diagnostic.Violation(AliasRule.CNAME_AT_APEX));
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a, §3.6.2: ANY at a name with a CNAME beside other data is answered there, the CNAME not followed, the other data reported")
  void anyBesideCnameAndOtherData_answeredAtTheNameAndReported() {
    Resolution result = resolver.resolve("both.gamma.test.", Type.ANY);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.finalName()).hasToString("both.gamma.test.");
    assertThat(result.chain()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(new Diagnostic.Violation(AliasRule.CNAME_AND_OTHER_DATA));
      assertThat(d.detail()).contains("TXT", "the CNAME was not followed");
    });
  }

  @Test
  @DisplayName("RFC 6672 §3.2: a CNAME that contradicts the DNAME beside it is replaced by our synthesis, and reported")
  void contradictingSynthesis_isReplacedAndReported() throws Exception {
    AuthServer alpha = lab.server(InetAddress.getByName("127.53.10.1"));
    Dispatcher zone = alpha.zoneDispatcher();
    alpha.setDispatcher(query -> withCnameTarget(zone.dispatch(query), "elsewhere.gamma.test."));
    try {
      Resolution result = resolver.resolve("www.moved.alpha.lab.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(result.chain()).extracting(hop -> hop.target().toString()).containsExactly("www.newhome.gamma.test.");
      assertThat(result.diagnostics()).extracting(Diagnostic::kind)
          .containsExactly(Diagnostic.Oddity.DNAME_SYNTHESIS_MISMATCH);
    } finally {
      alpha.setDispatcher(zone);
    }
  }

  /** The reply with every CNAME in its answer pointed at {@code target}: a server that synthesises wrongly. */
  private static Message withCnameTarget(Message reply, String target) {
    for (Record record : reply.getSection(Section.ANSWER)) {
      if (record instanceof CNAMERecord cname) {
        reply.removeRecord(cname, Section.ANSWER);
        reply.addRecord(new CNAMERecord(cname.getName(), cname.getDClass(), cname.getTTL(),
            Name.fromConstantString(target)), Section.ANSWER);
      }
    }
    return reply;
  }

  @Test
  @DisplayName("RFC 2181 §10.3: an MX target that is an alias is reported")
  void mxTargetAlias_isReported() {
    resolver.resolve("mailalias.alpha.lab.", Type.A);

    Resolution result = resolver.resolve("mx.alpha.lab.", Type.MX);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(new Diagnostic.Violation(AliasRule.MX_TARGET_IS_ALIAS));
      assertThat(d.detail()).contains("mailalias.alpha.lab.", "final.alpha.lab.");
    });
  }

  @Test
  @DisplayName("RFC 2181 §10.3: a delegation to an NS name that is an alias is reported, and resolves")
  void nsTargetAlias_isReportedAndFollowed() {
    Resolution result = resolver.resolve("www.zeta.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsExactly(new Diagnostic.Violation(AliasRule.NS_TARGET_IS_ALIAS));
  }

  @Test
  @DisplayName("RFC 6672 §2.4: a CNAME and a DNAME at one owner are reported")
  void cnameAndDnameAtOneOwner_isReported() {
    Resolution viaDname = resolver.resolve("hop1.cd.alpha.lab.", Type.A);
    Resolution viaCname = resolver.resolve("cd.alpha.lab.", Type.A);

    assertThat(viaDname.chain().get(0).kind()).isEqualTo(Hop.Kind.DNAME);
    assertThat(viaCname).isInstanceOf(Resolution.Answer.class);
    assertThat(viaCname.diagnostics()).extracting(Diagnostic::kind).contains(new Diagnostic.Violation(AliasRule.CNAME_AND_DNAME));
  }

  @Test
  @DisplayName("A chain longer than the threshold (default 8) is reported; the 4-hop chain is not")
  void longChain_isReportedOnlyAboveThreshold() {
    Resolution longer = resolver.resolve("c12-0.alpha.lab.", Type.A);
    Resolution shorter = resolver.resolve("start.alpha.lab.", Type.A);

    assertThat(longer).isInstanceOf(Resolution.Answer.class);
    assertThat(longer.diagnostics()).extracting(Diagnostic::kind).containsExactly(Diagnostic.Oddity.LONG_CHAIN);
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
