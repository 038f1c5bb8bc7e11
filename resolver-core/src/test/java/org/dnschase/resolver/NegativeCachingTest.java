package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TimeSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Negative answers from the cache (RFC 2308) and what an NXDOMAIN says about the names below (RFC 8020). */
class NegativeCachingTest extends ChainLabTest {

  @Test
  @DisplayName("RFC 2308 §5: NODATA is answered from the cache on the second query")
  void noData_isAnsweredFromCache() {
    resolver.resolve("final.alpha.lab.", Type.MX);
    lab.clearQueries();

    Resolution again = resolver.resolve("final.alpha.lab.", Type.MX);

    assertThat(again).isInstanceOf(Resolution.NoData.class);
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("RFC 8020 §2: after an NXDOMAIN, names below that name are NXDOMAIN without a query")
  void nxDomain_coversNamesBelow() {
    resolver.resolve("gone.alpha.lab.", Type.A);
    lab.clearQueries();

    Resolution below = resolver.resolve("deep.under.gone.alpha.lab.", Type.AAAA);

    assertThat(below).isInstanceOf(Resolution.NxDomain.class);
    assertThat(((Resolution.NxDomain) below).soa().getName().toString()).isEqualTo("alpha.lab.");
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("RFC 8020 §2 applies below, never beside: a sibling of an NXDOMAIN name is still asked")
  void nxDomain_doesNotCoverSiblings() {
    resolver.resolve("gone.alpha.lab.", Type.A);
    lab.clearQueries();

    Resolution sibling = resolver.resolve("final.alpha.lab.", Type.A);

    assertThat(sibling).isInstanceOf(Resolution.Answer.class);
    assertThat(lab.queryCount()).isPositive();
  }

  /* ---- the negative TTL (RFC 2308 §5: min(SOA TTL, SOA MINIMUM), here min(3600, 300) = 300 s) ---- */

  @Test
  @DisplayName("RFC 2308 §5: NXDOMAIN and NODATA are both negative answers carrying the SOA-derived TTL")
  void nxDomainAndNoData_areNegativesWithTheSoaDerivedTtl() {
    Resolution nxDomain = resolver.resolve("gone.alpha.lab.", Type.A);
    Resolution noData = resolver.resolve("final.alpha.lab.", Type.MX);

    for (Resolution negative : List.of(nxDomain, noData)) {
      assertThat(negative).isInstanceOfSatisfying(Resolution.Negative.class, n -> {
        assertThat(n.negativeTtl()).isEqualTo(Duration.ofSeconds(300));
        assertThat(n.soa().getName().toString()).isEqualTo("alpha.lab.");
      });
    }
  }

  @Test
  @DisplayName("RFC 2308 §5: the negative TTL is capped as the cache caps it; the SOA still shows its MINIMUM")
  void negativeTtl_isCappedByTheCachesNegativeCap() {
    RRsetCache capped = RRsetCache.builder().maxNegativeTtl(Duration.ofSeconds(60)).build();
    try (Resolver withCap = ChainLab.resolverFor(lab).cache(capped).build()) {
      Resolution.Negative negative = (Resolution.Negative) withCap.resolve("gone.alpha.lab.", Type.A);

      assertThat(negative.negativeTtl()).isEqualTo(Duration.ofSeconds(60));
      assertThat(negative.ttl()).isEqualTo(Duration.ofSeconds(60));
      assertThat(negative.soa().getMinimum()).isEqualTo(300);
    }
  }

  /* ---- expiry (RFC 2308 §5: min(SOA TTL, SOA MINIMUM), here min(3600, 300) = 300 s) ---- */

  @Test
  @DisplayName("RFC 2308 §5: a cached NXDOMAIN answers until the SOA-derived TTL passes, then is asked again")
  void nxDomain_expiresAtSoaDerivedTtl() {
    assertExpiresAfter300Seconds("gone.alpha.lab.", Type.A, Resolution.NxDomain.class);
  }

  @Test
  @DisplayName("RFC 2308 §5: a cached NODATA answers until the SOA-derived TTL passes, then is asked again")
  void noData_expiresAtSoaDerivedTtl() {
    assertExpiresAfter300Seconds("final.alpha.lab.", Type.MX, Resolution.NoData.class);
  }

  private void assertExpiresAfter300Seconds(String name, int type, Class<?> kind) {
    AtomicLong nanos = new AtomicLong();
    try (Resolver timed = ChainLab.resolverFor(lab).timeSource(TimeSource.ofNanos(Instant.EPOCH, nanos::get)).build()) {
      assertThat(timed.resolve(name, type)).isInstanceOf(kind);
      lab.clearQueries();

      nanos.set(TimeUnit.SECONDS.toNanos(299));
      assertThat(timed.resolve(name, type)).isInstanceOf(kind);
      assertThat(lab.queryCount()).as("still cached at 299 s").isZero();

      nanos.set(TimeUnit.SECONDS.toNanos(300));
      assertThat(timed.resolve(name, type)).isInstanceOf(kind);
      assertThat(lab.queryCount()).as("asked again at 300 s").isPositive();
    }
  }
}
