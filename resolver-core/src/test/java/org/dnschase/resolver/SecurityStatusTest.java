package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** RFC 4035 §4.3: every outcome carries a DNSSEC status; without validation it is INDETERMINATE. */
class SecurityStatusTest extends ChainLabTest {

  @Test
  @DisplayName("RFC 4035 §4.3: without validation, every kind of outcome is INDETERMINATE")
  void everyOutcome_isIndeterminateWithoutValidation() {
    List<Resolution> outcomes = List.of(
        resolver.resolve("start.alpha.lab.", Type.A),
        resolver.resolve("final.alpha.lab.", Type.MX),
        resolver.resolve("gone.alpha.lab.", Type.A),
        resolver.resolve("loop.alpha.lab.", Type.A),
        resolver.resolve("localhost.", Type.A),
        resolver.resolve("start.alpha.lab.", Type.A, Resolver.QueryOptions.DEFAULTS.withCacheOnly(true)));

    assertThat(outcomes).extracting(outcome -> outcome.getClass().getSimpleName())
        .containsExactly("Answer", "NoData", "NxDomain", "Failure", "Answer", "Answer");
    assertThat(outcomes).extracting(Resolution::security).containsOnly(Security.INDETERMINATE);
  }

  @Test
  @DisplayName("a resolution-cache hit keeps the status it was stored with and is one shared value, built once")
  void resolutionCacheHit_keepsItsStatusWithoutRebuilding() {
    resolver.resolve("start.alpha.lab.", Type.A);

    Resolution first = resolver.resolve("start.alpha.lab.", Type.A);
    Resolution second = resolver.resolve("start.alpha.lab.", Type.A);

    assertThat(first.security()).isEqualTo(Security.INDETERMINATE);
    assertThat(second).isSameAs(first);
  }
}
