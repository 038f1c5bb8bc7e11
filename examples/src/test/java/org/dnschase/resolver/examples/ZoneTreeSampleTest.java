package org.dnschase.resolver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * The README's sample of a user's own test against a fake DNS tree: a delegated zone described
 * with the testkit's {@link ZoneTree}, served on loopback, resolved from its root. The README
 * shows the region verbatim ({@code SamplesTest}).
 */
class ZoneTreeSampleTest {

  @Test
  void delegatedZone_resolvesFromTheRoot() throws IOException {
    // @start region=zone-tree
    ZoneTree tree = ZoneTree.builder()
        .root("a.root.test.", "127.53.0.1")
        .zone("test.", "ns.nic")                        // an address from 127.53.0.0/16 is picked
        .zone("example.test.", "ns1", "127.53.0.3", """
            www   300 CNAME web
            web   300 A     192.0.2.80
            """)
        .build();
    try (TestHierarchy dns = TestHierarchy.builder().zones(tree).build();
        Resolver resolver = Resolver.builder()
            .rootHints(RootHints.of(dns.rootHints())).upstreamPort(dns.port()).loopbackOnly().build()) {
      Resolution result = resolver.resolve("www.example.test.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(result.chain()).extracting(hop -> hop.target().toString()).containsExactly("web.example.test.");
      assertThat(dns.server(InetAddress.getByName("127.53.0.3")).queryCount()).isPositive();
    }
    // @end
  }
}
