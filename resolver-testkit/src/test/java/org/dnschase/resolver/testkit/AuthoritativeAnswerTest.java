package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.testkit.Client.lines;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class AuthoritativeAnswerTest {
  private final TestHierarchy dns = StandardHierarchy.start();
  private final AuthServer example = dns.server(StandardHierarchy.EXAMPLE_SERVER);

  @AfterEach
  void close() {
    dns.close();
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a: an A RRset answered with AA, in zone-file order")
  void a_isAuthoritative() throws Exception {
    SimpleResolver resolver = new SimpleResolver(example.socketAddress());
    resolver.setTimeout(Duration.ofSeconds(3));

    Message reply = resolver.send(Message.newQuery(
        Record.newRecord(Name.fromConstantString("www.example.test."), Type.A, DClass.IN)));

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(lines(reply, Section.ANSWER)).containsExactly(
        "www.example.test. 300 IN A 127.0.0.80", "www.example.test. 300 IN A 127.0.0.81");
    assertThat(reply.getSection(Section.AUTHORITY)).isEmpty();
  }

  @Test
  @DisplayName("RFC 1035 §3.3.11: an NS answer carries the zone's addresses of its targets, as a priming reply")
  void nsAnswer_carriesTargetAddresses() throws Exception {
    Message apex = Client.udp(example, Client.query("example.test.", Type.NS));
    Message root = Client.udp(dns.server(StandardHierarchy.ROOT_SERVER), Client.query(".", Type.NS));

    assertThat(lines(apex, Section.ADDITIONAL)).containsExactly("ns1.example.test. 300 IN A 127.53.0.3");
    assertThat(lines(root, Section.ADDITIONAL)).containsExactly("a.root.test. 86400 IN A 127.53.0.1");
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: the reply echoes ID, question and RD, sets QR")
  void reply_echoesIdQuestionAndRd() throws Exception {
    Message query = Client.query("WWW.Example.TEST.", Type.A);
    query.getHeader().setFlag(Flags.RD);

    Message reply = Client.udp(example, query);

    assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
    assertThat(reply.getQuestion().getName().toString()).isEqualTo("WWW.Example.TEST.");
    assertThat(reply.getHeader().getFlag(Flags.QR)).isTrue();
    assertThat(reply.getHeader().getFlag(Flags.RD)).isTrue();
    assertThat(reply.getHeader().getFlag(Flags.RA)).isFalse();
    assertThat(reply.getSection(Section.ANSWER)).hasSize(2);
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: RD clear in the query stays clear in the reply")
  void rdClear_staysClear() throws Exception {
    Message reply = Client.udp(example, Client.query("www.example.test.", Type.A));

    assertThat(reply.getHeader().getFlag(Flags.RD)).isFalse();
  }

  @Test
  @DisplayName("RFC 6891 §7: a query with OPT gets an OPT back, one without gets none")
  void opt_onlyWhenAsked() throws Exception {
    Message withEdns = Client.udp(example, Client.ednsQuery("www.example.test.", Type.A, 1232));
    Message without = Client.udp(example, Client.query("www.example.test.", Type.A));

    assertThat(withEdns.getOPT()).isNotNull();
    assertThat(withEdns.getOPT().getPayloadSize()).isEqualTo(Replies.EDNS_PAYLOAD);
    assertThat(without.getOPT()).isNull();
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a: the apex NS RRset is authoritative data")
  void apexNs_isAnswer() throws Exception {
    Message reply = Client.udp(example, Client.query("example.test.", Type.NS));

    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(lines(reply, Section.ANSWER)).containsExactly("example.test. 300 IN NS ns1.example.test.");
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a: answers over TCP are the same as over UDP")
  void tcp_answersTheSame() throws Exception {
    Message reply = Client.tcp(example, Client.query("www.example.test.", Type.A));

    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(lines(reply, Section.ANSWER)).containsExactly(
        "www.example.test. 300 IN A 127.0.0.80", "www.example.test. 300 IN A 127.0.0.81");
  }
}
