package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.reply.ReplyPolicy;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * {@link org.dnschase.resolver.reply.ReplyPolicy#withAnswerNameServersCached}: the NS set a zone's server sends beside an
 * answer is dropped by default (an unsolicited NS set can take over the zone, CVE-2025-11411) and
 * cached as the zone's own copy when asked to. alpha.lab's server (NS ns.alpha.lab.) here also
 * names ns9.alpha.lab. in the authority section of its answer for final.alpha.lab.
 */
class AnswerNameServersTest extends ChainLabTest {

  private static final Name ZONE = Name.fromConstantString("alpha.lab.");
  private static final Name FINAL = Name.fromConstantString("final.alpha.lab.");

  private AuthServer alpha;

  @BeforeEach
  void announceAnotherNameServer() {
    alpha = lab.server(FaultLab.address(ChainLab.ALPHA));
    alpha.setFault(FINAL, new Fault.OutOfBailiwick(
        new NSRecord(ZONE, DClass.IN, 3600, Name.fromConstantString("ns9.alpha.lab.")), Section.AUTHORITY));
  }

  @AfterEach
  void clearFault() {
    alpha.clearFault();
  }

  @Test
  @DisplayName("By default the NS set beside an answer is dropped: the parent's referral stays the zone's NS set")
  void byDefault_answerNameServersAreDropped() {
    RRsetCache cache = RRsetCache.builder().build();
    try (Resolver resolver = ChainLab.resolverFor(lab).cache(cache).build()) {
      assertThat(resolver.resolve(FINAL, Type.A)).isInstanceOf(Resolution.Answer.class);
    }

    assertThat(cache.lookup(ZONE, Type.NS, DClass.IN)).isInstanceOfSatisfying(CacheLookup.Hit.class, hit -> {
      assertThat(hit.rank()).isEqualTo(TrustRank.REFERRAL_NS);
      assertThat(hit.rrset().rrs(false)).extracting(record -> ((NSRecord) record).getTarget())
          .containsExactly(Name.fromConstantString("ns.alpha.lab."));
    });
  }

  @Test
  @DisplayName("answer NS sets cached: the authoritative NS set beside an answer replaces the referral's (RFC 2181 §5.4.1)")
  void whenKept_theZonesOwnNsSetOutranksTheReferral() {
    RRsetCache cache = RRsetCache.builder().build();
    try (Resolver resolver = ChainLab.resolverFor(lab).cache(cache).replyPolicy(ReplyPolicy.defaults().withAnswerNameServersCached(true)).build()) {
      assertThat(resolver.resolve(FINAL, Type.A)).isInstanceOf(Resolution.Answer.class);
    }

    assertThat(cache.lookup(ZONE, Type.NS, DClass.IN)).isInstanceOfSatisfying(CacheLookup.Hit.class, hit -> {
      assertThat(hit.rank()).isEqualTo(TrustRank.AUTHORITY_DATA);
      assertThat(hit.rrset().rrs(false)).extracting(record -> ((NSRecord) record).getTarget())
          .containsExactly(Name.fromConstantString("ns9.alpha.lab."));
    });
  }
}
