package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CookieOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** What each kind of request gets, decided before the resolver is asked. */
class RequestDecoderTest {

  private static Message query(int type, int dclass) {
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString("www.example."), type, dclass));
    query.getHeader().setID(4242);
    return query;
  }

  private static Message query() {
    return query(Type.A, DClass.IN);
  }

  private static Request decode(Message message) {
    return RequestDecoder.decode(message.toWire());
  }

  private static void assertRejected(Request request, int rcode) {
    assertThat(request).isInstanceOf(Request.Rejected.class);
    assertThat(((Request.Rejected) request).rcode()).isEqualTo(rcode);
  }

  /* ---- questions for the resolver ---- */

  @Test
  @DisplayName("RFC 1035 §4.2.1: without EDNS an answer over UDP may take 512 octets")
  void plainQuery_512Octets() {
    Request request = decode(query());

    assertThat(request).isInstanceOf(Request.Query.class);
    Request.Query question = (Request.Query) request;
    assertThat(question.question().getName()).isEqualTo(Name.fromConstantString("www.example."));
    assertThat(question.udpPayload()).isEqualTo(512);
  }

  @Test
  @DisplayName("RFC 6891 §6.2.5: the client's payload size, never below 512, never above the server's 1232")
  void ednsPayload_clamped() {
    assertThat(payloadFor(4096)).isEqualTo(1232);
    assertThat(payloadFor(1000)).isEqualTo(1000);
    assertThat(payloadFor(100)).isEqualTo(512);
  }

  private static int payloadFor(int size) {
    Message query = query();
    query.addRecord(new OPTRecord(size, 0, 0), Section.ADDITIONAL);
    return ((Request.Query) decode(query)).udpPayload();
  }

  /* ---- answered at once ---- */

  @Test
  @DisplayName("RFC 1035 §4.1.1: an opcode other than QUERY is NOTIMP")
  void notify_isNotImp() {
    Message query = query();
    query.getHeader().setOpcode(Opcode.NOTIFY);

    assertRejected(decode(query), Rcode.NOTIMP);
  }

  @Test
  @DisplayName("a question count other than 1 is FORMERR, the ID kept")
  void twoQuestions_isFormErr() {
    Message query = query();
    query.addRecord(Record.newRecord(Name.fromConstantString("other.example."), Type.A, DClass.IN), Section.QUESTION);

    Request request = decode(query);

    assertRejected(request, Rcode.FORMERR);
    assertThat(((Request.Rejected) request).query().getHeader().getID()).isEqualTo(4242);
  }

  @Test
  @DisplayName("RFC 1035 §4.1.4: the question's name is the message's first, so a compression pointer in it has no "
      + "earlier name to point to: FORMERR, as Unbound answers it, not a name read from the header's octets")
  void compressedQuestionName_isFormErr() {
    byte[] header = Arrays.copyOf(query().toWire(), Header.LENGTH);
    // www, then a pointer to octet 4, the question count's high octet (0): read as it points, www.
    byte[] intoTheHeader = {3, 'w', 'w', 'w', (byte) 0xC0, 4, 0, 1, 0, 1};
    // the whole name a pointer to octet 5, the question count's low octet: a label of one octet (0), then the root
    byte[] onlyAPointer = {(byte) 0xC0, 5, 0, 1, 0, 1};

    for (byte[] question : List.of(intoTheHeader, onlyAPointer)) {
      byte[] wire = Arrays.copyOf(header, header.length + question.length);
      System.arraycopy(question, 0, wire, header.length, question.length);
      Request request = RequestDecoder.decode(wire);

      assertRejected(request, Rcode.FORMERR);
      assertThat(((Request.Rejected) request).query().getHeader().getID()).isEqualTo(4242);
    }
  }

  @Test
  @DisplayName("RFC 6891 §7: a question that cannot be read (a label of 64 octets, a compression pointer) but an OPT "
      + "record that ends the message is FORMERR with an OPT record, as Unbound's FORMERR carries the client's")
  void unreadableQuestionWithOpt_isFormErrWithOpt() {
    byte[] header = Arrays.copyOf(query().toWire(), Header.LENGTH);
    header[11] = 1; // one additional record
    byte[] longLabel = new byte[1 + 64 + 1 + 4];
    longLabel[0] = 64;
    Arrays.fill(longLabel, 1, 65, (byte) 'a');
    byte[] pointer = {(byte) 0xC0, 12, 0, 1, 0, 1};
    byte[] opt = {0, 0, 41, 4, (byte) 0xD0, 0, 0, (byte) 0x80, 0, 0, 0}; // 1232 octets, DO

    for (byte[] question : List.of(longLabel, pointer)) {
      byte[] wire = new byte[header.length + question.length + opt.length];
      System.arraycopy(header, 0, wire, 0, header.length);
      System.arraycopy(question, 0, wire, header.length, question.length);
      System.arraycopy(opt, 0, wire, header.length + question.length, opt.length);
      Request request = RequestDecoder.decode(wire);

      assertRejected(request, Rcode.FORMERR);
      assertThat(Answers.error(((Request.Rejected) request).query(), Rcode.FORMERR).getOPT())
          .as("RFC 6891 §7: the answer has an OPT record").isNotNull();
    }
  }

  @Test
  @DisplayName("a question that cannot be read and no OPT record after it: FORMERR without one")
  void unreadableQuestionWithoutOpt_isFormErrWithoutOpt() {
    byte[] wire = Arrays.copyOf(query().toWire(), Header.LENGTH + 6);
    wire[Header.LENGTH] = 64; // a label of 64 octets, cut short

    Request request = RequestDecoder.decode(wire);

    assertRejected(request, Rcode.FORMERR);
    assertThat(((Request.Rejected) request).query().getOPT()).isNull();
  }

  @Test
  @DisplayName("a message cut inside its question is FORMERR")
  void cutMessage_isFormErr() {
    byte[] wire = query().toWire();

    assertRejected(RequestDecoder.decode(Arrays.copyOf(wire, wire.length - 3)), Rcode.FORMERR);
  }

  @Test
  @DisplayName("a message cut inside its question is FORMERR even with TC set, which dnsjava forgives in replies")
  void cutMessageWithTc_isFormErr() {
    Message query = query();
    query.getHeader().setFlag(Flags.TC);
    byte[] wire = query.toWire();

    assertRejected(RequestDecoder.decode(Arrays.copyOf(wire, wire.length - 3)), Rcode.FORMERR);
  }

  @Test
  @DisplayName("RFC 6891 §6.1.1: two OPT records are FORMERR")
  void twoOpts_isFormErr() {
    Message query = query();
    query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);

    assertRejected(decode(query), Rcode.FORMERR);
  }

  @Test
  @DisplayName("RFC 6891 §6.1.1: an OPT record outside the additional section is FORMERR, not a query without EDNS")
  void optInAnswerOrAuthority_isFormErr() {
    for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
      Message query = query();
      query.addRecord(new OPTRecord(1232, 0, 0), section);

      assertRejected(decode(query), Rcode.FORMERR);
    }
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: a query carries no answer or authority records; one that does is FORMERR, its"
      + " question echoed")
  void answerRecordInAQuery_isFormErr() throws Exception {
    Message query = query();
    query.addRecord(Record.fromString(Name.root, Type.A, DClass.IN, 60, "192.0.2.1", Name.root), Section.ANSWER);

    Request request = decode(query);

    assertRejected(request, Rcode.FORMERR);
    assertThat(((Request.Rejected) request).query().getQuestion()).isEqualTo(query.getQuestion());
  }

  @Test
  @DisplayName("more than one additional record is FORMERR: a query's only one is its OPT record")
  void twoAdditionalRecords_isFormErr() throws Exception {
    Message query = query();
    query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    query.addRecord(Record.fromString(Name.root, Type.A, DClass.IN, 60, "192.0.2.1", Name.root), Section.ADDITIONAL);

    assertRejected(decode(query), Rcode.FORMERR);
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: TC on a query says it was cut short: FORMERR, even when it parses whole")
  void tcOnAWholeQuery_isFormErr() {
    Message query = query();
    query.getHeader().setFlag(Flags.TC);

    assertRejected(decode(query), Rcode.FORMERR);
  }

  @Test
  @DisplayName("RFC 7873 §5.2.2, RFC 6891 §7: a COOKIE option of the wrong length is FORMERR, with the question"
      + " and an OPT record")
  void malformedCookie_isFormErrWithOpt() {
    Message query = query();
    query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    byte[] wire = query.toWire();
    // the OPT record ends the message: give it a COOKIE option of 7 octets (a client cookie has 8)
    byte[] cookie = {0, 10, 0, 7, 1, 2, 3, 4, 5, 6, 7};
    byte[] malformed = Arrays.copyOf(wire, wire.length + cookie.length);
    System.arraycopy(cookie, 0, malformed, wire.length, cookie.length);
    malformed[wire.length - 1] = (byte) cookie.length; // RDLENGTH, whose high octet is 0

    Request request = RequestDecoder.decode(malformed);

    assertRejected(request, Rcode.FORMERR);
    Message known = ((Request.Rejected) request).query();
    assertThat(known.getQuestion()).isEqualTo(query.getQuestion());
    assertThat(known.getOPT()).isNotNull();
    assertThat(Answers.error(known, Rcode.FORMERR).getOPT()).as("RFC 6891 §7: the answer has an OPT record").isNotNull();
  }

  @Test
  @DisplayName("RFC 7873 §5.2: a well-formed client COOKIE is ignored by a server without cookies, as Unbound's"
      + " default (answer-cookie: no)")
  void clientCookie_isIgnored() {
    Message query = query();
    query.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(new CookieOption(new byte[8]))), Section.ADDITIONAL);

    assertThat(decode(query)).isInstanceOf(Request.Query.class);
  }

  @Test
  @DisplayName("RFC 6891 §6.1.2, §6.1.4: unknown EDNS options and flags are ignored, and not echoed")
  void unknownEdnsOptionsAndFlags_areIgnored() {
    Message query = query();
    query.addRecord(new OPTRecord(1232, 0, 0, 0x7fff,
        List.of(new GenericEDNSOption(65001, new byte[] {1, 2, 3}))), Section.ADDITIONAL);

    Request request = decode(query);

    assertThat(request).isInstanceOf(Request.Query.class);
    assertThat(Answers.error(((Request.Query) request).query(), Rcode.SERVFAIL).getOPT().getFlags()).isZero();
  }

  @Test
  @DisplayName("octets after the last record the header counts are ignored, as Unbound ignores them: the query is"
      + " answered")
  void trailingOctets_ignored() {
    byte[] wire = query().toWire();

    Request request = RequestDecoder.decode(Arrays.copyOf(wire, wire.length + 8));

    assertThat(request).isInstanceOf(Request.Query.class);
  }

  @Test
  @DisplayName("RFC 8914: a request longer than the server reads is FORMERR, whole as its first 4,096 octets may be,"
      + " and says why in an Extended DNS Error; its OPT record is kept for that")
  void longerThanRead_isFormErrExplained() {
    Message query = query();
    query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    byte[] wire = query.toWire();

    Request request = RequestDecoder.decode(Arrays.copyOf(wire, Listeners.REQUEST_READ));

    assertRejected(request, Rcode.FORMERR);
    Request.Rejected rejected = (Request.Rejected) request;
    assertThat(rejected.explained()).isEqualTo(RequestDecoder.TOO_LONG);
    assertThat(rejected.query().getQuestion().getName()).isEqualTo(Name.fromConstantString("www.example."));
    assertThat(rejected.query().getOPT()).isNotNull();
  }

  @Test
  @DisplayName("RFC 6891 §6.1.2: an OPT record owned by a name other than the root is FORMERR, as Unbound answers it, "
      + "not a query with EDNS")
  void optNotOwnedByTheRoot_isFormErr() {
    Message query = query();
    query.addRecord(Record.newRecord(Name.fromConstantString("opt.example."), Type.OPT, 1232, 0, new byte[0]),
        Section.ADDITIONAL);

    assertRejected(decode(query), Rcode.FORMERR);
  }

  @Test
  @DisplayName("RFC 6891 §6.1.3: EDNS version 1 is BADVERS")
  void ednsVersion1_isBadVers() {
    Message query = query();
    query.addRecord(new OPTRecord(1232, 0, 1), Section.ADDITIONAL);

    assertRejected(decode(query), Rcode.BADVERS);
  }

  @Test
  @DisplayName("class CH, class ANY and zone transfers are REFUSED")
  void otherClassesAndTransfers_areRefused() {
    assertRejected(decode(query(Type.TXT, DClass.CH)), Rcode.REFUSED);
    assertRejected(decode(query(Type.A, DClass.ANY)), Rcode.REFUSED);
    assertRejected(decode(query(Type.AXFR, DClass.IN)), Rcode.REFUSED);
    assertRejected(decode(query(Type.IXFR, DClass.IN)), Rcode.REFUSED);
  }

  /* ---- not answered ---- */

  @Test
  @DisplayName("a packet shorter than a header, or a response, is not answered")
  void shortOrResponse_isIgnored() {
    assertThat(RequestDecoder.decode(new byte[11])).isInstanceOf(Request.Ignored.class);
    Message response = query();
    response.getHeader().setFlag(Flags.QR);
    assertThat(decode(response)).isInstanceOf(Request.Ignored.class);
  }

  /* ---- the answers built without the resolver ---- */

  @Test
  @DisplayName("BADVERS travels in the OPT record's extended rcode, the header keeping the low bits")
  void badVersAnswer_extendedRcode() {
    Message query = query();
    query.addRecord(new OPTRecord(1232, 0, 1, Flags.DO), Section.ADDITIONAL);

    Message answer = Answers.error(query, Rcode.BADVERS);

    assertThat(answer.getRcode()).isEqualTo(Rcode.BADVERS);
    assertThat(answer.getHeader().getRcode()).isZero();
    assertThat(answer.getOPT().getVersion()).isZero();
    assertThat(answer.getQuestion()).isEqualTo(query.getQuestion());
    assertThat(answer.getHeader().getID()).isEqualTo(4242);
  }
}
