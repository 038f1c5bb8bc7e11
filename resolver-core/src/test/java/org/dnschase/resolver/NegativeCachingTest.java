package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

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
}
