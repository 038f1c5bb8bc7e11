package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TimeSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Bugs the conformance corpus found (issue 6), each reduced to the few replies that show it,
 * named after the scenario that found it.
 */
class Issue6Test {

  static final InetAddress LEAF = CannedServers.address("192.0.2.3");

  @Test
  @DisplayName("iter_ns_badaa, RFC 1034 §4.3.2: a referral wrongly flagged AA is still followed, not NODATA")
  void referralFlaggedAuthoritative_isFollowed() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, true, List.of(),
            List.of("example. 86400 NS ns.example."), List.of("ns.example. 86400 A 192.0.2.3"))
        .reply(LEAF, "www.example. A", Rcode.NOERROR, true, List.of("www.example. 300 A 192.0.2.80"),
            List.of(), List.of());

    assertThat(servers.resolve("www.example.", Type.A)).isInstanceOf(Resolution.Answer.class);
  }

  @Test
  @DisplayName("iter_lame_aaaa: an authoritative upward referral (to the root) is lame, not NODATA")
  void upwardReferralFlaggedAuthoritative_isLame() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "example. AAAA", Rcode.NOERROR, false, List.of(),
            List.of("example. 86400 NS ns.example."), List.of("ns.example. 86400 A 192.0.2.3"))
        .reply(LEAF, "example. AAAA", Rcode.NOERROR, true, List.of(),
            List.of(". 86400 NS a.root."), List.of("a.root. 86400 A 192.0.2.1"));

    assertThat(servers.resolve("example.", Type.AAAA)).isInstanceOfSatisfying(Resolution.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED));
  }

  @Test
  @DisplayName("iter_pcdirect: when a name server's look-up fails, glue it cached on the way is still used")
  void failedNameServerLookUp_fallsBackToCachedGlue() {
    InetAddress net = CannedServers.address("192.0.2.4");
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example.com. A", Rcode.NOERROR, false, List.of(),
            List.of("example.com. 86400 NS ns.example.net."), List.of())
        .reply(CannedServers.ROOT, "ns.example.net. A", Rcode.NOERROR, false, List.of(),
            List.of("example.net. 86400 NS ns.example.net."), List.of("ns.example.net. 86400 A 192.0.2.4"))
        .reply(net, "ns.example.net. A", Rcode.NOERROR, false, List.of(),
            List.of("ns.example.net. 86400 NS x.example.net."), List.of())
        .reply(net, "x.example.net. A", Rcode.NXDOMAIN, true, List.of(),
            List.of("example.net. 300 SOA ns.example.net. admin.example.net. 1 3600 600 86400 300"), List.of())
        .reply(net, "www.example.com. A", Rcode.NOERROR, true, List.of("www.example.com. 300 A 192.0.2.80"),
            List.of(), List.of());

    assertThat(servers.resolve("www.example.com.", Type.A)).isInstanceOf(Resolution.Answer.class);
  }

  @Test
  @DisplayName("iter_nottl, RFC 8109 §3: a primed root NS set without addresses is not primed again for every query")
  void rootWithoutGlue_isPrimedOnce() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, ". NS", Rcode.NOERROR, true, List.of(". 86400 NS a.root."), List.of(), List.of())
        .reply(CannedServers.ROOT, "a.example. A", Rcode.NOERROR, true, List.of("a.example. 300 A 192.0.2.80"),
            List.of(), List.of())
        .reply(CannedServers.ROOT, "b.example. A", Rcode.NOERROR, true, List.of("b.example. 300 A 192.0.2.81"),
            List.of(), List.of());

    try (Resolver resolver = servers.resolver()) {
      assertThat(resolver.resolve("a.example.", Type.A)).isInstanceOf(Resolution.Answer.class);
      assertThat(resolver.resolve("b.example.", Type.A)).isInstanceOf(Resolution.Answer.class);
    }
    assertThat(servers.asked(". NS")).isEqualTo(1);
  }

  @Test
  @DisplayName("iter_domain_sale, RFC 2308 §2.1 type 1: the NS set beside an NXDOMAIN's SOA reaches the client")
  void nxDomainAuthority_keepsTheZonesNameServers() {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "nx.example. A", Rcode.NXDOMAIN, true, List.of(),
            List.of(". 86400 SOA a.root. admin.root. 1 3600 600 86400 300", ". 86400 NS a.root."), List.of());

    Resolution outcome = servers.resolve("nx.example.", Type.A);

    assertThat(outcome).isInstanceOfSatisfying(Resolution.NxDomain.class, nx -> assertThat(nx.nameServers())
        .extracting(record -> record.getAdditionalName().toString()).containsExactly("a.root."));
  }

  @Test
  @DisplayName("iter_dname_insec, RFC 6672 §2.2: a YXDOMAIN outcome keeps the DNAME that caused it")
  void yxDomain_keepsTheDname() {
    String longTarget = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(60) + ".";
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "too.long. A", Rcode.YXDOMAIN, true,
            List.of("long. 3600 DNAME " + longTarget), List.of(), List.of());

    Resolution outcome = servers.resolve("too.long.", Type.A);

    assertThat(outcome).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.YXDOMAIN);
      assertThat(failure.stoppedAt()).hasToString("long.\t\t\t3600\tIN\tDNAME\t" + longTarget);
    });
  }

  @Test
  @DisplayName("iter_ns_badip: when in-zone glue expired and the other server fails, the parent is asked again")
  void expiredInZoneGlue_isFetchedAgainFromTheParent() {
    AtomicLong nanos = new AtomicLong();
    InetAddress failing = CannedServers.address("192.0.2.5");
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, false, List.of(),
            List.of("example. 86400 NS ns.example.", "example. 86400 NS ns2.example."),
            List.of("ns.example. 10 A 192.0.2.3", "ns2.example. 3600 A 192.0.2.5"))
        .reply(LEAF, "www.example. A", Rcode.NOERROR, true, List.of("www.example. 10 A 192.0.2.80"),
            List.of(), List.of())
        .reply(failing, "www.example. A", Rcode.SERVFAIL, false, List.of(), List.of(), List.of());

    try (Resolver resolver = servers.builder().timeSource(TimeSource.ofNanos(Instant.EPOCH, nanos::get)).build()) {
      assertThat(resolver.resolve("www.example.", Type.A)).isInstanceOf(Resolution.Answer.class);
      nanos.set(TimeUnit.SECONDS.toNanos(20));

      assertThat(resolver.resolve("www.example.", Type.A)).isInstanceOf(Resolution.Answer.class);
    }
  }

  @Test
  @DisplayName("iter_pcdiff: when the child's own address for its name server fails, the parent's glue is used")
  void childAddressFailing_fallsBackToParentSideGlue() {
    InetAddress childSide = CannedServers.address("192.0.2.55");
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example.com. A", Rcode.NOERROR, false, List.of(),
            List.of("example.com. 86400 NS ns.example.net."), List.of())
        .reply(CannedServers.ROOT, "ns.example.net. A", Rcode.NOERROR, false, List.of(),
            List.of("example.net. 86400 NS ns.example.net."), List.of("ns.example.net. 86400 A 192.0.2.3"))
        .reply(LEAF, "ns.example.net. A", Rcode.NOERROR, true, List.of("ns.example.net. 86400 A 192.0.2.55"),
            List.of(), List.of())
        .reply(LEAF, "www.example.com. A", Rcode.NOERROR, true, List.of("www.example.com. 300 A 192.0.2.80"),
            List.of(), List.of())
        .reply(childSide, "www.example.com. A", Rcode.SERVFAIL, false, List.of(), List.of(), List.of());

    assertThat(servers.resolve("www.example.com.", Type.A)).isInstanceOf(Resolution.Answer.class);
    assertThat(servers.asked("www.example.com. A")).as("root, the child-side address, then the glue").isEqualTo(3);
  }

  @Test
  @DisplayName("iter_nottl: a NODATA without SOA is answered from the cache for a configured minimum TTL, then asked again")
  void noDataWithoutSoa_livesForTheMinimumTtl() {
    AtomicLong nanos = new AtomicLong();
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "example. A", Rcode.NOERROR, true, List.of(), List.of(), List.of());
    RRsetCache cache = RRsetCache.builder().minTtl(Duration.ofSeconds(5)).timeSource(TimeSource.ofNanos(Instant.EPOCH, nanos::get)).build();

    try (Resolver resolver = servers.builder().cache(cache).build()) {
      assertThat(resolver.resolve("example.", Type.A)).isInstanceOf(Resolution.NoData.class);
      nanos.set(TimeUnit.SECONDS.toNanos(4));
      assertThat(resolver.resolve("example.", Type.A)).isInstanceOf(Resolution.NoData.class);
      assertThat(servers.asked("example. A")).as("answered from the cache at 4 s").isEqualTo(1);

      nanos.set(TimeUnit.SECONDS.toNanos(5));
      resolver.resolve("example.", Type.A);
      assertThat(servers.asked("example. A")).as("asked again at 5 s").isEqualTo(2);
    }
  }
}
