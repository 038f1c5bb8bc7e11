package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CookieOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TcpKeepaliveOption;
import org.xbill.DNS.Type;

/** RFC 7828: whether a query offers edns-tcp-keepalive, read from its octets, and the answer's TIMEOUT. */
class TcpKeepaliveTest {

  private static byte[] query(EDNSOption... options) {
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString("www.example."), Type.A, DClass.IN));
    query.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(options)), Section.ADDITIONAL);
    return query.toWire();
  }

  @Test
  @DisplayName("RFC 7828 §3.2.1: the option offered, alone or among others, is found; not offered, not found")
  void offered_readFromTheOctets() {
    assertThat(TcpKeepalive.offered(query(new TcpKeepaliveOption()))).isTrue();
    assertThat(TcpKeepalive.offered(query(new CookieOption(new byte[8]), new TcpKeepaliveOption()))).isTrue();
    assertThat(TcpKeepalive.offered(query())).isFalse();
    assertThat(TcpKeepalive.offered(query(new CookieOption(new byte[8])))).isFalse();
    assertThat(TcpKeepalive.offered(Message.newQuery(
        Record.newRecord(Name.fromConstantString("www.example."), Type.A, DClass.IN)).toWire())).isFalse();
  }

  @Test
  @DisplayName("octets of any kind, cut anywhere, are read without an exception")
  void anyOctets_readSafely() {
    byte[] whole = query(new CookieOption(new byte[8]),
        new TcpKeepaliveOption());
    for (int length = 0; length <= whole.length; length++) {
      TcpKeepalive.offered(Arrays.copyOf(whole, length));
    }
    Random random = new Random(7828);
    for (int i = 0; i < 10_000; i++) {
      byte[] noise = new byte[random.nextInt(64)];
      random.nextBytes(noise);
      if (noise.length > 11) {
        noise[10] = 0;
        noise[11] = 1; // one additional record, so the reader goes past the header
      }
      TcpKeepalive.offered(noise);
    }
  }

  @Test
  @DisplayName("RFC 7828 §3.1: the answer's TIMEOUT is the idle timeout in units of 100 ms, at most 65,535 of them,"
      + " beside the answer's other options")
  void answer_carriesTheIdleTimeout() throws Exception {
    Message answer = Answers.error(Message.newQuery(Record.newRecord(Name.fromConstantString("www.example."),
        Type.A, DClass.IN)), Rcode.NOERROR);
    answer.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);

    Message tenSeconds = new Message(TcpKeepalive.withTimeout(answer.toWire(), Duration.ofSeconds(10)));
    Message aDay = new Message(TcpKeepalive.withTimeout(answer.toWire(), Duration.ofDays(1)));

    assertThat(((TcpKeepaliveOption) tenSeconds.getOPT().getOptions(EDNSOption.Code.TCP_KEEPALIVE).get(0))
        .getTimeout()).hasValue(100);
    assertThat(((TcpKeepaliveOption) aDay.getOPT().getOptions(EDNSOption.Code.TCP_KEEPALIVE).get(0))
        .getTimeout()).hasValue(65_535);
    assertThat(tenSeconds.getQuestion()).isEqualTo(answer.getQuestion());
  }
}
