package org.dnschase.resolver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** The {@code --json} writer on outcomes the demo tree cannot produce. */
class ResolutionJsonTest {

  private static final Name QNAME = Name.fromConstantString("a.example.");

  @Test
  void yxDomainFailure_hasStatusYxDomain() {
    Map<String, Object> json = Json.object(ResolutionJson.of(failure(FailureReason.YXDOMAIN, List.of()), 7, false));

    assertThat(json).containsEntry("status", "YXDOMAIN").containsEntry("kind", "failure")
        .containsEntry("reason", "YXDOMAIN").containsEntry("elapsedMicros", 7L);
  }

  @Test
  void bogusFailure_hasItsSecurityAndBogusReason() {
    Map<String, Object> json = Json.object(ResolutionJson.of(failure(FailureReason.DNSSEC_BOGUS, List.of()), 1, false));

    assertThat(json).containsEntry("status", "SERVFAIL").containsEntry("reason", "DNSSEC_BOGUS")
        .containsEntry("security", "BOGUS").containsEntry("bogusReason", "BAD_SIGNATURE");
  }

  @Test
  void yxDomainFailure_listsTheDnameItStoppedAt() {
    DNAMERecord dname = new DNAMERecord(Name.fromConstantString("example."), DClass.IN, 300,
        Name.fromConstantString("long.test."));
    Resolution failure = new Resolution.Failure(QNAME, Type.A, FailureReason.YXDOMAIN, "too long", List.of(),
        dname, List.of(), List.of(), 1, Security.INDETERMINATE, null, List.of());

    assertThat(Json.object(ResolutionJson.of(failure, 1, false)))
        .containsEntry("answer", List.of("example. 300 IN DNAME long.test."));
  }

  @Test
  void otherFailures_haveStatusServfail() {
    for (FailureReason reason : FailureReason.values()) {
      if (reason != FailureReason.YXDOMAIN) {
        assertThat(ResolutionJson.status(failure(reason, List.of()))).as("%s", reason).isEqualTo("SERVFAIL");
      }
    }
  }

  @Test
  void detailWithQuotesBackslashesAndControls_roundTrips() {
    String detail = "server \"ns1\" said \\x\n\tthen\u0001 é";
    Diagnostic diagnostic = new Diagnostic(Diagnostic.Oddity.BAD_REPLY, QNAME, detail);

    String line = ResolutionJson.of(failure(FailureReason.TIMEOUT, List.of(diagnostic)), 1, true);

    assertThat(line).doesNotContain("\n");
    assertThat(Json.object(line).get("diagnostics"))
        .isEqualTo(List.of(Map.of("kind", "BAD_REPLY", "detail", detail)));
    assertThat(Json.object(line)).containsEntry("trace", List.of());
  }

  private static Resolution failure(FailureReason reason, List<Diagnostic> diagnostics) {
    return reason == FailureReason.DNSSEC_BOGUS
        ? new Resolution.Failure(QNAME, Type.A, reason, "detail", List.of(), null, diagnostics, List.of(), 0,
            Security.BOGUS, BogusReason.BAD_SIGNATURE, List.of())
        : new Resolution.Failure(QNAME, Type.A, reason, "detail", List.of(), null, diagnostics, List.of(), 0,
            Security.INDETERMINATE, null, List.of());
  }
}
