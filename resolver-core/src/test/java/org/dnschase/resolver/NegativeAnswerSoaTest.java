package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.dnschase.resolver.cache.RRsetCache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * RFC 2308 §5: the SOA a negative answer carries lives as long as the negative answer it proves,
 * min(SOA TTL, SOA MINIMUM) capped as the cache caps it, on the very answer that fetched it (the
 * lab's zones prove absence for 300 s).
 */
class NegativeAnswerSoaTest extends ChainLabTest {

  @Test
  @DisplayName("RFC 2308 §5: a cap on negative TTLs caps the SOA of the answer that fetched it too")
  void negativeTtlCap_capsTheFetchedSoa() {
    RRsetCache cache = RRsetCache.builder().maxNegativeTtl(Duration.ofSeconds(60)).build();
    try (Resolver capped = ChainLab.resolverFor(lab).cache(cache).build()) {
      Resolution result = capped.resolve("gone.alpha.lab.", Type.A);

      assertThat(result).isInstanceOfSatisfying(Resolution.NxDomain.class,
          nx -> assertThat(nx.soa().getTTL()).isEqualTo(60));
    }
  }
}
