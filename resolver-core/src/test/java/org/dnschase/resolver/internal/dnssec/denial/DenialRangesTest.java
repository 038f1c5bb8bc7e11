package org.dnschase.resolver.internal.dnssec.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.ZONE;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.name;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.proof;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.testkit.Signing;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Message;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Aggressive use of the validated cache: remembered ranges answer other names (RFC 8198 §4-5). */
class DenialRangesTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final Denials denials = new Denials(Defaults.MAX_NSEC3_ITERATIONS);
  private final DenialRanges ranges = new DenialRanges(TimeSource.ofNanos(Instant.now(), nanos::get), 1 << 20,
      Defaults.MAX_NEGATIVE_TTL, denials);

  /** Remembers a reply's proof the way the validator does once it proved the reply's claim. */
  private void rememberProven(Message reply, Denial proven) {
    assertThat(proven).isInstanceOf(Denial.Proven.class);
    remember(ranges, reply);
  }

  private static void remember(DenialRanges store, Message reply) {
    SOARecord soa = (SOARecord) reply.getSection(Section.AUTHORITY).stream()
        .filter(r -> r.getType() == Type.SOA).findFirst().orElseThrow();
    store.remember(DenialRecords.of(ZONE, reply.getSection(Section.AUTHORITY)), soa);
  }

  @Test
  @DisplayName("RFC 8198 §5.1: the NSEC covering one missing name answers NXDOMAIN for another name it covers")
  void nsecRange_answersOtherNameInside() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))) {
      Message reply = zones.ask("nope.example.test.", Type.A);
      rememberProven(reply, denials.nxDomain(name("nope.example.test."), proof(reply)));

      DenialRanges.Synthesis synthesis = ranges.lookup(name("mm.example.test."), Type.AAAA);

      assertThat(synthesis.denial()).isEqualTo(new Denial.NxDomain(name("mm.example.test."), ZONE));
      assertThat(synthesis.soa().getName()).isEqualTo(ZONE);
      assertThat(ranges.lookup(name("www.example.test."), Type.A)).isNull();
      assertThat(ranges.lookup(name("zz.example.test."), Type.A)).isNull();
    }
  }

  @Test
  @DisplayName("RFC 8198 §5.4: a range is not used past the expiry of its record's signature, whatever its TTL")
  void range_endsWithItsSignature() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))) {
      Message reply = zones.ask("nope.example.test.", Type.A);
      Instant expiry = reply.getSection(Section.AUTHORITY).stream()
          .filter(r -> r instanceof RRSIGRecord sig && sig.getTypeCovered() == Type.NSEC)
          .map(r -> ((RRSIGRecord) r).getExpire()).min(Instant::compareTo).orElseThrow();
      DenialRanges nearExpiry = new DenialRanges(TimeSource.ofNanos(expiry.minusSeconds(20), nanos::get), 1 << 20,
          Defaults.MAX_NEGATIVE_TTL, denials);
      SOARecord soa = (SOARecord) reply.getSection(Section.AUTHORITY).stream()
          .filter(r -> r.getType() == Type.SOA).findFirst().orElseThrow();
      nearExpiry.remember(DenialRecords.of(ZONE, reply.getSection(Section.AUTHORITY)), soa,
          reply.getSection(Section.AUTHORITY));

      nanos.addAndGet(TimeUnit.SECONDS.toNanos(18));
      assertThat(nearExpiry.lookup(name("mm.example.test."), Type.AAAA)).isNotNull();
      nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
      assertThat(nearExpiry.lookup(name("mm.example.test."), Type.AAAA)).isNull();
    }
  }

  @Test
  @DisplayName("RFC 8198 §5.2: a proof kept without SOA (a referral's) answers only once the zone's SOA came with another")
  void proofWithoutSoa_answersWithTheSoaOfAnotherRange() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))) {
      Message noData = zones.ask("www.example.test.", Type.AAAA);
      ranges.remember(DenialRecords.of(ZONE, noData.getSection(Section.AUTHORITY).stream()
          .filter(r -> r.getType() == Type.NSEC).toList()), null, List.of());

      assertThat(ranges.lookup(name("www.example.test."), Type.TXT)).isNull();

      Message nxDomain = zones.ask("nope.example.test.", Type.A);
      rememberProven(nxDomain, denials.nxDomain(name("nope.example.test."), proof(nxDomain)));
      DenialRanges.Synthesis synthesis = ranges.lookup(name("www.example.test."), Type.TXT);

      assertThat(synthesis.denial()).isEqualTo(new Denial.NoData(name("www.example.test."), Type.TXT, null));
      assertThat(synthesis.soa().getName()).isEqualTo(ZONE);
    }
  }

  @Test
  @DisplayName("RFC 8198 §5.2: the NSEC at a name answers NODATA for every type its map lacks")
  void nsecAtName_answersNoDataForOtherTypes() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))) {
      Message reply = zones.ask("www.example.test.", Type.AAAA);
      rememberProven(reply, denials.noData(name("www.example.test."), Type.AAAA, proof(reply)));

      assertThat(ranges.lookup(name("www.example.test."), Type.TXT).denial())
          .isEqualTo(new Denial.NoData(name("www.example.test."), Type.TXT, null));
      assertThat(ranges.lookup(name("www.example.test."), Type.A)).isNull();
    }
  }

  @Test
  @DisplayName("RFC 8198 §5.2: the NSEC at a name that owns data never answers NODATA to ANY, which that data answers")
  void nsecAtNameWithData_neverAnswersAny() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))) {
      Message reply = zones.ask("www.example.test.", Type.AAAA);
      rememberProven(reply, denials.noData(name("www.example.test."), Type.AAAA, proof(reply)));

      assertThat(ranges.lookup(name("www.example.test."), Type.ANY)).isNull();
    }
  }

  @Test
  @DisplayName("RFC 8198 §5.2 with NSEC3: the record matching a name that owns data never answers NODATA to ANY")
  void nsec3AtNameWithData_neverAnswersAny() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)
        .withNsec3(1, "ab", false))) {
      Message reply = zones.ask("www.example.test.", Type.AAAA);
      rememberProven(reply, denials.noData(name("www.example.test."), Type.AAAA, proof(reply)));

      assertThat(ranges.lookup(name("www.example.test."), Type.ANY)).isNull();
    }
  }

  @Test
  @DisplayName("RFC 8198 §4: NSEC3 ranges give the closest encloser proof for another name below the same encloser")
  void nsec3Ranges_answerOtherNameBelowSameEncloser() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)
        .withNsec3(1, "ab", false))) {
      Message reply = zones.ask("a.nope.example.test.", Type.A);
      rememberProven(reply, denials.nxDomain(name("a.nope.example.test."), proof(reply)));

      assertThat(ranges.lookup(name("b.nope.example.test."), Type.A).denial())
          .isEqualTo(new Denial.NxDomain(name("b.nope.example.test."), ZONE));
      assertThat(ranges.lookup(name("www.example.test."), Type.A)).isNull();
    }
  }

  @Test
  @DisplayName("RFC 8198 §5.4, RFC 9077 §3.3: a range lives no longer than the SOA's MINIMUM and the NSEC's TTL")
  void range_expiresWithNegativeTtl() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))) {
      Message reply = zones.ask("nope.example.test.", Type.A);
      rememberProven(reply, denials.nxDomain(name("nope.example.test."), proof(reply)));
      nanos.addAndGet(TimeUnit.SECONDS.toNanos(50)); // the zone's negative TTL is 60 s

      assertThat(ranges.lookup(name("mm.example.test."), Type.A).soa().getTTL()).isEqualTo(10);
      nanos.addAndGet(TimeUnit.SECONDS.toNanos(11));
      assertThat(ranges.lookup(name("mm.example.test."), Type.A)).isNull();
    }
  }

  @Test
  @DisplayName("RFC 8198 §5.1: an insecure proof (opt-out) is not remembered as a range that answers others")
  void optOutProof_answersNothing() {
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)
        .withNsec3(0, "-", true))) {
      Message reply = zones.ask("a.nope.example.test.", Type.A);
      remember(ranges, reply);

      assertThat(ranges.lookup(name("b.nope.example.test."), Type.A)).isNull();
    }
  }

  @Test
  @DisplayName("the store holds no more than its share of the byte budget")
  void store_isBoundedByItsBudget() {
    DenialRanges tiny = new DenialRanges(TimeSource.ofNanos(Instant.now(), nanos::get), 2_000, Duration.ofHours(1),
        denials);
    try (SignedReplies zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))) {
      for (String missing : new String[] {"nope", "b", "zz", "ant", "ns2", "x.www", "y.alias"}) {
        Message reply = zones.ask(missing + ".example.test.", Type.A);
        remember(tiny, reply);
      }

      assertThat(tiny.rangeCount()).isPositive().isLessThanOrEqualTo(2_000 / 320);
    }
  }
}
