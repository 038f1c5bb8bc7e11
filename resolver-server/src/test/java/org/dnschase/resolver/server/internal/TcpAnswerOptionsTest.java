package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CookieOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TcpKeepaliveOption;
import org.xbill.DNS.Type;

/**
 * RFC 7828 and RFC 7830: whether a query offers edns-tcp-keepalive or Padding, read from its octets,
 * and the answer's TIMEOUT and padding.
 */
class TcpAnswerOptionsTest {

  private static byte[] query(EDNSOption... options) {
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString("www.example."), Type.A, DClass.IN));
    query.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(options)), Section.ADDITIONAL);
    return query.toWire();
  }

  private static final EDNSOption PADDING = new GenericEDNSOption(EDNSOption.Code.PADDING, new byte[12]);

  @Test
  @DisplayName("RFC 7828 §3.2.1, RFC 7830 §3: the options offered, alone or among others, are found; not offered, not found")
  void offered_readFromTheOctets() {
    assertThat(TcpAnswerOptions.offered(query(new TcpKeepaliveOption())))
        .isEqualTo(new TcpAnswerOptions.Offered(true, false));
    assertThat(TcpAnswerOptions.offered(query(new CookieOption(new byte[8]), new TcpKeepaliveOption(), PADDING)))
        .isEqualTo(new TcpAnswerOptions.Offered(true, true));
    assertThat(TcpAnswerOptions.offered(query(PADDING))).isEqualTo(new TcpAnswerOptions.Offered(false, true));
    assertThat(TcpAnswerOptions.offered(query())).isEqualTo(TcpAnswerOptions.Offered.NOTHING);
    assertThat(TcpAnswerOptions.offered(query(new CookieOption(new byte[8])))).isEqualTo(TcpAnswerOptions.Offered.NOTHING);
    assertThat(TcpAnswerOptions.offered(Message.newQuery(
        Record.newRecord(Name.fromConstantString("www.example."), Type.A, DClass.IN)).toWire()))
        .isEqualTo(TcpAnswerOptions.Offered.NOTHING);
  }

  @Test
  @DisplayName("octets of any kind, cut anywhere, are read without an exception")
  void anyOctets_readSafely() {
    byte[] whole = query(new CookieOption(new byte[8]), new TcpKeepaliveOption(), PADDING);
    for (int length = 0; length <= whole.length; length++) {
      TcpAnswerOptions.offered(Arrays.copyOf(whole, length));
    }
    Random random = new Random(7828);
    for (int i = 0; i < 10_000; i++) {
      byte[] noise = new byte[random.nextInt(64)];
      random.nextBytes(noise);
      if (noise.length > 11) {
        noise[10] = 0;
        noise[11] = 1; // one additional record, so the reader goes past the header
      }
      TcpAnswerOptions.offered(noise);
    }
  }

  @Test
  @DisplayName("RFC 7828 §3.1: the answer's TIMEOUT is the idle timeout in units of 100 ms, at most 65,535 of them,"
      + " beside the answer's other options")
  void answer_carriesTheIdleTimeout() throws Exception {
    Message tenSeconds = new Message(TcpAnswerOptions.answer(answer().toWire(), KEEPALIVE, Duration.ofSeconds(10)));
    Message aDay = new Message(TcpAnswerOptions.answer(answer().toWire(), KEEPALIVE, Duration.ofDays(1)));

    assertThat(((TcpKeepaliveOption) tenSeconds.getOPT().getOptions(EDNSOption.Code.TCP_KEEPALIVE).get(0))
        .getTimeout()).hasValue(100);
    assertThat(((TcpKeepaliveOption) aDay.getOPT().getOptions(EDNSOption.Code.TCP_KEEPALIVE).get(0))
        .getTimeout()).hasValue(65_535);
    assertThat(tenSeconds.getQuestion()).isEqualTo(answer().getQuestion());
    assertThat(tenSeconds.getOPT().getOptions(EDNSOption.Code.PADDING)).isEmpty();
  }

  @ParameterizedTest(name = "keepalive offered too: {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("RFC 7830 §4, RFC 8467 §4.1: a query with the Padding option gets an answer padded to a multiple of"
      + " 468 octets, with zeros, its other options kept")
  void paddingOffered_answerPaddedToTheBlock(boolean keepalive) throws Exception {
    for (int records : new int[] {0, 1, 30, 60}) {
      byte[] padded = TcpAnswerOptions.answer(answer(records).toWire(), new TcpAnswerOptions.Offered(keepalive, true),
          Duration.ofSeconds(10));

      Message message = new Message(padded);
      assertThat(padded.length % TcpAnswerOptions.PADDING_BLOCK).as("%d records", records).isZero();
      assertThat(message.getOPT().getOptions(EDNSOption.Code.PADDING)).singleElement()
          .satisfies(option -> {
            byte[] wire = option.toWire(); // its code and length, then the padding
            assertThat(Arrays.copyOfRange(wire, 4, wire.length)).isEqualTo(new byte[wire.length - 4]);
          });
      assertThat(message.getOPT().getOptions(EDNSOption.Code.TCP_KEEPALIVE)).hasSize(keepalive ? 1 : 0);
      assertThat(message.getSection(Section.ANSWER)).hasSize(records);
    }
  }

  private static final TcpAnswerOptions.Offered KEEPALIVE = new TcpAnswerOptions.Offered(true, false);

  private static Message answer() throws UnknownHostException {
    return answer(0);
  }

  /** A NOERROR answer with an OPT record and {@code records} A records. */
  private static Message answer(int records) throws UnknownHostException {
    Message answer = Answers.error(Message.newQuery(Record.newRecord(Name.fromConstantString("www.example."),
        Type.A, DClass.IN)), Rcode.NOERROR);
    answer.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    for (int i = 0; i < records; i++) {
      answer.addRecord(new ARecord(Name.fromConstantString("www.example."), DClass.IN, 300,
          InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) i})), Section.ANSWER);
    }
    return answer;
  }
}
