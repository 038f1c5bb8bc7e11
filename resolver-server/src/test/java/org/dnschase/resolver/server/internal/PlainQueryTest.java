package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.spi.Responses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CookieOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The plain query's short way through the server (read without building the message, answered
 * from the kept octets) gives the very octets of the full way: the message decoded, the outcome
 * encoded for it. Every query of another shape is left to the full decoder.
 */
class PlainQueryTest {

  private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40_000);
  private static final Name WWW = Name.fromConstantString("www.example.");
  private static final Name SIGNED = Name.fromConstantString("signed.example.");
  private static final Name BIG = Name.fromConstantString("big.example.");
  private static final Name GONE = Name.fromConstantString("gone.example.");

  private final FixedOutcomes resolver = new FixedOutcomes()
      .with(answer(WWW, Type.A, Security.INDETERMINATE, new ARecord(WWW, DClass.IN, 300, address(1))))
      .with(answer(SIGNED, Type.A, Security.SECURE, new ARecord(SIGNED, DClass.IN, 300, address(2))))
      .with(answer(BIG, Type.TXT, Security.INDETERMINATE, bigText()))
      .with(new Resolution.NxDomain(GONE, Type.A,
          new Resolution.Negative.Authority(soa(), List.of(), Duration.ofSeconds(300), List.of()), List.of(),
          Duration.ofSeconds(300), List.of(), List.of(), 0, Security.INDETERMINATE, false));
  private final QueryHandler handler = new QueryHandler(resolver, AllowList.of(AllowList.LOOPBACK), null, 100);

  private static Resolution answer(Name name, int type, Security security, Record... records) {
    RRset rrset = new RRset();
    Arrays.stream(records).forEach(rrset::addRR);
    return new Resolution.Answer(name, type, rrset, List.of(), Duration.ofSeconds(300), List.of(), List.of(), 0,
        security, List.of(), false);
  }

  private static byte[] address(int last) {
    return new byte[] {(byte) 192, 0, 2, (byte) last};
  }

  private static Record[] bigText() {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      records.add(new TXTRecord(BIG, DClass.IN, 300, ("text " + i + " ").repeat(12)));
    }
    return records.toArray(Record[]::new);
  }

  private static SOARecord soa() {
    Name zone = Name.fromConstantString("example.");
    return new SOARecord(zone, DClass.IN, 300, Name.fromConstantString("ns1.example."),
        Name.fromConstantString("hostmaster.example."), 1, 1800, 900, 604800, 300);
  }

  /** A query with RD, as stubs ask, then changed by {@code change}. */
  private static byte[] query(int id, String name, int type, Consumer<Message> change) {
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
    query.getHeader().setID(id);
    change.accept(query);
    return query.toWire();
  }

  private static Consumer<Message> flag(int flag, boolean set) {
    return query -> {
      if (set) {
        query.getHeader().setFlag(flag);
      } else {
        query.getHeader().unsetFlag(flag);
      }
    };
  }

  private static Consumer<Message> edns(int payload, int flags) {
    return query -> query.addRecord(new OPTRecord(payload, 0, 0, flags), Section.ADDITIONAL);
  }

  /** The full way's answer to {@code wire} over UDP or TCP: the query decoded, the outcome encoded for it. */
  private byte[] fullWay(byte[] wire, boolean overTcp) throws IOException {
    Request.Query query = (Request.Query) RequestDecoder.decode(wire);
    int room = overTcp ? ResponseFitter.TCP_PAYLOAD : query.udpPayload();
    Resolution outcome = resolver.outcome(query.question().getName(), query.question().getType());
    return ResponseFitter.fit(Responses.ExtendedErrors.add(Responses.toMessage(outcome, query.query()), outcome),
        room);
  }

  /** Plain queries, each in two spellings, the second to be answered from the octets kept for the first. */
  static Stream<List<byte[]>> plainQueries() {
    return Stream.of(
        List.of(query(1, "www.example.", Type.A, q -> {}), query(2, "wWw.ExAmple.", Type.A, q -> {})),
        List.of(query(3, "www.example.", Type.A, flag(Flags.RD, false)),
            query(4, "WWW.EXAMPLE.", Type.A, flag(Flags.RD, false))),
        List.of(query(5, "www.example.", Type.A, flag(Flags.CD, true)),
            query(6, "Www.Example.", Type.A, flag(Flags.CD, true))),
        List.of(query(7, "signed.example.", Type.A, flag(Flags.AD, true)),
            query(8, "SIGNED.example.", Type.A, flag(Flags.AD, true))),
        List.of(query(9, "signed.example.", Type.A, q -> {}), query(10, "signed.EXAMPLE.", Type.A, q -> {})),
        List.of(query(11, "big.example.", Type.TXT, q -> {}), query(12, "BIG.example.", Type.TXT, q -> {})),
        List.of(query(13, "gone.example.", Type.A, q -> {}), query(14, "gOnE.example.", Type.A, q -> {})),
        List.of(query(15, "www.example.", Type.A, edns(1232, 0)), query(16, "WWW.example.", Type.A, edns(1232, 0))),
        List.of(query(17, "signed.example.", Type.A, edns(1232, ExtendedFlags.DO)),
            query(18, "Signed.Example.", Type.A, edns(1232, ExtendedFlags.DO))),
        List.of(query(19, "big.example.", Type.TXT, edns(4096, 0)), query(20, "bIg.example.", Type.TXT, edns(4096, 0))),
        List.of(query(21, "big.example.", Type.TXT, edns(100, 0)), query(22, "big.EXAMPLE.", Type.TXT, edns(100, 0))),
        List.of(query(23, "big.example.", Type.TXT, edns(700, 0)), query(24, "BIG.example.", Type.TXT, edns(700, 0))));
  }

  @ParameterizedTest
  @MethodSource("plainQueries")
  @DisplayName("a plain query is read as the decoder reads it: the same header, the question as spelt, the OPT record, the room")
  void plainQuery_readAsDecoded(List<byte[]> spellings) {
    for (byte[] wire : spellings) {
      PlainQuery plain = PlainQuery.read(wire, new QuestionNames());
      Request.Query decoded = (Request.Query) RequestDecoder.decode(wire);

      assertThat(plain).isNotNull();
      assertThat(plain.header().toWire()).isEqualTo(decoded.query().getHeader().toWire());
      assertThat(plain.name().toString()).isEqualTo(decoded.question().getName().toString());
      assertThat(plain.type()).isEqualTo(decoded.question().getType());
      assertThat(plain.udpPayload()).isEqualTo(decoded.udpPayload());
      assertThat(plain.opt()).isEqualTo(decoded.query().getOPT());
      assertThat(plain.questionEnd()).isEqualTo(Header.LENGTH + decoded.question().toWire(Section.QUESTION).length);
    }
  }

  @ParameterizedTest
  @MethodSource("plainQueries")
  @DisplayName("a plain query's message, made of the parts read, is the decoder's to the octet: header, question as spelt, OPT record")
  void plainQuery_messageAsDecoded(List<byte[]> spellings) {
    for (byte[] wire : spellings) {
      Message made = PlainQuery.read(wire, new QuestionNames()).message();

      assertThat(made.toWire()).isEqualTo(wire);
      assertThat(made.toWire()).isEqualTo(((Request.Query) RequestDecoder.decode(wire)).query().toWire());
    }
  }

  @ParameterizedTest
  @MethodSource("plainQueries")
  @DisplayName("a plain query's answer, encoded or from the kept octets, over UDP and TCP, is the full way's to the octet")
  void plainQuery_answeredAsTheFullWay(List<byte[]> spellings) throws IOException {
    for (boolean overTcp : new boolean[] {false, true}) {
      for (byte[] wire : spellings) {
        byte[] answer = handler.handle(wire, CLIENT, overTcp).now();

        assertThat(answer).isEqualTo(fullWay(wire, overTcp));
      }
    }
  }

  @Test
  @DisplayName("a plain answer too long for 512 octets is cut with TC set, as the full way cuts it")
  void bigPlainAnswer_truncated() throws IOException {
    byte[] answer = handler.handle(query(1, "big.example.", Type.TXT, q -> {}), CLIENT, false).now();

    assertThat(new Message(answer).getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(answer.length).isLessThanOrEqualTo(512);
  }

  /** Queries of every other shape, by what makes them so. */
  static Stream<Object[]> otherQueries() {
    byte[] plain = query(1, "www.example.", Type.A, q -> {});
    byte[] twoQuestions = query(1, "www.example.", Type.A,
        q -> q.addRecord(Record.newRecord(SIGNED, Type.A, DClass.IN), Section.QUESTION));
    byte[] withAnswer = query(1, "www.example.", Type.A,
        q -> q.addRecord(new ARecord(WWW, DClass.IN, 300, address(1)), Section.ANSWER));
    byte[] compressed = {0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, 'w', 'w', 'w', (byte) 0xC0, 0, 0, 1, 0, 1};
    return Stream.of(
        new Object[] {"EDNS version 1", query(1, "www.example.", Type.A,
            q -> q.addRecord(new OPTRecord(1232, 0, 1), Section.ADDITIONAL))},
        new Object[] {"an EDNS flag other than DO", query(1, "www.example.", Type.A, edns(1232, 0x4000))},
        new Object[] {"an extended rcode in the OPT record", query(1, "www.example.", Type.A,
            q -> q.addRecord(new OPTRecord(1232, 1, 0), Section.ADDITIONAL))},
        new Object[] {"an OPT record of another name", query(1, "www.example.", Type.A,
            q -> q.addRecord(Record.newRecord(WWW, Type.OPT, 1232, 0), Section.ADDITIONAL))},
        new Object[] {"an address record in the additional section", query(1, "www.example.", Type.A,
            q -> q.addRecord(new ARecord(WWW, DClass.IN, 300, address(1)), Section.ADDITIONAL))},
        new Object[] {"two OPT records", query(1, "www.example.", Type.A, edns(1232, 0).andThen(edns(1232, 0)))},
        new Object[] {"an EDNS option (COOKIE)", query(1, "www.example.", Type.A, q -> q.addRecord(new OPTRecord(
            1232, 0, 0, 0, List.of(new CookieOption(new byte[8]))), Section.ADDITIONAL))},
        new Object[] {"opcode NOTIFY", query(1, "www.example.", Type.A, q -> q.getHeader().setOpcode(Opcode.NOTIFY))},
        new Object[] {"class CH", Message.newQuery(Record.newRecord(WWW, Type.A, DClass.CH)).toWire()},
        new Object[] {"two questions", twoQuestions},
        new Object[] {"a record in the answer section", withAnswer},
        new Object[] {"a compressed question name", compressed},
        new Object[] {"an octet after the question", Arrays.copyOf(plain, plain.length + 1)},
        new Object[] {"a question cut short", Arrays.copyOf(plain, plain.length - 2)},
        new Object[] {"a header alone", Arrays.copyOf(plain, 12)},
        new Object[] {"QR set", query(1, "www.example.", Type.A, flag(Flags.QR, true))},
        new Object[] {"TC set", query(1, "www.example.", Type.A, flag(Flags.TC, true))},
        new Object[] {"a zone transfer", query(1, "www.example.", Type.AXFR, q -> {})});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherQueries")
  @DisplayName("a query of any other shape is left to the full decoder, also when its question was asked plain before")
  void otherShape_leftToTheDecoder(String what, byte[] wire) {
    QuestionNames known = new QuestionNames();
    PlainQuery.read(query(9, "www.example.", Type.A, q -> {}), known);

    assertThat(PlainQuery.read(wire, known)).isNull();
  }

  @Test
  @DisplayName("a question asked again in the same octets is the name read the first time; another spelling is read anew")
  void sameOctets_sameName() {
    QuestionNames known = new QuestionNames();

    PlainQuery first = PlainQuery.read(query(1, "www.example.", Type.A, q -> {}), known);
    PlainQuery again = PlainQuery.read(query(2, "www.example.", Type.A, flag(Flags.CD, true)), known);
    PlainQuery otherCase = PlainQuery.read(query(3, "WWW.example.", Type.A, q -> {}), known);
    PlainQuery otherType = PlainQuery.read(query(4, "www.example.", Type.AAAA, q -> {}), known);

    assertThat(again.name()).isSameAs(first.name());
    assertThat(again.header().getID()).isEqualTo(2);
    assertThat(again.header().getFlag(Flags.CD)).isTrue();
    assertThat(otherCase.name()).isNotSameAs(first.name());
    assertThat(otherCase.name().toString()).isEqualTo("WWW.example.");
    assertThat(otherType.type()).isEqualTo(Type.AAAA);
  }

  @Test
  @DisplayName("a header counting an OPT record its octets lack, after the same question without one, is FORMERR:"
      + " the kept question says nothing of the header (it threw out of the UDP read loop)")
  void additionalCountedButMissing_afterTheSameQuestion_isFormErr() throws IOException {
    byte[] plain = query(1, "www.example.", Type.A, q -> {});
    handler.handle(plain, CLIENT, false);
    byte[] countsAnOpt = plain.clone();
    countsAnOpt[11] = 1; // ARCOUNT 1, with nothing after the question

    QueryHandler.Reply reply = handler.handle(countsAnOpt, CLIENT, false);

    assertThat(new Message(reply.now()).getRcode()).isEqualTo(Rcode.FORMERR);
  }

  @Test
  @DisplayName("an EDNS query answered after one without EDNS of the same question gets its own answer, with its OPT record")
  void ednsAfterPlain_ownAnswer() throws IOException {
    handler.handle(query(1, "www.example.", Type.A, q -> {}), CLIENT, false);
    byte[] edns = query(2, "www.example.", Type.A, edns(1232, 0));

    byte[] answer = handler.handle(edns, CLIENT, false).now();

    assertThat(answer).isEqualTo(fullWay(edns, false));
    assertThat(new Message(answer).getOPT()).isNotNull();
  }

  @Test
  @DisplayName("a plain query from a client outside the allow list is REFUSED, its ID and question echoed")
  void plainQuery_notAllowed_refused() throws IOException {
    QueryHandler onlyOthers = new QueryHandler(resolver, AllowList.of(List.of("192.0.2.0/24")), null, 100);

    Message answer = new Message(onlyOthers.handle(query(77, "www.example.", Type.A, q -> {}), CLIENT, false).now());

    assertThat(answer.getRcode()).isEqualTo(Rcode.REFUSED);
    assertThat(answer.getHeader().getID()).isEqualTo(77);
    assertThat(answer.getQuestion().getName()).isEqualTo(WWW);
  }

  @Test
  @DisplayName("a plain query takes one token of the client's rate: two of two a second answered, the third REFUSED")
  void plainQuery_oneTokenEach() throws IOException {
    QueryHandler limited = new QueryHandler(resolver, AllowList.of(AllowList.LOOPBACK),
        new RateLimiter(2, Ticker.disabledTicker()), 100);

    List<Integer> rcodes = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      rcodes.add(new Message(limited.handle(query(id, "www.example.", Type.A, q -> {}), CLIENT, false).now()).getRcode());
    }

    assertThat(rcodes).containsExactly(Rcode.NOERROR, Rcode.NOERROR, Rcode.REFUSED);
  }
}
