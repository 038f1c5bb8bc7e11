package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * Unbound's prefetch-key: a referral whose DS records validate starts the fetch of the child
 * zone's DNSKEY RRset in a query of its own, beside the walk into the zone; without it the keys
 * are fetched when an answer of the zone needs them.
 */
class KeyPrefetchTest {

  private static long prefetchesOfColdWalk(UnaryOperator<Validation> settings) {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab, settings).build()) {
      Resolution answer = resolver.resolve("www.alpha.lab.", Type.A);

      assertThat(answer.security()).isEqualTo(Security.SECURE);
      return resolver.cacheStats().prefetches();
    }
  }

  @Test
  @DisplayName("prefetch-key: each zone whose DS a referral proved has its keys fetched beside the walk")
  void keyPrefetch_fetchesKeysOfEachSecureDelegation() {
    assertThat(prefetchesOfColdWalk(Validation::withKeyPrefetch)).isEqualTo(2); // lab. and alpha.lab.
  }

  @Test
  @DisplayName("without prefetch-key, keys are fetched only as answers need them")
  void withoutKeyPrefetch_nothingIsFetchedAhead() {
    assertThat(prefetchesOfColdWalk(UnaryOperator.identity())).isZero();
  }
}
