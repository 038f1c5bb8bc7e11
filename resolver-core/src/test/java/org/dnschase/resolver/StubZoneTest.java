package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.zones.StubZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * {@link StubZone}: names of the zone are walked from its authoritative servers (RD=0, referrals
 * followed), never from the root; {@code prime} asks them for the zone's NS set first;
 * {@code first} falls back to the walk from the root when they fail. beta.lab's server
 * (127.53.11.1), which refuses alpha.lab's names, plays a broken server.
 */
class StubZoneTest extends ChainLabTest {

  private static final Name FINAL = Name.fromConstantString("final.alpha.lab.");

  @Test
  @DisplayName("A stub zone is walked from its servers, with RD=0, following their referrals; the root is never asked")
  void stubZone_isWalkedFromItsServers() {
    try (Resolver stub = ChainLab.resolverFor(lab).stubZone(StubZone.of("lab.", ChainLab.LAB_TLD)).build()) {
      Resolution result = stub.resolve(FINAL, Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(queriesTo(ChainLab.ROOT)).isEmpty();
      assertThat(queriesTo(ChainLab.LAB_TLD)).isNotEmpty();
      assertThat(queriesTo(ChainLab.ALPHA)).isNotEmpty();
      assertThat(lab.queries()).noneSatisfy(query -> assertThat(query.message().getHeader().getFlag(Flags.RD)).isTrue());
    }
  }

  @Test
  @DisplayName("The deepest configured zone wins over a zone cut cached above it")
  void stubZone_winsOverACachedCutAbove() {
    RRsetCache cache = RRsetCache.builder().build();
    try (Resolver walking = ChainLab.resolverFor(lab).cache(cache).build()) {
      assertThat(walking.resolve("f4.beta.lab.", Type.A)).isInstanceOf(Resolution.Answer.class);
    }
    lab.clearQueries();
    try (Resolver stub = ChainLab.resolverFor(lab).cache(cache).stubZone(StubZone.of("alpha.lab.", ChainLab.ALPHA)).build()) {
      assertThat(stub.resolve(FINAL, Type.A)).isInstanceOf(Resolution.Answer.class);
    }

    assertThat(lab.queries()).isNotEmpty().allSatisfy(query -> assertThat(query.server().getHostAddress()).isEqualTo(ChainLab.ALPHA));
  }

  @Test
  @DisplayName("RFC 8020 stops at a stub zone: an NXDOMAIN cached above it does not answer the stub zone's names")
  void nxDomainAbove_doesNotAnswerForAStubZoneBelow() {
    try (Resolver stub = ChainLab.resolverFor(lab).stubZone(StubZone.of("inner.gone.alpha.lab.", ChainLab.ALPHA))
        .build()) {
      assertThat(stub.resolve("gone.alpha.lab.", Type.A)).isInstanceOf(Resolution.NxDomain.class);
      lab.clearQueries();

      stub.resolve("www.inner.gone.alpha.lab.", Type.A);

      assertThat(queriesTo(ChainLab.ALPHA)).isNotEmpty();
    }
  }

  @Test
  @DisplayName("A zone cut cached below a stub zone, from its servers' referral, is where later walks start")
  void cachedCutBelowTheStub_isUsed() {
    try (Resolver stub = ChainLab.resolverFor(lab).stubZone(StubZone.of("lab.", ChainLab.LAB_TLD)).build()) {
      assertThat(stub.resolve(FINAL, Type.A)).isInstanceOf(Resolution.Answer.class);
      lab.clearQueries();

      assertThat(stub.resolve("mx.alpha.lab.", Type.MX)).isInstanceOf(Resolution.Answer.class);
      assertThat(lab.queries()).isNotEmpty().allSatisfy(query -> assertThat(query.server().getHostAddress()).isEqualTo(ChainLab.ALPHA));
    }
  }

  @Test
  @DisplayName("stub-prime: the servers are asked for the zone's NS set first, and the walk goes on from the servers it names")
  void primedStub_asksForTheNsSetFirst() {
    try (Resolver stub = ChainLab.resolverFor(lab).stubZone(StubZone.of("alpha.lab.", ChainLab.ALPHA).withPrime(true)).build()) {
      assertThat(stub.resolve(FINAL, Type.A)).isInstanceOf(Resolution.Answer.class);

      assertThat(lab.queries()).extracting(query -> query.qname() + "/" + Type.string(query.qtype()))
          .containsExactly("alpha.lab./NS", "final.alpha.lab./A");
    }
  }

  @Test
  @DisplayName("When every server of a stub zone fails, the resolution fails: the root is never asked instead")
  void failingServers_withoutFirst_fail() {
    try (Resolver stub = ChainLab.resolverFor(lab).stubZone(StubZone.of("alpha.lab.", ChainLab.BETA)).build()) {
      Resolution result = stub.resolve(FINAL, Type.A);

      assertThat(result).isInstanceOfSatisfying(Resolution.Failure.class,
          failure -> assertThat(failure.reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED));
      assertThat(queriesTo(ChainLab.ROOT)).isEmpty();
    }
  }

  @Test
  @DisplayName("stub-first: when every server of the zone fails, the name is resolved from the root")
  void failingServers_withFirst_fallBackToTheRoot() {
    try (Resolver stub = ChainLab.resolverFor(lab).stubZone(StubZone.of("alpha.lab.", ChainLab.BETA).withFirst(true)).build()) {
      Resolution result = stub.resolve(FINAL, Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(queriesTo(ChainLab.BETA)).isNotEmpty();
      assertThat(queriesTo(ChainLab.ROOT)).isNotEmpty();
    }
  }
}
