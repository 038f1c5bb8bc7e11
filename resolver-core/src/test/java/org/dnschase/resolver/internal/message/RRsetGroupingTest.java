package org.dnschase.resolver.internal.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.cache.TtlCaps;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 2181 §5: an RRset is the records of one owner, class and type; its RRSIGs go with the type
 * they cover (RFC 4034 §3), and a record sent twice is one record (§5: "duplicate records ...
 * should be suppressed"). A section of one RRset, the usual one, is grouped as any other.
 */
class RRsetGroupingTest {

  private static final Name WWW = Name.fromConstantString("www.example.com.");

  private static Record a(Name owner, String address) throws Exception {
    return Record.fromString(owner, Type.A, DClass.IN, 300, address, Name.root);
  }

  private static Record signatureOverA(Name owner) {
    return new RRSIGRecord(owner, DClass.IN, 300, Type.A, 8, 300, Instant.parse("2033-05-18T03:33:20Z"),
        Instant.parse("2001-09-09T01:46:40Z"), 12345, Name.root, new byte[] {1});
  }

  /** dnsjava reads a WKS without a services bitmap but cannot write it back (see UnwritableRecordTest). */
  private static Record unwritable(Name owner) throws Exception {
    byte[] wks = {0, 0, 11, 0, 1, 0, 0, 1, 44, 0, 5, (byte) 192, 0, 2, 1, 6};
    return Record.fromWire(wks, Section.ANSWER).withName(owner);
  }

  @Test
  @DisplayName("one RRset with its RRSIG and a record sent twice: one group, the copy suppressed, in the order received")
  void oneRRset_oneGroupWithoutDuplicates() throws Exception {
    Record first = a(WWW, "192.0.2.1");
    Record second = a(WWW, "192.0.2.2");
    Record signature = signatureOverA(WWW);

    List<Sections.Group> groups = Sections.group(List.of(first, signature, second, a(WWW, "192.0.2.1")));

    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).type()).isEqualTo(Type.A);
    assertThat(groups.get(0).size()).isEqualTo(3);
    assertThat(groups.get(0).toRRset(TtlCaps.DEFAULTS).rrs(false))
        .containsExactly(first, second);
  }

  @Test
  @DisplayName("RFC 2181 §5: copies are suppressed in a large RRset too, before and after it holds more than a few "
      + "records, a copy spelt in another case included; an unwritable record joins neither")
  void largeRRset_copiesSuppressedThroughout() throws Exception {
    List<Record> section = new ArrayList<>();
    List<Record> distinct = new ArrayList<>();
    for (int i = 1; i <= 2 * Sections.COMPARED_UP_TO; i++) {
      Record record = a(WWW, "192.0.2." + i);
      distinct.add(record);
      section.add(record);
      section.add(a(i % 2 == 0 ? WWW : Name.fromConstantString("WWW.Example.COM."), "192.0.2." + (i + 1) / 2));
      if (i == 3 || i == 3 * Sections.COMPARED_UP_TO / 2) {
        section.add(unwritable(WWW));
      }
    }

    List<Sections.Group> groups = Sections.group(section);

    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).size()).isEqualTo(distinct.size());
    assertThat(groups.get(0).toRRset(TtlCaps.DEFAULTS).rrs(false)).containsExactlyElementsOf(distinct);
  }

  @Test
  @DisplayName("the same owner and type in another class, or the same type at another owner, is another RRset")
  void otherClassOrOwner_anotherGroup() throws Exception {
    Record chaos = Record.fromString(WWW, Type.A, DClass.CH, 300, "192.0.2.3", Name.root);
    Record elsewhere = a(Name.fromConstantString("mail.example.com."), "192.0.2.4");

    assertThat(Sections.group(List.of(a(WWW, "192.0.2.1"), chaos))).extracting(Sections.Group::dclass)
        .containsExactly(DClass.IN, DClass.CH);
    assertThat(Sections.group(List.of(a(WWW, "192.0.2.1"), elsewhere, a(WWW, "192.0.2.2"))))
        .extracting(group -> group.name().toString() + " " + group.size())
        .containsExactly("www.example.com. 2", "mail.example.com. 1");
  }

  @Test
  @DisplayName("a section whose only RRset is a record dnsjava cannot write back has no group")
  void onlyAnUnwritableRecord_noGroup() throws Exception {
    assertThat(Sections.group(List.of(unwritable(WWW)))).isEmpty();
    assertThat(Sections.group(List.of())).isEmpty();
  }

  @Test
  @DisplayName("RFC 6891 §6.1.1: the OPT pseudo-record is no RRset: an additional section's OPT is in no group")
  void optPseudoRecord_inNoGroup() throws Exception {
    Record opt = new OPTRecord(1232, 0, 0);
    Record glue = a(Name.fromConstantString("ns1.example.com."), "192.0.2.53");

    assertThat(Sections.group(List.of(opt))).isEmpty();
    assertThat(Sections.group(List.of(a(WWW, "192.0.2.1"), opt))).extracting(Sections.Group::type)
        .containsExactly(Type.A);
    assertThat(Sections.group(List.of(glue, opt, a(WWW, "192.0.2.1"))))
        .extracting(group -> group.name().toString() + " " + group.size())
        .containsExactly("ns1.example.com. 1", "www.example.com. 1");
  }
}
