package org.dnschase.resolver.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** RFC 8914: the Extended DNS Error an answer carries comes from the failure reason. */
class ExtendedErrorsTest {

  private static final Name NAME = Name.fromConstantString("www.example.");

  private static Message query(boolean edns) {
    Message query = Message.newQuery(Record.newRecord(NAME, Type.A, DClass.IN));
    if (edns) {
      query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    }
    return query;
  }

  private static Resolution.Failure failure(FailureReason reason, String detail) {
    return new Resolution.Failure(NAME, Type.A, reason, detail, List.of(), null, List.of(), List.of(), 0,
        Security.INDETERMINATE, null, List.of());
  }

  private static ExtendedErrorCodeOption ede(Message answer) {
    List<EDNSOption> options = answer.getOPT().getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR);
    assertThat(options).hasSize(1);
    return (ExtendedErrorCodeOption) options.get(0);
  }

  @Test
  @DisplayName("§4.23: no server answered, or the deadline passed: No Reachable Authority")
  void unreachable_noReachableAuthority() {
    assertThat(Responses.ExtendedErrors.code(FailureReason.ALL_SERVERS_FAILED)).isEqualTo(ExtendedErrorCodeOption.NO_REACHABLE_AUTHORITY);
    assertThat(Responses.ExtendedErrors.code(FailureReason.TIMEOUT)).isEqualTo(ExtendedErrorCodeOption.NO_REACHABLE_AUTHORITY);
    assertThat(Responses.ExtendedErrors.code(FailureReason.CLOSED)).isEqualTo(ExtendedErrorCodeOption.NOT_READY);
    assertThat(Responses.ExtendedErrors.code(FailureReason.LOOP)).isEqualTo(ExtendedErrorCodeOption.OTHER);
  }

  @Test
  @DisplayName("§4.7: data found BOGUS by a bad signature: DNSSEC Bogus, the text with the bogus detail")
  void bogus_dnssecBogus() {
    Resolution.Failure bogus = bogus(BogusReason.BAD_SIGNATURE, "the RRSIG of www.example. A does not verify");
    Message answer = Responses.ExtendedErrors.add(Responses.toMessage(bogus, query(true)), bogus);

    assertThat(answer.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(ede(answer).getErrorCode()).isEqualTo(ExtendedErrorCodeOption.DNSSEC_BOGUS);
    assertThat(ede(answer).getText()).isEqualTo("DNSSEC_BOGUS: the RRSIG of www.example. A does not verify");
  }

  @Test
  @DisplayName("§4.7 to §4.11, §4.24: a BOGUS SERVFAIL carries the code of its reason, DNSSEC Bogus where none is closer")
  void bogusReasons_theirOwnCodes() {
    Map<BogusReason, Integer> expected = Map.of(
        BogusReason.SIGNATURE_EXPIRED, ExtendedErrorCodeOption.SIGNATURE_EXPIRED,
        BogusReason.SIGNATURE_NOT_YET_VALID, ExtendedErrorCodeOption.SIGNATURE_NOT_YET_VALID,
        BogusReason.DS_MATCHES_NO_KEY, ExtendedErrorCodeOption.DNSKEY_MISSING,
        BogusReason.NO_MATCHING_KEY, ExtendedErrorCodeOption.DNSKEY_MISSING,
        BogusReason.KEYS_UNAVAILABLE, ExtendedErrorCodeOption.DNSKEY_MISSING,
        BogusReason.DS_UNAVAILABLE, ExtendedErrorCodeOption.NETWORK_ERROR,
        BogusReason.NO_SIGNATURE, ExtendedErrorCodeOption.RRSIGS_MISSING,
        BogusReason.MISSING_PROOF, ExtendedErrorCodeOption.DNSSEC_BOGUS,
        BogusReason.BAD_SIGNATURE, ExtendedErrorCodeOption.DNSSEC_BOGUS,
        BogusReason.VERIFICATION_LIMIT, ExtendedErrorCodeOption.DNSSEC_BOGUS);
    assertThat(expected).containsOnlyKeys(BogusReason.values());
    expected.forEach((reason, code) -> {
      Resolution.Failure bogus = bogus(reason, "why");
      Message answer = Responses.ExtendedErrors.add(Responses.toMessage(bogus, query(true)), bogus);
      assertThat(ede(answer).getErrorCode()).as(reason.name()).isEqualTo(code);
    });
  }

  private static Resolution.Failure bogus(BogusReason reason, String detail) {
    return new Resolution.Failure(NAME, Type.A, FailureReason.DNSSEC_BOGUS, detail, List.of(), null, List.of(),
        List.of(), 0, Security.BOGUS, reason, List.of());
  }

  @Test
  @DisplayName("the text names the reason and its detail, cut to a bounded length")
  void text_namesTheReason() {
    Resolution.Failure loop = failure(FailureReason.LOOP, "a. -> b. -> a.");
    Message answer = Responses.ExtendedErrors.add(Responses.toMessage(loop, query(true)), loop);

    assertThat(answer.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(ede(answer).getText()).isEqualTo("LOOP: a. -> b. -> a.");

    Resolution.Failure wordy = failure(FailureReason.INTERNAL_ERROR, "x".repeat(1000));
    Message truncated = Responses.ExtendedErrors.add(Responses.toMessage(wordy, query(true)), wordy);
    assertThat(ede(truncated).getText()).hasSize(Responses.ExtendedErrors.MAX_TEXT).endsWith("...");
  }

  @Test
  @DisplayName("a client without EDNS gets no OPT record, so no Extended DNS Error")
  void withoutEdns_none() {
    Resolution.Failure loop = failure(FailureReason.LOOP, "a. -> a.");
    Message answer = Responses.ExtendedErrors.add(Responses.toMessage(loop, query(false)), loop);

    assertThat(answer.getOPT()).isNull();
  }

  @Test
  @DisplayName("RFC 8914 §4.4: a stale answer says so, Stale Answer, or Stale NXDOMAIN Answer for an NXDOMAIN")
  void staleAnswer_staleCode() {
    Diagnostic stale = new Diagnostic(Diagnostic.Oddity.STALE_ANSWER, NAME, "answered from expired data");
    Resolution.NxDomain nxDomain = new Resolution.NxDomain(NAME, Type.A,
        new Resolution.Negative.Authority(null, List.of(), java.time.Duration.ZERO, List.of()), List.of(),
        java.time.Duration.ZERO, List.of(stale), List.of(), 0, Security.INDETERMINATE, false);

    Message answer = Responses.ExtendedErrors.add(Responses.toMessage(nxDomain, query(true)), nxDomain);

    assertThat(ede(answer).getErrorCode()).isEqualTo(ExtendedErrorCodeOption.STALE_NXDOMAIN_ANSWER);
    assertThat(ede(answer).getText()).isEqualTo("answered from expired data");
  }
}
