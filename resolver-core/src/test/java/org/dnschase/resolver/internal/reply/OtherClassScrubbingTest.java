package org.dnschase.resolver.internal.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.cache.TtlCaps;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 1035 §4.1.1 and §3.2.4: a reply speaks of the class asked. Records of another class (CH, HS,
 * NONE, ANY, class 0) in answer to an IN question are dropped in every section, whatever their
 * type, and counted, never classified or cached.
 */
class OtherClassScrubbingTest {

  private static final Name ZONE = Name.fromConstantString("example.test.");

  private static final List<String> RECORDS = List.of(
      "www.example.test. 300 A 192.0.2.1",
      "www.example.test. 300 AAAA 2001:db8::1",
      "www.example.test. 300 CNAME target.example.test.",
      "example.test. 300 DNAME other.example.test.",
      "example.test. 86400 NS ns1.example.test.",
      "example.test. 300 SOA ns1.example.test. host.example.test. 1 3600 600 86400 300",
      "www.example.test. 300 TXT \"hello\"",
      "www.example.test. 300 MX 10 mail.example.test.");

  static Stream<Arguments> classesSectionsAndRecords() {
    return Stream.of(DClass.CH, DClass.HS, DClass.NONE, DClass.ANY, 0)
        .flatMap(dclass -> Stream.of(Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL)
            .flatMap(section -> RECORDS.stream().map(line -> Arguments.of(dclass, section, line))));
  }

  /** The record of {@code line}, but of class {@code dclass}. */
  static Record inClass(String line, int dclass) {
    Record in = Reply.record(line);
    return Record.newRecord(in.getName(), in.getType(), dclass, in.getTTL(), in.rdataToWireCanonical());
  }

  @ParameterizedTest(name = "class {0}, section {1}: {2}")
  @MethodSource("classesSectionsAndRecords")
  @DisplayName("RFC 1035 §4.1.1: a record of another class than IN is dropped from every section and counted")
  void recordOfAnotherClass_isDroppedAndCounted(int dclass, int section, String line) {
    Message reply = Reply.noError().authoritative().to("www.example.test.", Type.A);
    reply.addRecord(inClass(line, dclass), section);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(scrubbed.answer()).isEmpty();
    assertThat(scrubbed.authority()).isEmpty();
    assertThat(scrubbed.additional()).isEmpty();
    assertThat(scrubbed.dropped()).isEqualTo(1);
    assertThat(scrubbed.droppedByReason().otherClass()).isEqualTo(1);
    assertThat(ResponseClassifier.classify(scrubbed, Name.fromConstantString("www.example.test."),
        Type.A, ZONE)).isNotIn(ResponseType.ANSWER, ResponseType.CNAME, ResponseType.DNAME,
        ResponseType.REFERRAL);
  }

  @ParameterizedTest(name = "class {0}")
  @MethodSource("otherClasses")
  @DisplayName("RFC 1035 §4.1.1: an IN RRset beside records of another class at the same owner keeps only its own")
  void inRecordsBesideOtherClass_keepOnlyIn(int dclass) {
    Message reply = Reply.noError().authoritative().answer("www.example.test. 300 A 192.0.2.1")
        .to("www.example.test.", Type.A);
    reply.addRecord(inClass("www.example.test. 300 A 192.0.2.66", dclass), Section.ANSWER);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(scrubbed.answer()).singleElement().satisfies(set -> {
      assertThat(set.getDClass()).isEqualTo(DClass.IN);
      assertThat(set.rrs(false)).singleElement().isEqualTo(Reply.record("www.example.test. 300 A 192.0.2.1"));
    });
    assertThat(scrubbed.droppedByReason().otherClass()).isEqualTo(1);
  }

  static Stream<Integer> otherClasses() {
    return Stream.of(DClass.CH, DClass.HS, DClass.NONE, DClass.ANY, 0);
  }
}
