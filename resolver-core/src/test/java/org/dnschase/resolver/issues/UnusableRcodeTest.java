package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A server whose reply carries an RCODE the resolver has no use for (RFC 2136's YXRRSET to NOTZONE
 * from a query, RFC 6891 §6.1.3's extended BADVERS and above, YXDOMAIN without a DNAME) is passed
 * over like a lame one; when no other server answers, the failure says which server said what.
 */
class UnusableRcodeTest {

  @ParameterizedTest(name = "RCODE {0}")
  @ValueSource(ints = {Rcode.YXDOMAIN, Rcode.YXRRSET, Rcode.NXRRSET, Rcode.NOTAUTH, Rcode.NOTZONE, 11, 15,
      Rcode.BADVERS, Rcode.BADCOOKIE, 4095})
  @DisplayName("RFC 1035 §4.1.1, RFC 6891 §6.1.3: an RCODE of no use fails the resolution with a diagnostic "
      + "naming the server and the RCODE")
  void anUnusableRcode_isReportedNamingTheServer(int rcode) {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", rcode & 0xF, true, List.of("www.example. 300 A 192.0.2.1"),
            List.of(), List.of())
        .withRecord(CannedServers.ROOT, "www.example. A", Section.ADDITIONAL, new OPTRecord(1232, rcode >>> 4, 0));

    Resolution result = servers.resolve("www.example.", Type.A);

    assertThat(result).isInstanceOfSatisfying(Resolution.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED));
    assertThat(result.diagnostics()).filteredOn(d -> d.kind() == Diagnostic.Oddity.BAD_REPLY).singleElement()
        .satisfies(d -> assertThat(d.detail()).contains(CannedServers.ROOT.getHostAddress(), Rcode.string(rcode),
            "www.example."));
  }
}
