package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * A referral is the referring server's word on whom to ask next, addresses included: one that
 * names 13 servers with 20 addresses each, every one of them lame at once (REFUSED), could turn a
 * single question into a resolution's whole query budget sent to addresses a hostile server
 * chose. The servers of one delegation get at most 32 queries for a name (Unbound's
 * max-sent-count), and the resolution then fails as one whose servers all failed.
 */
class WideReferralTest {

  private static final int NAME_SERVERS = 13;
  private static final int ADDRESSES_EACH = 20;

  @Test
  @DisplayName("Unbound's max-sent-count: a referral to 260 addresses that all answer REFUSED costs at most 32 "
      + "queries to them, and fails naming the zone")
  void aWideReferral_costsAtMost32QueriesToItsServers() {
    CannedServers servers = new CannedServers();
    List<String> nameServers = new ArrayList<>();
    List<String> glue = new ArrayList<>();
    List<InetAddress> addresses = new ArrayList<>();
    for (int n = 0; n < NAME_SERVERS; n++) {
      nameServers.add("wide. 3600 NS ns" + n + ".wide.");
      for (int a = 0; a < ADDRESSES_EACH; a++) {
        InetAddress address = documentationAddress(n * ADDRESSES_EACH + a);
        glue.add("ns" + n + ".wide. 3600 A " + address.getHostAddress());
        addresses.add(address);
        servers.reply(address, "www.wide. A", Rcode.REFUSED, false, List.of(), List.of(), List.of());
      }
    }
    servers.reply(CannedServers.ROOT, "www.wide. A", Rcode.NOERROR, false, List.of(), nameServers, glue);

    Resolution result = servers.resolve("www.wide.", Type.A);

    assertThat(result).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED);
      assertThat(failure.detail()).contains("wide.");
    });
    assertThat(addresses.stream().mapToLong(servers::askedOf).sum()).isLessThanOrEqualTo(32);
  }

  /** The {@code i}-th address of 198.51.100.0/24, then of 203.0.113.0/24 (RFC 5737). */
  private static InetAddress documentationAddress(int i) {
    return CannedServers.address(i < 254 ? "198.51.100." + (i + 1) : "203.0.113." + (i - 253));
  }
}
