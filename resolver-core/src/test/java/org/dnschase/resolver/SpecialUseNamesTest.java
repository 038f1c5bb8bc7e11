package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Type;

/** RFC 6761 §6 and RFC 7686: names the resolver answers itself, never asking the DNS. */
class SpecialUseNamesTest extends ChainLabTest {

  @Test
  @DisplayName("RFC 6761 §6.3: localhost. and names below it are the loopback addresses, answered locally")
  void localhost_isLoopbackWithoutQuery() {
    Resolution v4 = resolver.resolve("localhost.", Type.A);
    Resolution v6 = resolver.resolve("db.localhost.", Type.AAAA);
    Resolution mx = resolver.resolve("localhost.", Type.MX);

    assertThat(((ARecord) ((Resolution.Answer) v4).records().get(0)).getAddress().getHostAddress())
        .isEqualTo("127.0.0.1");
    assertThat(((AAAARecord) ((Resolution.Answer) v6).records().get(0)).getAddress().isLoopbackAddress()).isTrue();
    assertThat(mx).isInstanceOf(Resolution.NoData.class);
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("RFC 6761 §6.4 and RFC 7686 §2: invalid. and onion. names are NXDOMAIN without a query")
  void invalidAndOnion_areNxDomainWithoutQuery() {
    assertThat(resolver.resolve("anything.invalid.", Type.A)).isInstanceOf(Resolution.NxDomain.class);
    assertThat(resolver.resolve("abcdefghijklmnop.onion.", Type.A)).isInstanceOf(Resolution.NxDomain.class);
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("Configurable: with no special-use names kept local, invalid. is asked like any other name")
  void disabled_resolvesUpstream() {
    try (Resolver plain = ChainLab.resolverFor(lab).specialUseNames(Set.of()).build()) {
      Resolution result = plain.resolve("anything.invalid.", Type.A);

      assertThat(result).isInstanceOf(Resolution.NxDomain.class);
      assertThat(result.upstreamQueries()).isPositive();
      assertThat(lab.queryCount()).isPositive();
    }
  }
}
