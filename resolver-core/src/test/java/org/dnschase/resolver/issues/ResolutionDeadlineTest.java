package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.spi.Transport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * A resolution past its deadline ends then, wherever its work is: here waiting for a reply that
 * never comes (not even as a timeout), after one hop of its chain.
 */
class ResolutionDeadlineTest {

  private static final Duration DEADLINE = Duration.ofSeconds(1);

  @Test
  @DisplayName("A resolution ends at its deadline as TIMEOUT with the chain so far, though no exchange ever returns")
  void resolution_endsAtItsDeadline_whateverItWaitsFor() throws Exception {
    CannedServers canned = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, true,
            List.of("www.example. 300 CNAME www.silent."), List.of(), List.of())
        .reply(CannedServers.ROOT, "warm.example. A", Rcode.NOERROR, true,
            List.of("warm.example. 300 A 192.0.2.80"), List.of(), List.of());
    Transport silentBeyondTheAlias = (InetSocketAddress server, Message query, Duration timeout) ->
        query.getQuestion().getName().equals(Name.fromConstantString("www.silent."))
            ? new CompletableFuture<>() // never completes, not even with a timeout
            : canned.exchange(server, query, timeout);
    try (Resolver resolver = Resolver.builder().transport(silentBeyondTheAlias).qnameMinimisation(false)
        .budgets(Budgets.DEFAULTS.withDeadline(DEADLINE))
        .rootHints(RootHints.of(Map.of(Name.fromConstantString("a.root."), List.of(CannedServers.ROOT))))
        .build()) {
      resolver.resolve("warm.example.", Type.A); // a cold JVM loads the reply path's classes here
      long start = System.nanoTime();
      Resolution result = resolver.resolveAsync("www.example.", Type.A).get(5, TimeUnit.SECONDS);
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(result).isInstanceOfSatisfying(Resolution.Failure.class,
          failure -> assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT));
      assertThat(result.chain()).extracting(Hop::target).containsExactly(Name.fromConstantString("www.silent."));
      assertThat(tookMillis).isLessThan(DEADLINE.toMillis() + 200);
    }
  }
}
