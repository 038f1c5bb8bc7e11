package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.cache.RRsetCache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Every TTL a resolution hands out respects the caps of the cache in use (RFC 2181 §8, RFC 2308
 * §5): a result never promises more than the cache keeps, whether it came from a server's reply
 * (which may say 2^31 - 1) or from the cache afterwards. A negative answer's TTL is within the
 * negative cap; its SOA record, data like any other, within the positive cap (as Unbound shows it).
 */
class TtlCapsTest {

  private static final long MAX = 3_600;
  private static final long MAX_NEGATIVE = 600;
  private static final String FOREVER = "2147483647";
  private static final String SOA = ". " + FOREVER + " SOA a.root. host.root. 1 3600 600 86400 " + FOREVER;

  private static Resolver capped(CannedServers servers) {
    return servers.builder().cache(RRsetCache.builder().maxTtl(Duration.ofSeconds(MAX))
        .maxNegativeTtl(Duration.ofSeconds(MAX_NEGATIVE)).build()).build();
  }

  /** Every TTL a resolution shows: its own, each hop's and hop record's, each record it would answer with. */
  private static List<Long> ttlsShown(Resolution result) {
    List<Long> ttls = new ArrayList<>();
    ttls.add(result.ttl().toSeconds());
    for (Hop hop : result.chain()) {
      ttls.add(hop.ttl().toSeconds());
      ttls.add(hop.record().getTTL());
    }
    for (Record record : result.answerSection()) {
      ttls.add(record.getTTL());
    }
    SOARecord soa = switch (result) {
      case Resolution.NxDomain nx -> nx.soa();
      case Resolution.NoData nd -> nd.soa();
      default -> null;
    };
    if (soa != null) {
      ttls.add(soa.getTTL());
    }
    List<Record> nameServers = switch (result) {
      case Resolution.NxDomain nx -> nx.nameServers();
      case Resolution.NoData nd -> nd.nameServers();
      default -> List.of();
    };
    nameServers.forEach(ns -> ttls.add(ns.getTTL()));
    return ttls;
  }

