package org.dnschase.resolver.internal.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * dnsjava parses a WKS record without a services bitmap but throws when it writes it back, which
 * its {@code hashCode} does: grouping a reply's records leaves such a record out instead of failing
 * the whole reply.
 */
class UnwritableRecordTest {

  @Test
  void aRecordDnsjavaCannotWriteBack_isLeftOutOfTheGroups() throws Exception {
    byte[] wks = {
        0,                 // owner: the root
        0, 11, 0, 1,       // WKS IN
        0, 0, 1, 44,       // TTL 300
        0, 5,              // RDLENGTH 5: an address and a protocol, no bitmap
        (byte) 192, 0, 2, 1, 6};
    Record unwritable = Record.fromWire(wks, Section.ANSWER);
    Record a = Record.fromString(Name.root, Type.A, 1, 300, "192.0.2.2", Name.root);

    List<Sections.Group> groups = Sections.group(List.of(unwritable, a));

    assertThat(groups).extracting(Sections.Group::type).containsExactly(Type.A);
  }
}
