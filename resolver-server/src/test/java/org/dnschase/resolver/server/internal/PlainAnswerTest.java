package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.spi.Responses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 1035 §4.1 and RFC 6604 §2: the answer written straight into octets is the answer the
 * message gives ({@link Responses#toMessage}, {@link Responses.ExtendedErrors#add}, then {@link
 * ResponseFitter#fit}), octet for octet, names compressed alike; an answer it does not write (a
 * failure, a DO query, another record type, one too big for its room, a stale one) is left to the
 * message.
 */
class PlainAnswerTest {

  private static final Name WWW = Name.fromConstantString("www.example.test.");
  private static final Name EDGE = Name.fromConstantString("edge.cdn.test.");
  private static final Name ZONE = Name.fromConstantString("example.test.");
  private static final Name NS1 = Name.fromConstantString("ns1.example.test.");
  private static final Name NS2 = Name.fromConstantString("ns2.other.test.");

  private static final SOARecord SOA = new SOARecord(ZONE, DClass.IN, 300, NS1,
      Name.fromConstantString("hostmaster.example.test."), 2024010101, 7200, 900, 1209600, 60);
  private static final List<Record> NAME_SERVERS = List.of(new NSRecord(ZONE, DClass.IN, 300, NS1),
      new NSRecord(ZONE, DClass.IN, 300, NS2));

  @Test
  @DisplayName("answers, aliases, NODATA and NXDOMAIN to every plain query shape: the message's octets")
  void plainOutcomes_theMessagesOctets() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Resolution outcome : List.of(address(WWW, Type.A, Resolution.Security.INDETERMINATE),
        address(WWW, Type.AAAA, Resolution.Security.SECURE), aliased(), noData(), nxDomain())) {
      for (String spelling : List.of("www.example.test.", "WwW.eXample.TEST.")) {
        for (int flags : List.of(0, 1, 2, 4, 7)) {
          for (boolean edns : List.of(false, true)) {
            byte[] query = query(spelling, outcome.qtype(), flags, edns, false);
            PlainQuery plain = PlainQuery.read(query, new QuestionNames());
            int room = edns ? 1232 : 512;

            byte[] written = PlainAnswer.write(outcome, plain, room);

            assertThat(written).as("%s to %s, flags %d, EDNS %s", outcome, spelling, flags, edns)
                .isEqualTo(viaMessage(outcome, plain, room));
            checked.add(outcome.qtype() + spelling);
          }
        }
      }
    }
    assertThat(checked).hasSize(5 * 2 * 5 * 2);
  }

  @Test
  @DisplayName("a failure, a DO query, an MX answer, a stale answer, an answer past its room: left to the message")
  void otherOutcomes_leftToTheMessage() throws Exception {
    PlainQuery plainA = PlainQuery.read(query("www.example.test.", Type.A, 1, true, false), new QuestionNames());
    Resolution failure = new Resolution.Failure(WWW, Type.A, FailureReason.TIMEOUT, "no server answered", List.of(),
        List.of(), List.of(), 3, Resolution.Security.INDETERMINATE);
    Resolution stale = new Resolution.Answer(WWW, Type.A, address(WWW, Type.A, Resolution.Security.INDETERMINATE)
        .rrset(), List.of(), Duration.ofSeconds(30), List.of(new Diagnostic(Diagnostic.Oddity.STALE_ANSWER, WWW,
        "served stale")), List.of(), 0, Resolution.Security.INDETERMINATE);
    Resolution mx = new Resolution.Answer(WWW, Type.MX, new RRset(new MXRecord(WWW, DClass.IN, 300, 10, NS1)),
        List.of(), Duration.ofSeconds(300), List.of(), List.of(), 1, Resolution.Security.INDETERMINATE);
    PlainQuery plainMx = PlainQuery.read(query("www.example.test.", Type.MX, 1, true, false), new QuestionNames());
    PlainQuery dnssecOk = PlainQuery.read(query("www.example.test.", Type.A, 1, true, true), new QuestionNames());

    assertThat(PlainAnswer.write(failure, plainA, 1232)).isNull();
    assertThat(PlainAnswer.write(stale, plainA, 1232)).isNull();
    assertThat(PlainAnswer.write(mx, plainMx, 1232)).isNull();
    assertThat(PlainAnswer.write(address(WWW, Type.A, Resolution.Security.SECURE), dnssecOk, 1232)).isNull();
    assertThat(PlainAnswer.write(many(), plainA, 512)).as("past its room").isNull();
    assertThat(PlainAnswer.write(many(), plainA, 1232)).as("in its room").isEqualTo(viaMessage(many(), plainA, 1232));
  }

  /** What the server sent before: the message built for the outcome, fitted into the room. */
  private static byte[] viaMessage(Resolution outcome, PlainQuery query, int room) {
    return ResponseFitter.fit(Responses.ExtendedErrors.add(Responses.toMessage(outcome, query.message()), outcome),
        room);
  }

  /** A query's octets: RD, CD and AD set as bits 1, 2 and 4 of {@code flags}. */
  private static byte[] query(String name, int type, int flags, boolean edns, boolean dnssecOk) {
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
    query.getHeader().setID(4242);
    query.getHeader().unsetFlag(Flags.RD);
    int[] bits = {Flags.RD, Flags.CD, Flags.AD};
    for (int i = 0; i < bits.length; i++) {
      if ((flags & 1 << i) != 0) {
        query.getHeader().setFlag(bits[i]);
      }
    }
    if (edns) {
      query.addRecord(new OPTRecord(1232, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
    }
    return query.toWire();
  }

  private static Resolution.Answer address(Name name, int type, Resolution.Security security) {
    RRset rrset = new RRset();
    for (int i = 1; i <= 2; i++) {
      rrset.addRR(Record.newRecord(name, type, DClass.IN, 300, type == Type.A ? new byte[] {(byte) 192, 0, 2, (byte) i}
          : new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) i}));
    }
    return new Resolution.Answer(name, type, rrset, List.of(), Duration.ofSeconds(300), List.of(), List.of(), 2,
        security);
  }

  /** www CNAME edge, edge A: the target's name compressed against the question's and the alias's. */
  private static Resolution aliased() {
    CNAMERecord cname = new CNAMERecord(WWW, DClass.IN, 300, EDGE);
    Hop hop = new Hop(WWW, Hop.Kind.CNAME, EDGE, Duration.ofSeconds(300), ZONE,
        Hop.Source.CACHE, cname);
    return new Resolution.Answer(WWW, Type.A, address(EDGE, Type.A, Resolution.Security.INDETERMINATE).rrset(),
        List.of(hop), Duration.ofSeconds(300), List.of(), List.of(), 4, Resolution.Security.INDETERMINATE);
  }

  private static Resolution noData() {
    return new Resolution.NoData(WWW, Type.AAAA, SOA, NAME_SERVERS, Duration.ofSeconds(60), List.of(),
        Duration.ofSeconds(60), List.of(), List.of(), 2, Resolution.Security.INDETERMINATE, List.of());
  }

  private static Resolution nxDomain() {
    return new Resolution.NxDomain(WWW, Type.A, SOA, List.of(), Duration.ofSeconds(60), List.of(),
        Duration.ofSeconds(60), List.of(), List.of(), 2, Resolution.Security.INDETERMINATE, List.of());
  }

  /** An answer of 40 addresses: some 670 octets, past a plain UDP answer's 512. */
  private static Resolution many() {
    RRset rrset = new RRset();
    for (int i = 1; i <= 40; i++) {
      rrset.addRR(Record.newRecord(WWW, Type.A, DClass.IN, 300, new byte[] {(byte) 192, 0, 2, (byte) i}));
    }
    return new Resolution.Answer(WWW, Type.A, rrset, List.of(), Duration.ofSeconds(300), List.of(), List.of(), 2,
        Resolution.Security.INDETERMINATE);
  }
}
