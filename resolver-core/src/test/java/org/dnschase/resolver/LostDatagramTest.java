package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.FaultToleranceTest.NO_HANG;
import static org.dnschase.resolver.FaultToleranceTest.addresses;

import java.time.Duration;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * RFC 1035 §4.2.1 (UDP gives no delivery guarantee) and RFC 1536 §1: a lost datagram or reply is
 * asked again, on every path (UDP, TCP after truncation, a name server's address look-up), while
 * the deadline and the query budget allow; a server that never answers still ends typed, and one
 * that answered lame is not asked again.
 */
class LostDatagramTest extends FaultLabFixture {

  private AuthServer one;

  @BeforeEach
  void oneServer() {
    one = lab.server(FaultLab.address(FaultLab.ONE_SERVER));
  }

  private static Resolver resolver() {
    return ChainLab.resolverFor(lab).budgets(FaultLab.SHORT).build();
  }

  @Test
  @DisplayName("one server, its first reply lost: the same server is asked again and answers")
  void firstReplyLost_sameServerAskedAgain() {
    one.setFault(new Fault.FirstOnly(1, new Fault.Drop()));
    try (Resolver resolver = resolver()) {
      Resolution result = resolver.resolve("www.one.test.", Type.A);

      assertThat(addresses(result)).containsExactly("192.0.2.3");
      assertThat(one.queries()).extracting(RecordedQuery::qname).containsOnly(Name.fromConstantString("www.one.test."))
          .hasSize(2);
    }
  }

  @Test
  @DisplayName("a burst of lost replies shorter than the retry limit: still answered")
  void burstOfLostReplies_stillAnswered() {
    one.setFault(new Fault.FirstOnly(3, new Fault.Drop()));
    try (Resolver resolver = resolver()) {
      assertThat(addresses(resolver.resolve("www.one.test.", Type.A))).containsExactly("192.0.2.3");
      assertThat(one.queryCount()).isEqualTo(4);
    }
  }

  @Test
  @DisplayName("RFC 7766 §5: the reply over TCP after truncation lost once: asked again, answered over TCP")
  void replyOverTcpLost_askedAgain() {
    one.setFault(new Fault.FirstOnly(1, RecordedQuery.Transport.TCP, new Fault.Drop(), null));
    try (Resolver resolver = resolver()) {
      Resolution result = resolver.resolve("big.one.test.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(((Resolution.Answer) result).rrset().size()).isEqualTo(100);
      assertThat(one.queries()).extracting(RecordedQuery::transport).containsExactly(
          RecordedQuery.Transport.UDP, RecordedQuery.Transport.TCP, RecordedQuery.Transport.UDP,
          RecordedQuery.Transport.TCP);
    }
  }

  @Test
  @DisplayName("RFC 1034 §5.3.3: a reply lost while looking up a glueless name server's address: asked again, answered")
  void replyLostInNameServerLookUp_askedAgain() {
    one.setFault(Name.fromConstantString("ns.sub.one.test."), new Fault.FirstOnly(1, new Fault.Drop()));
    try (Resolver resolver = resolver()) {
      Resolution result = resolver.resolve("www.glueless.test.", Type.A);

      assertThat(addresses(result)).containsExactly("192.0.2.4");
      assertThat(one.queries()).extracting(RecordedQuery::qname).filteredOn(Name.fromConstantString("ns.sub.one.test.")::equals)
          .hasSize(2);
    }
  }

  @Test
  @DisplayName("a server that never answers: asked at most the retry limit, a typed failure within the deadline")
  void serverNeverAnswers_typedFailureWithinDeadline() {
    one.setFault(new Fault.Drop());
    try (Resolver resolver = resolver()) {
      long start = System.nanoTime();
      Resolution result = resolver.resolve("www.one.test.", Type.A);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(NO_HANG);
      assertThat(result).isInstanceOf(Resolution.Failure.class);
      assertThat(((Resolution.Failure) result).reason()).isIn(FailureReason.ALL_SERVERS_FAILED, FailureReason.TIMEOUT);
      assertThat(one.queryCount()).isBetween(2, 5);
    }
  }

  @Test
  @DisplayName("Budgets: retries spend the query budget, and the budget ends them as QUERY_BUDGET_EXCEEDED")
  void retriesSpendTheQueryBudget() {
    one.setFault(new Fault.Drop());
    try (Resolver resolver = ChainLab.resolverFor(lab).budgets(FaultLab.SHORT.withMaxQueries(5)).build()) {
      Resolution result = resolver.resolve("www.one.test.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Failure.class);
      assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.QUERY_BUDGET_EXCEEDED);
      assertThat(result.upstreamQueries()).isEqualTo(5);
    }
  }

  @Test
  @DisplayName("Budgets: retries stop at the deadline, which ends the resolution as TIMEOUT")
  void retriesStopAtTheDeadline() {
    one.setFault(new Fault.Drop());
    Budgets oneSecond = FaultLab.SHORT.withQueryTimeout(Duration.ofMillis(400)).withDeadline(Duration.ofSeconds(1));
    try (Resolver resolver = ChainLab.resolverFor(lab).budgets(oneSecond).build()) {
      long start = System.nanoTime();
      Resolution result = resolver.resolve("www.one.test.", Type.A);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(result).isInstanceOf(Resolution.Failure.class);
      assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.TIMEOUT);
    }
  }

  @Test
  @DisplayName("RFC 1034 §4.3.1: a server that answered REFUSED is not asked again like one that timed out")
  void refusedServer_notAskedAgain() {
    one.setFault(Name.fromConstantString("www.one.test."), new Fault.Rcode(Rcode.REFUSED));
    try (Resolver resolver = resolver()) {
      Resolution result = resolver.resolve("www.one.test.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Failure.class);
      assertThat(one.queries()).extracting(RecordedQuery::qname)
          .filteredOn(Name.fromConstantString("www.one.test.")::equals).hasSize(1);
    }
  }
}
