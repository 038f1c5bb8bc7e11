package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Dispatcher;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * A zone served by its parent's server is answered without a referral, so its DS is asked of
 * that server (RFC 4035 §5.2); when the server fails that look-up, the zone's data cannot be
 * checked, and the failure says the DS was not to be had, a network failure (RFC 8914 §4.24,
 * as Unbound reports it), not a key that is missing.
 */
class DsLookupFailureTest {

  private static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("lab.", "ns1", "127.53.1.1")
      .zone("alpha.lab.", "ns", "127.53.10.1", "www 300 A 192.0.2.1")
      .zone("sub.alpha.lab.", "ns.alpha.lab.", "127.53.10.1", "www 300 A 192.0.2.2")
      .build();

  @Test
  @DisplayName("RFC 4035 §5.2: a DS look-up the parent's server fails ends BOGUS, DS_UNAVAILABLE")
  void failedDsLookup_isDsUnavailable() throws UnknownHostException {
    try (TestHierarchy lab = TestHierarchy.builder().zones(TREE).signed(SignedLab.SIGNING).build();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      AuthServer shared = lab.server(InetAddress.getByName("127.53.10.1"));
      Dispatcher zones = shared.zoneDispatcher();
      shared.setDispatcher(query -> query.qtype() == Type.DS ? servfail(query.message()) : zones.dispatch(query));

      Resolution resolution = resolver.resolve("www.sub.alpha.lab.", Type.A);

      assertThat(resolution).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.DNSSEC_BOGUS);
        assertThat(failure.bogusReason()).isEqualTo(BogusReason.DS_UNAVAILABLE);
      });
    }
  }

  private static Message servfail(Message query) {
    Message reply = Dispatcher.replyTo(query);
    reply.getHeader().setRcode(Rcode.SERVFAIL);
    return reply;
  }
}
