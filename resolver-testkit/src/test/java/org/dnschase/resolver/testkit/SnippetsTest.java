package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.testkit.Client.lines;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The javadoc's samples that need no resolver do what their text says. */
class SnippetsTest {

  @Test
  void hierarchySample_servesTheRootHintsItComments() throws Exception {
    assertThat(Snippets.hierarchy()).isEqualTo("{a.root.test.=[a.root.test./127.53.0.1]} port true asked 0");
  }

  @Test
  void treeSample_writesTheDelegationAndGlueItComments() {
    assertThat(Snippets.tree()).contains("test. SOA ns.nic.test.", "test. NS ns.nic.test.",
        "ns.nic.test. A 127.53.0.2", "example.test. NS ns1.example.test.", "ns1.example.test. A 127.53.0.3");
  }

  @Test
  void dispatcherSample_answersAaaaEmptyAndTheRestFromTheZones() throws Exception {
    try (TestHierarchy dns = TestHierarchy.builder()
        .zone(StandardHierarchy.ROOT).zone(StandardHierarchy.TEST).zone(StandardHierarchy.EXAMPLE).build()) {
      AuthServer server = dns.server(StandardHierarchy.EXAMPLE_SERVER);
      Snippets.dispatch(server);

      Message aaaa = Client.udp(server, Client.query("www.example.test.", Type.AAAA));
      Message a = Client.udp(server, Client.query("www.example.test.", Type.A));

      assertThat(aaaa.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(lines(aaaa, Section.ANSWER)).isEmpty();
      assertThat(lines(a, Section.ANSWER)).isNotEmpty();
    }
  }
}
