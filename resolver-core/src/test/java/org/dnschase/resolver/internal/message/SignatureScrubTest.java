package org.dnschase.resolver.internal.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.cache.TtlCaps;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Unbound's {@code iter-scrub-rrsig}: an RRset of a reply keeps its first 8 RRSIGs, no more; and
 * the bound on an RRset's records (BIND's max-records-per-type) counts records, not signatures.
 */
class SignatureScrubTest {

  private static final Name WWW = Name.fromConstantString("www.example.com.");

  @Test
  @DisplayName("an RRset sent with 45 RRSIGs keeps the first 8 received (KeyTrap, CVE-2023-50387)")
  void rrsetWithManySignatures_keepsTheFirstEight() throws Exception {
    List<Record> section = new ArrayList<>();
    section.add(new ARecord(WWW, DClass.IN, 300, InetAddress.getByName("10.20.30.40")));
    for (int i = 1; i <= 45; i++) {
      section.add(signature(i));
    }

    RRset rrset = Sections.group(section).get(0).toRRset(TtlCaps.DEFAULTS);

    assertThat(rrset.size()).isEqualTo(1);
    assertThat(rrset.sigs()).hasSize(Sections.MAX_SIGNATURES_PER_RRSET)
        .extracting(sig -> (int) sig.getSignature()[0]).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  @DisplayName("the bound of 100 records per RRset counts its records, not its signatures: a signed RRset of 100 is kept")
  void signedRRsetOfHundredRecords_isKept() throws Exception {
    List<Record> section = new ArrayList<>();
    for (int i = 1; i <= Sections.MAX_RECORDS_PER_RRSET; i++) {
      section.add(new ARecord(WWW, DClass.IN, 300, InetAddress.getByName("198.51.100." + i)));
    }
    section.add(signature(1));
    section.add(signature(2));

    RRset rrset = Sections.group(section).get(0).toRRset(TtlCaps.DEFAULTS);

    assertThat(rrset.size()).isEqualTo(Sections.MAX_RECORDS_PER_RRSET);
    assertThat(rrset.sigs()).hasSize(2);
  }

  @Test
  @DisplayName("one record sent with 200 RRSIGs is not an oversized RRset: it keeps its first 8 signatures")
  void recordWithHundredsOfSignatures_isNotOversized() throws Exception {
    List<Record> section = new ArrayList<>();
    section.add(new ARecord(WWW, DClass.IN, 300, InetAddress.getByName("10.20.30.40")));
    for (int i = 1; i <= 200; i++) {
      section.add(signature(i));
    }

    RRset rrset = Sections.group(section).get(0).toRRset(TtlCaps.DEFAULTS);

    assertThat(rrset.size()).isEqualTo(1);
    assertThat(rrset.sigs()).hasSize(Sections.MAX_SIGNATURES_PER_RRSET);
  }

  private static RRSIGRecord signature(int mark) {
    return new RRSIGRecord(WWW, DClass.IN, 300, Type.A, 8, 300, Instant.parse("2033-05-18T03:33:20Z"),
        Instant.parse("2001-09-09T01:46:40Z"), 12345, Name.root, new byte[] {(byte) mark});
  }
}
