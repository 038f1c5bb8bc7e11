package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Chains are legal, loops are not (RFC 1034 §3.6.2); the hop limit is a separate rule. */
class LoopAndHopLimitTest extends ChainLabTest {

  /* ---- loops ---- */

  @Test
  @DisplayName("RFC 1034 §3.6.2: a CNAME loop across two zones is a LOOP failure naming its cycle")
  void loopAcrossTwoZones_isLoopWithCycle() {
    Resolution result = resolver.resolve("loop.alpha.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    Resolution.Failure failure = (Resolution.Failure) result;
    assertThat(failure.reason()).isEqualTo(FailureReason.LOOP);
    assertThat(failure.detail()).contains("loop.alpha.lab.", "loop.beta.lab.");
    assertThat(failure.chain()).extracting(hop -> hop.owner() + " -> " + hop.target())
        .containsExactly("loop.alpha.lab. -> loop.beta.lab.", "loop.beta.lab. -> loop.alpha.lab.");
  }

  @Test
  @DisplayName("A loop is found after a bounded number of upstream queries, and never sent again once cached")
  void loop_costsBoundedQueries() {
    Resolution first = resolver.resolve("loop.alpha.lab.", Type.A);
    assertThat(first.upstreamQueries()).isBetween(1, 10);
    assertThat(lab.queryCount()).isEqualTo(first.upstreamQueries());
    lab.clearQueries();

    Resolution second = resolver.resolve("loop.beta.lab.", Type.A);

    assertThat(((Resolution.Failure) second).reason()).isEqualTo(FailureReason.LOOP);
    assertThat(lab.queryCount()).isZero();
  }

  /* ---- hop limit ---- */

  @Test
  @DisplayName("Hop limit 12 (Defaults.MAX_HOPS): a 12-hop chain is answered")
  void twelveHops_areAnswered() {
    Resolution result = resolver.resolve("c12-0.alpha.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.chain()).hasSize(12);
    List<String> names = ChainLab.longChainNames(12);
    assertThat(result.chain()).extracting(hop -> hop.owner().toString())
        .containsExactlyElementsOf(names.subList(0, 12));
    assertThat(result.finalName().toString()).isEqualTo(names.get(12));
  }

  @Test
  @DisplayName("Hop limit 12: a 13-hop chain fails with HOP_LIMIT and the 12 hops followed")
  void thirteenHops_failWithPartialChain() {
    Resolution result = resolver.resolve("c13-0.alpha.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.HOP_LIMIT);
    assertThat(result.chain()).hasSize(12);
    assertThat(result.chain()).extracting(hop -> hop.owner().toString())
        .containsExactlyElementsOf(ChainLab.longChainNames(13).subList(0, 12));
  }

  @Test
  @DisplayName("The hop limit is configurable: with 4, the 4-hop chain is answered and a 12-hop one is not")
  void configuredHopLimit_applies() {
    try (Resolver strict = ChainLab.resolverFor(lab).budgets(Budgets.DEFAULTS.withMaxHops(4)).build()) {
      assertThat(strict.resolve("start.alpha.lab.", Type.A)).isInstanceOf(Resolution.Answer.class);
      Resolution longer = strict.resolve("c12-0.alpha.lab.", Type.A);
      assertThat(((Resolution.Failure) longer).reason()).isEqualTo(FailureReason.HOP_LIMIT);
      assertThat(longer.chain()).hasSize(4);
    }
  }
}
