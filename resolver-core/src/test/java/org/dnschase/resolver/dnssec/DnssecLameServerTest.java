package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Dispatcher;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A DNSSEC-lame server (one that answers a signed zone without its signatures) is not the end of a
 * resolution: the zone's other servers are asked before the data is found BOGUS, as Unbound does.
 */
class DnssecLameServerTest {

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("lab.", "ns1", "127.53.1.1")
      .zone("alpha.lab.", zone -> zone.server("ns1", "127.53.10.1").server("ns2", "127.53.10.2")
          .records("www 300 A 192.0.2.1\n"))
      .build();

  @Lab("start") static TestHierarchy lab;

  /** The hierarchy the tests run against, started. */
  static TestHierarchy start() {
    return TestHierarchy.builder().zones(TREE).signed(SignedLab.SIGNING).build();
  }

  @Test
  @DisplayName("RFC 4035 §5: an answer stripped of its RRSIGs by one server is asked of the zone's other server, SECURE")
  void unsignedAnswerFromOneServer_otherServerAsked() throws Exception {
    AtomicInteger stripped = new AtomicInteger();
    AuthServer one = lab.server(InetAddress.getByName("127.53.10.1"));
    AuthServer two = lab.server(InetAddress.getByName("127.53.10.2"));
    one.setDispatcher(lameFirst(one.zoneDispatcher(), stripped));
    two.setDispatcher(lameFirst(two.zoneDispatcher(), stripped));
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution result = resolver.resolve("www.alpha.lab.", Type.A);

      assertThat(stripped).hasValue(1);
      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(result.security()).isEqualTo(Security.SECURE);
    } finally {
      one.setDispatcher(one.zoneDispatcher());
      two.setDispatcher(two.zoneDispatcher());
    }
  }

  /** The zone's answers, but the first A answer of either server goes out without its RRSIGs. */
  private static Dispatcher lameFirst(Dispatcher zone, AtomicInteger stripped) {
    return query -> {
      Message reply = zone.dispatch(query);
      if (query.qtype() == Type.A && stripped.compareAndSet(0, 1)) {
        for (Record record : reply.getSection(Section.ANSWER)) {
          if (record.getType() == Type.RRSIG) {
            reply.removeRecord(record, Section.ANSWER);
          }
        }
      }
      return reply;
    };
  }
}
