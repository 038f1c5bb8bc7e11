package org.dnschase.resolver.internal.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** A BOGUS failure given again from the store is the failure recorded, but for where it comes from. */
class BogusAnswersTest {

  static final Name OLD = Name.fromConstantString("old.example.");
  static final Name ASKED = Name.fromConstantString("x.old.example.");
  static final Record MOVED = new DNAMERecord(OLD, DClass.IN, 300, Name.fromConstantString("new.example."));
  static final Record MOVED_SIGNATURE = new RRSIGRecord(OLD, DClass.IN, 300, Type.DNAME, 8, 300,
      Instant.parse("2033-05-18T03:33:20Z"), Instant.parse("2001-09-09T01:46:40Z"), 12345, OLD, new byte[] {1});

  @Test
  @DisplayName("RFC 4035 §3.2.1: the record a BOGUS failure stopped at is given again with its signatures")
  void recent_keepsTheStoppedAtRecordAndItsSignatures() {
    BogusAnswers store = new BogusAnswers(() -> 0L, 1 << 20, Duration.ofSeconds(60));
    store.remember(new Resolution.Failure(ASKED, Type.A, FailureReason.DNSSEC_BOGUS, "bad signature over the DNAME",
        List.of(), MOVED, List.of(), List.of(), 3, Security.BOGUS, BogusReason.BAD_SIGNATURE,
        List.of(MOVED_SIGNATURE)));

    Resolution.Failure again = store.recent(ASKED, Type.A);

    assertThat(again.stoppedAt()).isEqualTo(MOVED);
    assertThat(again.stoppedAtSignatures()).containsExactly(MOVED_SIGNATURE);
    assertThat(again.bogusReason()).isEqualTo(BogusReason.BAD_SIGNATURE);
    assertThat(again.upstreamQueries()).as("answered from the store").isZero();
    assertThat(again.detail()).startsWith("BOGUS less than 60 s ago").endsWith("bad signature over the DNAME");
  }
}
