package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * A name server's address only says where to send questions: the answers it gives are validated on
 * their own, up the zone's chain of trust. So a glueless delegation whose name server's address
 * comes from a zone that fails validation still reaches the delegated zone, whose signed data then
 * validates SECURE (Unbound does not validate its look-ups of name-server addresses at all). The
 * address itself stays BOGUS to anyone who asks for it.
 *
 * <pre>
 *   alpha.lab.  NS ns.beta.lab.   (no glue)
 *   ns.beta.lab. A 127.53.10.1   its signature expired
 * </pre>
 */
class BogusNameServerAddressTest {

  private static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("lab.", "ns1", "127.53.1.1")
      .zone("beta.lab.", "ns1", "127.53.11.1", "www 300 A 192.0.2.2\n")
      .zone("alpha.lab.", alpha -> alpha.server("ns.beta.lab.", "127.53.10.1").records("www 300 A 192.0.2.1\n"))
      .build();

  @Test
  @DisplayName("RFC 4035 §5: a BOGUS name-server address still leads to the zone it serves, whose own data validates "
      + "SECURE; asked for itself, the address is BOGUS")
  void bogusNameServerAddress_stillReachesASecureZone() {
    try (TestHierarchy lab = TestHierarchy.builder().zones(TREE).signed(SignedLab.SIGNING)
            .signed("beta.lab.", SignedLab.SIGNING.withBreakage(Breakage.expiredSignature("ns.beta.lab.", Type.A)))
            .build();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution www = resolver.resolve("www.alpha.lab.", Type.A);
      Resolution address = resolver.resolve("ns.beta.lab.", Type.A);

      assertThat(www).isInstanceOf(Resolution.Answer.class);
      assertThat(www.security()).isEqualTo(Security.SECURE);
      assertThat(address).isInstanceOfSatisfying(Resolution.Failure.class,
          failure -> assertThat(failure.reason()).isEqualTo(FailureReason.DNSSEC_BOGUS));
    }
  }
}
