package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** RFC 7766 §5 and RFC 1035 §4.2.1: a truncated UDP reply is asked again over TCP. */
class TruncationTest {

  @Test
  @DisplayName("RFC 7766 §5: TC=1 over UDP makes the resolver retry over TCP and use that answer")
  void truncatedReply_isRetriedOverTcp() {
    try (TestHierarchy lab = ChainLab.start();
        Resolver resolver = ChainLab.resolverFor(lab).build()) {
      AuthServer delta = lab.serversFor(Name.fromConstantString("delta.test.")).get(0);
      delta.setFault(new Fault.TruncateUdp());

      Resolution result = resolver.resolve("start.alpha.lab.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(result.chain()).hasSize(4);
      assertThat(delta.queries()).extracting(RecordedQuery::transport)
          .containsExactly(RecordedQuery.Transport.UDP, RecordedQuery.Transport.TCP);
    }
  }
}
