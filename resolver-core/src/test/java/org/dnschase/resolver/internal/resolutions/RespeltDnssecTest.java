package org.dnschase.resolver.internal.resolutions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * A shared outcome handed to a caller who spelt the name otherwise keeps what DNSSEC gave it: the
 * proof a DO client is owed (RFC 4035 §3.1.3) and, for a BOGUS failure, why it was BOGUS.
 */
class RespeltDnssecTest {

  private static final Name SHARED = Name.fromConstantString("nope.example.");
  private static final Name ASKED = Name.fromConstantString("NOPE.Example.");
  private static final Name ZONE = Name.fromConstantString("example.");

  @Test
  @DisplayName("RFC 4035 §3.1.3.2: a respelt NXDOMAIN keeps the NSEC records that prove it")
  void respeltNxDomain_keepsItsProof() {
    SOARecord soa = new SOARecord(ZONE, DClass.IN, 300, ZONE, ZONE, 1, 2, 3, 4, 300);
    Record nsec = new NSECRecord(ZONE, DClass.IN, 300, Name.fromConstantString("www.example."),
        new int[] {Type.SOA, Type.NS});
    Resolution shared = new Resolution.NxDomain(SHARED, Type.A,
        new Resolution.Negative.Authority(soa, List.of(), Duration.ofSeconds(300), List.of(nsec)), List.of(),
        Duration.ofSeconds(300), List.of(), List.of(), 1, Security.SECURE, false);

    Resolution respelt = AskedSpelling.of(shared, ASKED);

    assertThat(respelt.qname().toString()).isEqualTo("NOPE.Example.");
    assertThat(respelt.proof()).containsExactly(nsec);
  }

  @Test
  @DisplayName("RFC 4035 §5.5: a respelt BOGUS failure keeps its reason (it used to be refused for lacking one)")
  void respeltBogusFailure_keepsItsReason() {
    Resolution shared = new Resolution.Failure(SHARED, Type.A, FailureReason.DNSSEC_BOGUS, "expired", List.of(), null,
        List.of(), List.of(), 1, Security.BOGUS, BogusReason.SIGNATURE_EXPIRED, List.of());

    Resolution respelt = AskedSpelling.of(shared, ASKED);

    assertThat(respelt).isInstanceOfSatisfying(Resolution.Failure.class, failure ->
        assertThat(failure.bogusReason()).isEqualTo(BogusReason.SIGNATURE_EXPIRED));
  }
}
