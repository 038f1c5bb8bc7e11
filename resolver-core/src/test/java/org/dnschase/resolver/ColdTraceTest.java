package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A resolution says what happened at each hop, the root's priming included (RFC 9609 §3), which a
 * cold question starts and walks on beside: what its trace and its count of upstream queries report
 * is what the servers received on its behalf.
 */
class ColdTraceTest extends ChainLabTest {

  @BeforeEach
  void tracingResolver() {
    resolver.close();
    resolver = ChainLab.resolverFor(lab).recordTrace(true).build();
  }

  @Test
  @DisplayName("RFC 9609 §3: a cold first question's trace and count account for every query the servers received, its priming's among them")
  void coldFirstQuestion_reportsEveryQueryTheServersReceived() {
    Resolution result = resolver.resolve("start.alpha.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(reported(result)).isEqualTo(result.upstreamQueries()).isEqualTo(lab.queryCount());
    assertThat(primingReports(result)).as("the priming it started, ended or under way").isEqualTo(1);
  }

  @Test
  @DisplayName("RFC 9609 §3: cold questions asked at once send one priming, and each that went on beside it reports it once")
  void coldQuestionsAtOnce_sendOnePriming_andEachReportsItOnce() {
    CompletableFuture<Resolution> first = resolver.resolveAsync("start.alpha.lab.", Type.A);
    CompletableFuture<Resolution> second = resolver.resolveAsync("hop2.gamma.test.", Type.A);
    List<Resolution> both = List.of(first.join(), second.join());

    assertThat(lab.queries()).filteredOn(ColdTraceTest::isPriming).hasSize(1);
    assertThat(both).allSatisfy(resolution -> {
      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(reported(resolution)).isEqualTo(resolution.upstreamQueries());
      assertThat(primingReports(resolution)).isLessThanOrEqualTo(1);
    });
    long reporters = both.stream().filter(resolution -> primingReports(resolution) == 1).count();
    assertThat(reporters).as("the one that started it, at least").isPositive();
    assertThat(both.stream().mapToInt(Resolution::upstreamQueries).sum())
        .as("the servers' count, the priming's query once more for each other resolution that reports it")
        .isEqualTo(lab.queryCount() + reporters - 1);
  }

  /** The queries the trace accounts for: its exchanges, and what a priming still under way had sent. */
  private static int reported(Resolution resolution) {
    return resolution.trace().stream().mapToInt(event -> switch (event) {
      case TraceEvent.Exchange exchange -> 1;
      case TraceEvent.PrimingUnderWay priming -> priming.queriesSent();
      case TraceEvent.CacheHit hit -> 0;
    }).sum();
  }

  private static long primingReports(Resolution resolution) {
    return resolution.trace().stream().filter(event -> event instanceof TraceEvent.PrimingUnderWay
        || event instanceof TraceEvent.Exchange exchange && exchange.name().equals(Name.root)
            && exchange.type() == Type.NS).count();
  }

  private static boolean isPriming(RecordedQuery query) {
    return query.qname().equals(Name.root) && query.qtype() == Type.NS;
  }
}
