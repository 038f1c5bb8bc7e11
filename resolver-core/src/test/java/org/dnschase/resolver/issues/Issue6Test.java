package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Bugs the conformance corpus found (issue 6), each reduced to the few replies that show it,
 * named after the scenario that found it.
 */
class Issue6Test {

  static final InetAddress LEAF = CannedServers.address("192.0.2.3");

  @Test
  @DisplayName("iter_ns_badaa, RFC 1034 §4.3.2: a referral wrongly flagged AA is still followed, not NODATA")
  void referralFlaggedAuthoritative_isFollowed() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, true, List.of(),
            List.of("example. 86400 NS ns.example."), List.of("ns.example. 86400 A 192.0.2.3"))
        .reply(LEAF, "www.example. A", Rcode.NOERROR, true, List.of("www.example. 300 A 192.0.2.80"),
            List.of(), List.of());

    assertThat(servers.resolve("www.example.", Type.A)).isInstanceOf(Resolution.Answer.class);
  }

  @Test
  @DisplayName("iter_lame_aaaa: an authoritative upward referral (to the root) is lame, not NODATA")
  void upwardReferralFlaggedAuthoritative_isLame() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "example. AAAA", Rcode.NOERROR, false, List.of(),
            List.of("example. 86400 NS ns.example."), List.of("ns.example. 86400 A 192.0.2.3"))
        .reply(LEAF, "example. AAAA", Rcode.NOERROR, true, List.of(),
            List.of(". 86400 NS a.root."), List.of("a.root. 86400 A 192.0.2.1"));

    assertThat(servers.resolve("example.", Type.AAAA)).isInstanceOfSatisfying(Resolution.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED));
  }
}
