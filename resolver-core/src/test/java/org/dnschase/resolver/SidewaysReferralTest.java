package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * RFC 1034 §5.3.3: a referral must bring the resolution closer to the name. A delegation that
 * lists its parent's server among the zone's (a common slip when a zone moves out of its parent)
 * sends the resolver back to the cut it came from: that server is lame, and the zone's answer comes
 * from its real servers, or, without any, the resolution fails. Unbound takes such a referral for
 * a NODATA answer (iter_resptype.c: an NS set at the delegation point is an ANSWER) and answers
 * NOERROR without data or SOA; the differential test (resolver-bench/diff) found it in most labs.
 * Here test.'s server, 127.53.2.1, is listed for both zones below.
 */
class SidewaysReferralTest {

  static final ZoneTree TREE = LabZones.rootAndTest()
      .zone("half.test.", half -> half.delegatedOnly("ns0", "127.53.2.1").server("ns1", "127.53.71.1")
          .records("www A 192.0.2.71\nmail MX 10 www"))
      .zone("only.test.", only -> only.delegatedOnly("ns0", "127.53.2.1").records("www A 192.0.2.72"))
      .build();

  @Lab static TestHierarchy lab;

  @Test
  @DisplayName("RFC 1034 §5.3.3: beside the parent's server, listed by mistake, the zone's real server answers every question")
  void parentsServerBesideTheRealOne_realOneAnswers() {
    for (int i = 0; i < 4; i++) { // a fresh resolver each time: either server may be tried first
      try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
        assertThat(resolver.resolve("www.half.test.", Type.A)).isInstanceOf(Resolution.Answer.class);
        assertThat(resolver.resolve("mail.half.test.", Type.MX)).isInstanceOf(Resolution.Answer.class);
      }
    }
  }

  @Test
  @DisplayName("RFC 1034 §5.3.3: a zone whose only server is its parent's fails; it has no NODATA to give")
  void onlyTheParentsServer_fails() {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      assertThat(resolver.resolve("www.only.test.", Type.A)).isInstanceOf(Resolution.Failure.class);
    }
  }
}
