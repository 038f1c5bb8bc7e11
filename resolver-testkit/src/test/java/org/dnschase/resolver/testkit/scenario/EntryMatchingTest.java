package org.dnschase.resolver.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class EntryMatchingTest {

  static final String CHECK = """
      stub-addr: 192.0.2.1
      CONFIG_END
      SCENARIO_BEGIN matching
      STEP 10 CHECK_ANSWER
      ENTRY_BEGIN
      MATCH all
      REPLY QR RD RA NOERROR
      SECTION QUESTION
      www.example. IN A
      SECTION ANSWER
      www.example. 300 IN CNAME host.example.
      host.example. IN A 192.0.2.80
      ENTRY_END
      STEP 11 CHECK_ANSWER
      ENTRY_BEGIN
      MATCH subdomain
      SECTION QUESTION
      example. IN A
      ENTRY_END
      STEP 12 CHECK_ANSWER
      ENTRY_BEGIN
      SECTION QUESTION
      example. IN A
      ENTRY_END
      SCENARIO_END
      """;

  final Scenario scenario = Scenario.parse("matching.rpl", CHECK);
  final Entry all = ((Step.CheckAnswer) scenario.steps().get(0)).entry();

  @Test
  @DisplayName("FORMAT §6.3: sections compare as multisets, TTL and order ignored, names case-insensitive")
  void sections_ignoreTtlOrderAndCase() throws Exception {
    Message answer = answer("WWW.example.", Flags.QR, Flags.RD, Flags.RA);
    answer.addRecord(new ARecord(Name.fromString("host.EXAMPLE."), DClass.IN, 5,
        java.net.InetAddress.getByName("192.0.2.80")), Section.ANSWER);
    answer.addRecord(new CNAMERecord(Name.fromString("www.example."), DClass.IN, 7,
        Name.fromString("Host.Example.")), Section.ANSWER);

    assertThat(all.differences(answer)).isEmpty();
  }

  @Test
  @DisplayName("FORMAT §6.1: flags compare as an exact set; an expected empty section must be empty")
  void flagsAndEmptySections_areExact() throws Exception {
    Message answer = answer("www.example.", Flags.QR, Flags.RD, Flags.RA, Flags.AA);

    assertThat(all.differences(answer)).anySatisfy(line -> assertThat(line).startsWith("flags:"))
        .anySatisfy(line -> assertThat(line).startsWith("answer:"));
  }

  @Test
  @DisplayName("FORMAT §6.1: subdomain accepts the name and names below it; no MATCH accepts anything")
  void subdomainAndNoMatch() throws Exception {
    Entry subdomain = ((Step.CheckAnswer) scenario.steps().get(1)).entry();
    Entry anything = ((Step.CheckAnswer) scenario.steps().get(2)).entry();

    assertThat(subdomain.matches(answer("a.b.example.", Flags.QR))).isTrue();
    assertThat(subdomain.matches(answer("example.net.", Flags.QR))).isFalse();
    assertThat(anything.matches(answer("example.net.", Flags.QR))).isTrue();
  }

  @Test
  @DisplayName("FORMAT §5: a section line with owner and type but no data is an RRset of no records, as dnspython "
      + "reads it: nothing to a section left unchecked, a difference no message can make up for in a checked one")
  void recordLineWithoutData_isAnEmptyRrset() throws Exception {
    String script = CHECK.replace("""
        STEP 11 CHECK_ANSWER
        ENTRY_BEGIN
        MATCH subdomain""", """
        STEP 11 CHECK_ANSWER
        ENTRY_BEGIN
        MATCH subdomain
        SECTION AUTHORITY
        missing.example. IN MX""").replace("""
        www.example. 300 IN CNAME host.example.""", """
        www.example. 300 IN CNAME host.example.
        missing.example. 300 IN MX""");
    Scenario withEmptyRrsets = Scenario.parse("empty.rpl", script);
    Entry checked = ((Step.CheckAnswer) withEmptyRrsets.steps().get(0)).entry();
    Entry unchecked = ((Step.CheckAnswer) withEmptyRrsets.steps().get(1)).entry();
    Message answer = answer("www.example.", Flags.QR, Flags.RD, Flags.RA);
    answer.addRecord(new CNAMERecord(Name.fromString("www.example."), DClass.IN, 300,
        Name.fromString("host.example.")), Section.ANSWER);
    answer.addRecord(new ARecord(Name.fromString("host.example."), DClass.IN, 300,
        java.net.InetAddress.getByName("192.0.2.80")), Section.ANSWER);

    assertThat(unchecked.matches(answer("a.example.", Flags.QR))).isTrue();
    assertThat(checked.message().getSection(Section.ANSWER)).hasSize(2);
    assertThat(checked.differences(answer)).singleElement()
        .satisfies(line -> assertThat(line).startsWith("answer:").contains("RRsets of no records"));
  }

  private static Message answer(String name, int... flags) throws Exception {
    Message message = new Message();
    message.addRecord(Record.newRecord(Name.fromString(name), Type.A, DClass.IN), Section.QUESTION);
    for (int flag : flags) {
      message.getHeader().setFlag(flag);
    }
    return message;
  }
}
