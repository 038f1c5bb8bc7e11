package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
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
}
