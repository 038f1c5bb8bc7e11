package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.spi.Responses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A cached outcome answered again from the octets written for it: the same octets a fresh encoding
 * gives, with the query's ID and spelling; a query of another shape is encoded anew.
 */
class EncodedAnswersTest {

  private static final Name WWW = Name.fromConstantString("www.example.");

  private final EncodedAnswers answers = new EncodedAnswers();
  private final AtomicInteger encodings = new AtomicInteger();
  private final Resolution outcome = new Resolution.Answer(WWW, Type.A,
      new RRset(new ARecord(WWW, DClass.IN, 300, new byte[] {(byte) 192, 0, 2, 1})), List.of(),
      Duration.ofSeconds(300), List.of(), List.of(), 0, Security.INDETERMINATE, List.of(), false);

  private static Message query(int id, String name, boolean edns, boolean dnssecOk) {
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString(name), Type.A, DClass.IN));
    query.getHeader().setID(id);
    if (edns) {
      query.addRecord(new OPTRecord(1232, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
    }
    return query;
  }

  private byte[] answer(Message query, int room) {
    return answer(outcome, query, query.toWire(), room, () -> encode(query, room));
  }

  /** The kept answer, else {@code encode}'s, then kept: what the server does with each outcome. */
  private byte[] answer(Resolution outcome, Message query, byte[] wire, int room, Supplier<byte[]> encode) {
    int shape = EncodedAnswers.shape(query.getHeader(), query.getOPT(), room);
    byte[] kept = answers.kept(outcome, shape, wire);
    if (kept != null) {
      return kept;
    }
    byte[] encoded = encode.get();
    answers.keep(outcome, shape, encoded, Header.LENGTH + query.getQuestion().getName().length() + 4);
    return encoded;
  }

  private byte[] encode(Message query, int room) {
    encodings.incrementAndGet();
    return ResponseFitter.fit(Responses.toMessage(outcome, query), room);
  }

  @Test
  @DisplayName("the same outcome asked again in another case: the kept octets, with the query's ID and spelling")
  void sameOutcome_patchedCopy() {
    answer(query(1, "www.example.", true, false), 1232);
    Message again = query(2, "WwW.ExAmPlE.", true, false);

    byte[] patched = answer(again, 1232);

    assertThat(encodings).hasValue(1);
    assertThat(patched).isEqualTo(encode(again, 1232));
  }

  @Test
  @DisplayName("hundreds of outcomes asked in turn all stay kept: outcomes that hash alike do not push each other out")
  void manyOutcomes_allKept() {
    List<Resolution> outcomes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      outcomes.add(new Resolution.Answer(WWW, Type.A, ((Resolution.Answer) outcome).rrset(), List.of(),
          Duration.ofSeconds(300), List.of(), List.of(), 0, Security.INDETERMINATE, List.of(), false));
    }
    Message query = query(1, "www.example.", false, false);
    for (int round = 0; round < 2; round++) {
      for (Resolution each : outcomes) {
        answer(each, query, query.toWire(), 512, () -> encode(query, 512));
      }
    }
    // one slot per outcome would re-encode about one in fourteen (pairs that hash alike alternate)
    assertThat(encodings.get() - outcomes.size()).as("answers encoded again").isLessThanOrEqualTo(6);
  }

  @Test
  @DisplayName("a query of another shape (EDNS, DO, RD, AD, room) is encoded anew")
  void otherShape_encodedAnew() {
    answer(query(1, "www.example.", true, false), 1232);
    Message noRecursion = query(5, "www.example.", true, false);
    noRecursion.getHeader().unsetFlag(Flags.RD);
    Message authenticData = query(6, "www.example.", true, false);
    authenticData.getHeader().setFlag(Flags.AD);
    record Shape(Message query, int room) {}
    for (Shape shape : List.of(new Shape(query(2, "www.example.", false, false), 512),
        new Shape(query(3, "www.example.", true, true), 1232), new Shape(query(4, "www.example.", true, false), 4000),
        new Shape(noRecursion, 1232), new Shape(authenticData, 1232))) {
      answer(query(1, "www.example.", true, false), 1232); // kept for the base shape, just before
      int before = encodings.get();

      byte[] sent = answer(shape.query, shape.room);

      assertThat(encodings.get() - before).as("encodings for %s", shape).isEqualTo(1);
      assertThat(sent).isEqualTo(encode(shape.query, shape.room));
    }
  }

  @Test
  @DisplayName("a query whose question is not spelt out where the kept answer has it is encoded anew")
  void questionElsewhere_encodedAnew() {
    answer(query(1, "www.example.", false, false), 512);
    byte[] wire = query(2, "www.example.", false, false).toWire();
    wire[12] = (byte) 0xC0; // the question's first octets no longer the name's

    byte[] sent = answer(outcome, query(2, "www.example.", false, false), wire, 512, () -> new byte[] {1});

    assertThat(sent).containsExactly(1);
  }
}