  @Test
  @DisplayName("RFC 2181 §8: an answer and its chain (CNAME and DNAME hops) with TTL 2^31-1 show at most the cache's max TTL")
  void answerAndChain_showAtMostTheMaxTtl() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, true, List.of(
            "www.example. " + FOREVER + " CNAME www.alias.",
            "alias. " + FOREVER + " DNAME target.",
            "www.alias. " + FOREVER + " CNAME www.target.",
            "www.target. " + FOREVER + " A 192.0.2.80"), List.of(), List.of());
    try (Resolver resolver = capped(servers)) {
      Resolution walked = resolver.resolve("www.example.", Type.A);
      Resolution cached = resolver.resolve("www.example.", Type.A);

      assertThat(walked).isInstanceOf(Resolution.Answer.class);
      assertThat(walked.chain()).hasSize(2);
      assertThat(ttlsShown(walked)).allSatisfy(ttl -> assertThat(ttl).isBetween(1L, MAX));
      assertThat(ttlsShown(cached)).allSatisfy(ttl -> assertThat(ttl).isBetween(1L, MAX));
    }
  }

  @Test
  @DisplayName("RFC 2308 §5: an NXDOMAIN whose SOA says 2^31-1 shows at most the max negative TTL, walked or cached")
  void nxDomain_showsAtMostTheMaxNegativeTtl() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "nope.example. A", Rcode.NXDOMAIN, true, List.of(),
            List.of(SOA, ". " + FOREVER + " NS a.root."), List.of());
    try (Resolver resolver = capped(servers)) {
      Resolution walked = resolver.resolve("nope.example.", Type.A);
      Resolution cached = resolver.resolve("nope.example.", Type.A);

      assertThat(walked).isInstanceOf(Resolution.NxDomain.class);
      assertThat(walked.ttl()).isEqualTo(Duration.ofSeconds(MAX_NEGATIVE));
      assertThat(ttlsShown(walked)).allSatisfy(ttl -> assertThat(ttl).isLessThanOrEqualTo(MAX));
      assertThat(cached).isInstanceOf(Resolution.NxDomain.class);
      assertThat(ttlsShown(cached)).allSatisfy(ttl -> assertThat(ttl).isLessThanOrEqualTo(MAX_NEGATIVE));
    }
  }

  @Test
  @DisplayName("RFC 2308 §5: a NODATA at the end of a chain shows at most the caps, hops and SOA alike")
  void noDataAfterChain_showsAtMostTheCaps() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. AAAA", Rcode.NOERROR, true,
            List.of("www.example. " + FOREVER + " CNAME host.example."), List.of(SOA), List.of());
    try (Resolver resolver = capped(servers)) {
      Resolution walked = resolver.resolve("www.example.", Type.AAAA);
      Resolution cached = resolver.resolve("www.example.", Type.AAAA);

      assertThat(walked).isInstanceOf(Resolution.NoData.class);
      assertThat(walked.ttl()).isEqualTo(Duration.ofSeconds(MAX_NEGATIVE));
      assertThat(ttlsShown(walked)).allSatisfy(ttl -> assertThat(ttl).isLessThanOrEqualTo(MAX));
      assertThat(ttlsShown(cached)).allSatisfy(ttl -> assertThat(ttl).isLessThanOrEqualTo(MAX));
    }
  }

  @Test
  @DisplayName("RFC 2181 §8: with the default cache, a TTL of 2^31-1 is shown as one day, its cap")
  void defaultCache_capsAtOneDay() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, true,
            List.of("www.example. " + FOREVER + " A 192.0.2.80"), List.of(), List.of());

    Resolution result = servers.resolve("www.example.", Type.A);

    assertThat(ttlsShown(result)).containsOnly(86_400L);
  }

  @Test
  @DisplayName("A TTL below the cache's floor is shown raised to it, as the cache keeps it")
  void ttlBelowTheFloor_isShownAtTheFloor() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, true,
            List.of("www.example. 5 A 192.0.2.80"), List.of(), List.of());
    try (Resolver resolver = servers.builder().cache(RRsetCache.builder().minTtl(Duration.ofSeconds(60)).build())
        .build()) {
      assertThat(ttlsShown(resolver.resolve("www.example.", Type.A))).containsOnly(60L);
    }
  }

  @Test
  @DisplayName("A TTL of 0 is raised to a floor that was set, and cached for it, as Unbound's cache-min-ttl and Knot's min_ttl do")
  void ttlZero_isRaisedToAFloorThatWasSet() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, true,
            List.of("www.example. 0 A 192.0.2.80"), List.of(), List.of());
    try (Resolver resolver = servers.builder().cache(RRsetCache.builder().minTtl(Duration.ofSeconds(60)).build())
        .build()) {
      assertThat(ttlsShown(resolver.resolve("www.example.", Type.A))).containsOnly(60L);
      Resolution again = resolver.resolve("www.example.", Type.A);
      assertThat(again.upstreamQueries()).isZero();
      assertThat(ttlsShown(again)).allMatch(ttl -> ttl > 0 && ttl <= 60);
    }
  }

  @Test
  @DisplayName("RFC 1035 §3.2.1: without a floor, a TTL of 0 is not cached: the next question is asked again")
  void ttlZero_withoutAFloor_isNotCached() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, true,
            List.of("www.example. 0 A 192.0.2.80"), List.of(), List.of());
    try (Resolver resolver = servers.builder().build()) {
      resolver.resolve("www.example.", Type.A);
      assertThat(resolver.resolve("www.example.", Type.A).upstreamQueries()).isPositive();
    }
  }

  @Test
  @DisplayName("RFC 6761 §6.3: localhost's local answer respects a max TTL below its own")
  void localhost_respectsTheMaxTtl() {
    try (Resolver resolver = capped(new CannedServers())) {
      assertThat(ttlsShown(resolver.resolve("localhost.", Type.A))).containsOnly(MAX);
    }
  }
}
