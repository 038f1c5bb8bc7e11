package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.internal.servers.FakeTicker;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Dispatcher;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 7766 §5 and RFC 2181 §9: TC set on a reply that came over TCP means the server could not
 * send the whole reply; whatever it holds, the exchange failed. It is never taken as an answer
 * or a negative answer, and never cached.
 */
class TruncatedOverTcpTest extends FaultLabFixture {

  private static final Name WWW = Name.fromConstantString("www.two.test.");

  @ParameterizedTest(name = "TC=1 over TCP with an empty {0} reply: a failed exchange, not cached")
  @ValueSource(strings = {"NOERROR", "NXDOMAIN"})
  void truncatedOverTcp_isFailedExchangeAndNotCached(String rcode) {
    first.setDispatcher(truncatedEverywhere(first, Rcode.value(rcode)));
    second.setDispatcher(truncatedEverywhere(second, Rcode.value(rcode)));
    FakeTicker ticker = new FakeTicker();
    try (Resolver resolver = ChainLab.resolverFor(lab).budgets(FaultLab.SHORT).timeSource(ticker).build()) {
      Resolution broken = resolver.resolve(WWW, Type.A);

      assertThat(broken).isInstanceOf(Resolution.Failure.class);
      assertThat(((Resolution.Failure) broken).reason()).isNotEqualTo(FailureReason.INTERNAL_ERROR);
      assertThat(lab.queries()).extracting(RecordedQuery::transport).contains(RecordedQuery.Transport.TCP);

      answerNormally();
      // The failure is remembered for a moment (RFC 9520 §3.2); what must not stay is a negative answer.
      ticker.advance(Defaults.FAILURE_TTL);
      assertThat(FaultToleranceTest.addresses(resolver.resolve(WWW, Type.A))).containsExactly("192.0.2.1");
    }
  }

  @Test
  @DisplayName("TC=1 over TCP from one server: the answer comes from the other")
  void truncatedOverTcpOnOneServer_answerViaTheOther() {
    first.setDispatcher(truncatedEverywhere(first, Rcode.NOERROR));
    for (int attempt = 0; attempt < FaultToleranceTest.ATTEMPTS && first.queryCount() == 0; attempt++) {
      lab.clearQueries();
      try (Resolver resolver = ChainLab.resolverFor(lab).budgets(FaultLab.SHORT).build()) {
        assertThat(FaultToleranceTest.addresses(resolver.resolve(WWW, Type.A))).containsExactly("192.0.2.1");
      }
    }
    assertThat(first.queries()).extracting(RecordedQuery::transport).contains(RecordedQuery.Transport.TCP);
  }

  /**
   * Answers www.two.test. over UDP and TCP alike with TC=1, AA and an empty answer, the zone's
   * SOA beside it; everything else from the zone.
   */
  private static Dispatcher truncatedEverywhere(AuthServer server, int rcode) {
    Dispatcher zone = server.zoneDispatcher();
    return query -> {
      if (!query.qname().equals(WWW)) {
        return zone.dispatch(query);
      }
      Message reply = Dispatcher.replyTo(query.message());
      reply.getHeader().setFlag(Flags.AA);
      reply.getHeader().setFlag(Flags.TC);
      reply.getHeader().setRcode(rcode);
      reply.addRecord(new SOARecord(Name.fromConstantString("two.test."), DClass.IN, 300,
          Name.fromConstantString("ns1.two.test."), Name.fromConstantString("hostmaster.two.test."),
          1, 3600, 600, 86400, 300), Section.AUTHORITY);
      return reply;
    };
  }
}
