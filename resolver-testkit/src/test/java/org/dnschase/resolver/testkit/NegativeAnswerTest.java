package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.testkit.Client.lines;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class NegativeAnswerTest extends ExampleZoneTest {
  /** The SOA TTL in negative answers is min(TTL 300, MINIMUM 60). */
  private static final String SOA =
      "example.test. 60 IN SOA ns1.example.test. hostmaster.example.test. 2024010101 1800 900 604800 60";

  @Test
  @DisplayName("RFC 2308 §2.1 and §3: NXDOMAIN with AA and the zone SOA in authority")
  void missingName_isNxDomainWithSoa() throws Exception {
    Message reply = ask("nope.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    assertThat(lines(reply, Section.AUTHORITY)).containsExactly(SOA);
  }

  @Test
  @DisplayName("RFC 2308 §2.2: NODATA is NOERROR, an empty answer and the SOA in authority")
  void missingType_isNoDataWithSoa() throws Exception {
    Message reply = ask("www.example.test.", Type.AAAA);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    assertThat(lines(reply, Section.AUTHORITY)).containsExactly(SOA);
  }

  @Test
  @DisplayName("RFC 8020 §2: an empty non-terminal exists, so it is NODATA, not NXDOMAIN")
  void emptyNonTerminal_isNoData() throws Exception {
    Message reply = ask("ent.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(lines(reply, Section.AUTHORITY)).containsExactly(SOA);
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: a name in no zone of the server is REFUSED with empty sections")
  void foreignName_isRefused() throws Exception {
    Message reply = ask("www.elsewhere.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.REFUSED);
    assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    assertThat(reply.getSection(Section.AUTHORITY)).isEmpty();
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: a class other than IN is REFUSED")
  void otherClass_isRefused() throws Exception {
    Message query = Message.newQuery(
        Record.newRecord(Name.fromConstantString("www.example.test."), Type.A, DClass.CH));

    Message reply = Client.udp(example, query);

    assertThat(reply.getRcode()).isEqualTo(Rcode.REFUSED);
  }
}
