package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.testkit.Client.lines;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The example of the package documentation, run: a walk down from the root hints. */
class UsageExampleTest {

  @Test
  @DisplayName("RFC 1034 §5.3.3: a walk from the root hints reaches the answer in three queries")
  void walkFromRootHints_reachesAnswer() throws Exception {
    try (TestHierarchy dns = TestHierarchy.builder()
        .zone(StandardHierarchy.ROOT)
        .zone(StandardHierarchy.TEST)
        .zone(StandardHierarchy.EXAMPLE)
        .build()) {
      Map<Name, List<InetAddress>> hints = dns.rootHints();
      assertThat(hints).containsOnlyKeys(Name.fromConstantString("a.root.test."));

      Message reply = walk(dns, hints.values().iterator().next().get(0), "www.example.test.");

      assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
      assertThat(lines(reply, Section.ANSWER)).containsExactly(
          "www.example.test. 300 IN A 127.0.0.80", "www.example.test. 300 IN A 127.0.0.81");
      assertThat(dns.queries()).extracting(RecordedQuery::server).containsExactly(
          StandardHierarchy.ROOT_SERVER, StandardHierarchy.TLD_SERVER, StandardHierarchy.EXAMPLE_SERVER);
      assertThat(dns.server(StandardHierarchy.EXAMPLE_SERVER).queryCount()).isEqualTo(1);
    }
  }

  /** Follows referrals by their glue until a server answers with AA. */
  private static Message walk(TestHierarchy dns, InetAddress start, String name) throws Exception {
    InetAddress next = start;
    for (int referrals = 0; referrals < 5; referrals++) {
      Message reply = Client.udp(dns.server(next), Client.query(name, Type.A));
      if (reply.getHeader().getFlag(Flags.AA)) {
        return reply;
      }
      next = ((ARecord) reply.getSection(Section.ADDITIONAL).get(0)).getAddress();
    }
    throw new AssertionError("no answer after 5 referrals");
  }
}
