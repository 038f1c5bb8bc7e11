package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.zones.ForwardZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * {@link ForwardZone}: names of the zone go with recursion desired to its servers, never to the
 * root; {@code first} falls back to the walk from the root when they fail. In the lab, the
 * authoritative server of alpha.lab (127.53.10.1) stands in for a recursive server that knows it,
 * and beta.lab's (127.53.11.1), which refuses alpha.lab's names, for a broken one.
 */
class ForwardZoneTest extends ChainLabTest {

  private static final Name FINAL = Name.fromConstantString("final.alpha.lab.");

  @Test
  @DisplayName("A forward zone's names go, with RD=1 and not minimised, to its server only: nothing of them to the root")
  void namesOfTheZone_goToItsServerWithRecursionDesired() {
    try (Resolver forwarding = ChainLab.resolverFor(lab).forwardZone(ForwardZone.of("alpha.lab.", ChainLab.ALPHA)).build()) {
      Resolution result = forwarding.resolve(FINAL, Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(lab.queries()).isNotEmpty().allSatisfy(query -> {
        assertThat(query.server().getHostAddress()).isEqualTo(ChainLab.ALPHA);
        assertThat(query.qname()).isEqualTo(FINAL);
        assertThat(query.message().getHeader().getFlag(Flags.RD)).isTrue();
      });
    }
  }

  @Test
  @DisplayName("Names outside the forward zone are still walked from the root, with RD=0")
  void namesOutsideTheZone_areWalkedFromTheRoot() {
    try (Resolver forwarding = ChainLab.resolverFor(lab).forwardZone(ForwardZone.of("alpha.lab.", ChainLab.BETA)).build()) {
      Resolution result = forwarding.resolve("f4.beta.lab.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(queriesTo(ChainLab.ROOT)).isNotEmpty();
      assertThat(lab.queries()).noneSatisfy(query -> assertThat(query.message().getHeader().getFlag(Flags.RD)).isTrue());
    }
  }

  @Test
  @DisplayName("A forward zone wins over the zone cut the cache holds for its names")
  void forwardZone_winsOverACachedCut() {
    RRsetCache cache = RRsetCache.builder().build();
    try (Resolver walking = ChainLab.resolverFor(lab).cache(cache).build()) {
      assertThat(walking.resolve(FINAL, Type.A)).isInstanceOf(Resolution.Answer.class);
    }
    lab.clearQueries();
    try (Resolver forwarding = ChainLab.resolverFor(lab).cache(cache)
        .forwardZone(ForwardZone.of("alpha.lab.", ChainLab.ALPHA)).build()) {
      assertThat(forwarding.resolve("mx.alpha.lab.", Type.MX)).isInstanceOf(Resolution.Answer.class);
    }

    assertThat(lab.queries()).isNotEmpty()
        .allSatisfy(query -> assertThat(query.message().getHeader().getFlag(Flags.RD)).isTrue());
  }

  @Test
  @DisplayName("When every server of a forward zone fails, the resolution fails: the root is never asked instead")
  void failingServers_withoutFirst_fail() {
    try (Resolver forwarding = ChainLab.resolverFor(lab).forwardZone(ForwardZone.of("alpha.lab.", ChainLab.BETA)).build()) {
      Resolution result = forwarding.resolve(FINAL, Type.A);

      assertThat(result).isInstanceOfSatisfying(Resolution.Failure.class,
          failure -> assertThat(failure.reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED));
      assertThat(queriesTo(ChainLab.ROOT)).isEmpty();
      assertThat(queriesTo(ChainLab.LAB_TLD)).isEmpty();
    }
  }

  @Test
  @DisplayName("forward-first: when every server of the zone fails, the name is resolved from the root")
  void failingServers_withFirst_fallBackToTheRoot() {
    try (Resolver forwarding = ChainLab.resolverFor(lab)
        .forwardZone(ForwardZone.of("alpha.lab.", ChainLab.BETA).withFirst(true)).build()) {
      Resolution result = forwarding.resolve(FINAL, Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(queriesTo(ChainLab.BETA)).isNotEmpty();
      assertThat(queriesTo(ChainLab.ROOT)).isNotEmpty();
    }
  }

  @Test
  @DisplayName("forward-no-cache: a zone not cached has each question asked of its server again, and answers it as the server does now")
  void zoneNotCached_asksItsServerEveryTime() {
    try (Resolver forwarding = ChainLab.resolverFor(lab)
        .forwardZone(ForwardZone.of("alpha.lab.", ChainLab.ALPHA).withCaching(false)).build()) {
      assertThat(forwarding.resolve(FINAL, Type.A)).isInstanceOf(Resolution.Answer.class);
      int first = queriesTo(ChainLab.ALPHA).size();

      assertThat(forwarding.resolve(FINAL, Type.A)).isInstanceOf(Resolution.Answer.class);

      assertThat(first).isPositive();
      assertThat(queriesTo(ChainLab.ALPHA)).hasSize(2 * first);
    }
  }

  @Test
  @DisplayName("forward-host: a server given by name is looked up as soon as the zone is first asked, before the servers given by address fail")
  void serverGivenByName_isLookedUpAhead() throws InterruptedException {
    Name host = Name.fromConstantString("ns.beta.lab.");
    try (Resolver forwarding = ChainLab.resolverFor(lab)
        .forwardZone(ForwardZone.of("alpha.lab.", ChainLab.ALPHA, host.toString())).build()) {
      assertThat(forwarding.resolve(FINAL, Type.A)).isInstanceOf(Resolution.Answer.class);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (lab.queries().stream().noneMatch(query -> query.qname().equals(host)) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(lab.queries()).anySatisfy(query -> assertThat(query.qname()).isEqualTo(host));
    }
  }

  @Test
  @DisplayName("forward-tcp-upstream: a zone asked over TCP only sends its server no datagram")
  void zoneOverTcp_asksItsServerOverTcpOnly() {
    try (Resolver forwarding = ChainLab.resolverFor(lab)
        .forwardZone(ForwardZone.of("alpha.lab.", ChainLab.ALPHA).withTcpOnly(true)).build()) {
      Resolution result = forwarding.resolve(FINAL, Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(queriesTo(ChainLab.ALPHA)).isNotEmpty()
          .allSatisfy(query -> assertThat(query.transport()).isEqualTo(RecordedQuery.Transport.TCP));
    }
  }

  @Test
  @DisplayName("forward-tcp-upstream with forward-first: the fallback walk from the root goes over UDP as usual")
  void zoneOverTcp_fallsBackToTheRootOverUdp() {
    try (Resolver forwarding = ChainLab.resolverFor(lab)
        .forwardZone(ForwardZone.of("alpha.lab.", ChainLab.BETA).withFirst(true).withTcpOnly(true)).build()) {
      Resolution result = forwarding.resolve(FINAL, Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(queriesTo(ChainLab.BETA)).isNotEmpty()
          .allSatisfy(query -> assertThat(query.transport()).isEqualTo(RecordedQuery.Transport.TCP));
      assertThat(queriesTo(ChainLab.ROOT)).isNotEmpty()
          .allSatisfy(query -> assertThat(query.transport()).isEqualTo(RecordedQuery.Transport.UDP));
    }
  }

  @Test
  @DisplayName("A server given with @port is asked on that port, whatever the upstream port")
  void serverWithPort_isAskedOnThatPort() {
    try (TestHierarchy corp = TestHierarchy.builder().zone("""
            $ORIGIN corp.
            @   3600 SOA ns.corp. host.corp. 1 3600 600 86400 300
            @   3600 NS  ns.corp.
            ns  3600 A   127.53.77.1
            www 3600 A   192.0.2.77
            """).build();
         Resolver forwarding = ChainLab.resolverFor(lab)
             .forwardZone(ForwardZone.of("corp.", "127.53.77.1@" + corp.port())).build()) {
      Resolution result = forwarding.resolve("www.corp.", Type.A);

      assertThat(result).isInstanceOfSatisfying(Resolution.Answer.class, answer ->
          assertThat(((ARecord) answer.records().get(0)).getAddress().getHostAddress()).isEqualTo("192.0.2.77"));
      assertThat(corp.queryCount()).isPositive();
      assertThat(lab.queryCount()).isZero();
    }
  }
}
