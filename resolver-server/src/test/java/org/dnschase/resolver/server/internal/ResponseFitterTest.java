package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** An answer fitted into the room UDP gives it: optional records go first, then TC. */
class ResponseFitterTest {

  private static final Name ZONE = Name.fromConstantString("example.");
  private static final Name WWW = Name.fromConstantString("www.example.");

  private static Message answer() {
    Message answer = new Message(7);
    answer.getHeader().setFlag(Flags.QR);
    answer.addRecord(Record.newRecord(WWW, Type.A, DClass.IN), Section.QUESTION);
    answer.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    return answer;
  }

  private static Message parse(byte[] wire) throws IOException {
    return new Message(wire);
  }

  @Test
  @DisplayName("an answer that fits goes out whole, TC clear")
  void fits_untouched() throws IOException {
    Message answer = answer();
    answer.addRecord(new ARecord(WWW, DClass.IN, 300, new byte[] {(byte) 192, 0, 2, 1}), Section.ANSWER);

    Message sent = parse(ResponseFitter.fit(answer, 512));

    assertThat(sent.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(sent.getSection(Section.ANSWER)).hasSize(1);
  }

  @Test
  @DisplayName("a negative answer too big loses the NS records beside its SOA before anything else, TC clear")
  void negative_dropsNameServersFirst() throws Exception {
    Message answer = answer();
    answer.getHeader().setRcode(Rcode.NXDOMAIN);
    answer.addRecord(new SOARecord(ZONE, DClass.IN, 300, Name.fromConstantString("ns1.example."),
        Name.fromConstantString("host.example."), 1, 3600, 600, 86400, 300), Section.AUTHORITY);
    for (int i = 0; i < 40; i++) {
      answer.addRecord(new NSRecord(ZONE, DClass.IN, 300, Name.fromConstantString("ns" + i + ".provider-" + i + ".test.")),
          Section.AUTHORITY);
    }

    Message sent = parse(ResponseFitter.fit(answer, 512));

    assertThat(sent.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(sent.getSection(Section.AUTHORITY)).singleElement().isInstanceOf(SOARecord.class);
    assertThat(sent.getOPT()).as("RFC 6891 §7: the OPT record stays").isNotNull();
  }

  @Test
  @DisplayName("RFC 2181 §9: an answer section that does not fit sets TC, and the OPT record stays")
  void bigAnswer_truncated() throws IOException {
    Message answer = answer();
    for (int i = 0; i < 10; i++) {
      answer.addRecord(new TXTRecord(WWW, DClass.IN, 300, "x".repeat(200) + i), Section.ANSWER);
    }

    byte[] wire = ResponseFitter.fit(answer, 1232);
    Message sent = parse(wire);

    assertThat(wire.length).isLessThanOrEqualTo(1232);
    assertThat(sent.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(sent.getOPT()).isNotNull();
    assertThat(parse(ResponseFitter.fit(answer, ResponseFitter.TCP_PAYLOAD)).getSection(Section.ANSWER)).hasSize(10);
  }
}
