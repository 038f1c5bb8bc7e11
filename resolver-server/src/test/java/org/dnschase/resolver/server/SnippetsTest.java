package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.Test;

/** The javadoc's sample does what its text says. */
class SnippetsTest {

  @Test
  void serveSample_answersOverTheWire() {
    try (TestHierarchy lab = TestHierarchy.builder().zones(ServerLab.TREE).build()) {
      Snippets.Served served = Snippets.serve(RootHints.of(lab.rootHints()), lab.port(), 0, 0);
      DnsServer server = served.server();
      try {
        assertThat(server.controlAddress()).isPresent();
        Peers.Output dig = Peers.dig(server.addresses().get(0), "web.shop.example.", "A");
        assertThat(dig.answers()).containsExactly("web.shop.example. 3600 IN A 192.0.2.80");
      } finally {
        server.close();
        served.resolver().close();
      }
    }
  }
}
