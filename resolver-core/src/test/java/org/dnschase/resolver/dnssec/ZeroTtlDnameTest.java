package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * RFC 1035 §3.2.1, RFC 2181 §8: a record of TTL 0 is used for the transaction in progress only
 * and not cached. A signed DNAME of TTL 0 answers the question that fetched it, SECURE, with the
 * target looked up in its own zone; the next name under it is asked of the DNAME's server again,
 * where Unbound keeps such a DNAME for synthesis during a grace second.
 */
class ZeroTtlDnameTest {

  private static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("lab.", "ns1", "127.53.1.1")
      .zone("example.lab.", "ns", "127.53.10.1", """
          moved    0    DNAME other.lab.
          """)
      .zone("other.lab.", "ns", "127.53.11.1", """
          foo      300  A     192.0.2.50
          foo2     300  A     192.0.2.51
          """)
      .build();

  private TestHierarchy lab;
  private InetAddress dnameServer;

  @BeforeEach
  void start() throws UnknownHostException {
    lab = TestHierarchy.builder().zones(TREE).signed(SignedLab.SIGNING).build();
    dnameServer = InetAddress.getByName("127.53.10.1");
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  @Test
  @DisplayName("RFC 2181 §8: a TTL-0 DNAME answers the question in progress, SECURE, with an effective TTL of 0")
  void zeroTtlDname_answersTheQuestionInProgress() throws UnknownHostException {
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution result = resolver.resolve("foo.moved.example.lab.", Type.A);

      assertThat(result).isInstanceOfSatisfying(Resolution.Answer.class, answer -> {
        assertThat(answer.rrset().first().rdataToString()).isEqualTo("192.0.2.50");
        assertThat(answer.chain()).extracting(Hop::kind).containsExactly(Hop.Kind.DNAME);
        assertThat(answer.ttl()).isEqualTo(Duration.ZERO);
      });
      assertThat(result.security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("RFC 1035 §3.2.1: a TTL-0 DNAME is not cached; the next name under it is asked of its server again")
  void zeroTtlDname_isNotCached() throws UnknownHostException {
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      resolver.resolve("foo.moved.example.lab.", Type.A);
      lab.clearQueries();

      Resolution next = resolver.resolve("foo2.moved.example.lab.", Type.A);

      assertThat(next).isInstanceOf(Resolution.Answer.class);
      assertThat(next.chain()).extracting(Hop::source).doesNotContain(Hop.Source.CACHE);
      assertThat(lab.queries()).filteredOn(query -> query.server().equals(dnameServer)
          && query.qname().equals(Name.fromConstantString("foo2.moved.example.lab."))).hasSize(1);
    }
  }
}
