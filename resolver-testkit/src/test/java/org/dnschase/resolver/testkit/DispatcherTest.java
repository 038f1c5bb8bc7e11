package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.testkit.Client.lines;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class DispatcherTest {
  private final TestHierarchy dns = StandardHierarchy.start();
  private final AuthServer example = dns.server(StandardHierarchy.EXAMPLE_SERVER);

  @AfterEach
  void close() {
    dns.close();
  }

  @Test
  @DisplayName("A scripted dispatcher answers instead of the zones and can delegate to them")
  void scriptedDispatcher_replacesZoneAnswers() throws Exception {
    Dispatcher zones = example.zoneDispatcher();
    example.setDispatcher(query -> query.qtype() == Type.AAAA
        ? Dispatcher.replyTo(query.message())
        : zones.dispatch(query));

    Message aaaa = Client.udp(example, Client.query("www.example.test.", Type.AAAA));
    Message a = Client.udp(example, Client.query("www.example.test.", Type.A));

    assertThat(aaaa.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(aaaa.getHeader().getFlag(Flags.AA)).isFalse();
    assertThat(aaaa.getSection(Section.AUTHORITY)).isEmpty();
    assertThat(a.getSection(Section.ANSWER)).hasSize(2);
    assertThat(example.queryCount()).isEqualTo(2);
  }

  @Test
  @DisplayName("RFC 1035 §4.2.1: a scripted reply too big for UDP is truncated like any other")
  void scriptedReply_followsTransportRules() throws Exception {
    example.setDispatcher(query -> {
      Message reply = Dispatcher.replyTo(query.message());
      for (int i = 0; i < 30; i++) {
        reply.addRecord(new TXTRecord(query.qname(), DClass.IN, 60, "line " + i + "x".repeat(30)),
            Section.ANSWER);
      }
      return reply;
    });

    Message udp = Client.udp(example, Client.query("big.example.test.", Type.TXT));
    Message tcp = Client.tcp(example, Client.query("big.example.test.", Type.TXT));

    assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(tcp.getSection(Section.ANSWER)).hasSize(30);
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: a dispatcher that throws makes the server answer SERVFAIL")
  void failingDispatcher_isServFail() throws Exception {
    example.setDispatcher(query -> {
      throw new IllegalStateException("scripted failure");
    });

    Message reply = Client.udp(example, Client.query("www.example.test.", Type.A));

    assertThat(reply.getRcode()).isEqualTo(Rcode.SERVFAIL);
  }

  @Test
  @DisplayName("setDispatcher(zoneDispatcher()) restores the zone answers")
  void zoneDispatcher_restores() throws Exception {
    example.setDispatcher(query -> Dispatcher.replyTo(query.message()));
    example.setDispatcher(example.zoneDispatcher());

    Message reply = Client.udp(example, Client.query("www.example.test.", Type.A));

    assertThat(lines(reply, Section.ANSWER)).hasSize(2);
  }
}
