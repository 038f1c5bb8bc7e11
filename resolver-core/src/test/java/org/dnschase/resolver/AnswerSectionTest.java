package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** What an outcome puts in an answer section (RFC 6604 §2, RFC 6672 §3.1): each record once, in order. */
class AnswerSectionTest {

  static final Name OLD = Name.fromConstantString("old.example.");
  static final Name NEW = Name.fromConstantString("new.example.");
  static final DNAMERecord MOVED = new DNAMERecord(OLD, DClass.IN, 300, NEW);

  @Test
  @DisplayName("RFC 6672 §3.1: a DNAME applied twice is listed once, each CNAME it synthesised in its place")
  void dnameAppliedTwice_listedOnce() throws Exception {
    Name first = Name.fromConstantString("a.old.example.");
    Name back = Name.fromConstantString("a.new.example.");
    Name second = Name.fromConstantString("b.old.example.");
    Name end = Name.fromConstantString("b.new.example.");
    List<Hop> chain = List.of(dname(first, back),
        new Hop(back, Hop.Kind.CNAME, second, Duration.ofSeconds(300), NEW, Hop.Source.CACHE,
            new CNAMERecord(back, DClass.IN, 300, second)),
        dname(second, end));
    RRset data = new RRset(new ARecord(end, DClass.IN, 60, InetAddress.getByName("192.0.2.1")));

    Resolution.Answer answer = new Resolution.Answer(first, Type.A, data, chain, Duration.ofSeconds(60), List.of(),
        List.of(), 2, Security.INDETERMINATE, List.of(), false);

    assertThat(answer.answerSection()).extracting(AnswerSectionTest::shown).containsExactly(
        "DNAME old.example.", "CNAME a.old.example.", "CNAME a.new.example.", "CNAME b.old.example.",
        "A b.new.example.");
  }

  @Test
  @DisplayName("RFC 6672 §3.1: a CNAME question under a DNAME is answered by the synthesised CNAME, shown once")
  void cnameQuestionUnderDname_synthesisShownOnce() {
    Name asked = Name.fromConstantString("www.old.example.");
    Name target = Name.fromConstantString("www.new.example.");
    RRset synthesised = new RRset(new CNAMERecord(asked, DClass.IN, 300, target));

    Resolution.Answer answer = new Resolution.Answer(asked, Type.CNAME, synthesised, List.of(dname(asked, target)),
        Duration.ofSeconds(300), List.of(), List.of(), 1, Security.INDETERMINATE, List.of(), false);

    assertThat(answer.answerSection()).extracting(AnswerSectionTest::shown)
        .containsExactly("DNAME old.example.", "CNAME www.old.example.");
  }

  @Test
  @DisplayName("RFC 6604 §2: every record of the final RRset follows the chain")
  void finalRRset_followsChainWhole() throws Exception {
    Name asked = Name.fromConstantString("www.old.example.");
    Name target = Name.fromConstantString("www.new.example.");
    RRset data = new RRset(new ARecord(target, DClass.IN, 60, InetAddress.getByName("192.0.2.1")));
    data.addRR(new ARecord(target, DClass.IN, 60, InetAddress.getByName("192.0.2.2")));

    Resolution.Answer answer = new Resolution.Answer(asked, Type.A, data, List.of(dname(asked, target)),
        Duration.ofSeconds(60), List.of(), List.of(), 1, Security.INDETERMINATE, List.of(), false);

    assertThat(answer.answerSection()).extracting(AnswerSectionTest::shown)
        .containsExactly("DNAME old.example.", "CNAME www.old.example.", "A www.new.example.", "A www.new.example.");
  }

  @Test
  @DisplayName("RFC 6672 §2.2: a failure that stopped at a DNAME its chain applied already (YXDOMAIN) lists it once")
  void failureStoppedAtAppliedDname_listedOnce() {
    Name first = Name.fromConstantString("a.old.example.");
    Name back = Name.fromConstantString("a.new.example.");
    Name longer = Name.fromConstantString("x.a.old.example.");
    List<Hop> chain = List.of(dname(first, back),
        new Hop(back, Hop.Kind.CNAME, longer, Duration.ofSeconds(300), NEW, Hop.Source.CACHE,
            new CNAMERecord(back, DClass.IN, 300, longer)));

    Resolution.Failure failure = new Resolution.Failure(first, Type.A, FailureReason.YXDOMAIN,
        "the synthesised name is longer than 255 octets", chain, MOVED, List.of(), List.of(), 1,
        Security.INDETERMINATE, null, List.of());

    assertThat(failure.answerSection()).extracting(AnswerSectionTest::shown)
        .containsExactly("DNAME old.example.", "CNAME a.old.example.", "CNAME a.new.example.");
  }

  @Test
  @DisplayName("a failure without a chain lists the record it stopped at alone")
  void failureStoppedAtWithoutChain_listsIt() {
    Resolution.Failure failure = new Resolution.Failure(OLD, Type.A, FailureReason.YXDOMAIN, "too long",
        List.of(), MOVED, List.of(), List.of(), 0, Security.INDETERMINATE, null, List.of());

    assertThat(failure.answerSection()).extracting(AnswerSectionTest::shown).containsExactly("DNAME old.example.");
  }

  private static Hop dname(Name owner, Name target) {
    return new Hop(owner, Hop.Kind.DNAME, target, Duration.ofSeconds(300), OLD, Hop.Source.CACHE, MOVED);
  }

  private static String shown(Record record) {
    return Type.string(record.getType()) + " " + record.getName();
  }
}
