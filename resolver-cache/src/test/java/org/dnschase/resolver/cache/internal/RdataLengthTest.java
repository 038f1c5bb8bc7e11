package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;

/** The weigher counts a record's RDATA by its length in canonical wire form, without writing it for the common types. */
@DisplayName("RFC 4034 §6.2: the RDATA's length in canonical form, counted or written")
class RdataLengthTest {

  static List<Record> records() throws Exception {
    Name owner = Name.fromString("www.Example.");
    Name target = Name.fromString("Host.Sub.EXAMPLE.");
    return List.of(
        new ARecord(owner, DClass.IN, 60, InetAddress.getByName("192.0.2.1")),
        new AAAARecord(owner, DClass.IN, 60, InetAddress.getByName("2001:db8::1")),
        new NSRecord(owner, DClass.IN, 60, target),
        new NSRecord(owner, DClass.IN, 60, Name.root),
        new CNAMERecord(owner, DClass.IN, 60, target),
        new DNAMERecord(owner, DClass.IN, 60, Name.fromString("a.b.c.d.e.f.g.example.")),
        new PTRRecord(owner, DClass.IN, 60, target),
        new MXRecord(owner, DClass.IN, 60, 10, target));
  }

  @ParameterizedTest
  @MethodSource("records")
  void rdataLength_isTheCanonicalWireLength(Record record) {
    assertThat(EntryWeigher.rdataLength(record)).isEqualTo(record.rdataToWireCanonical().length);
  }
}
