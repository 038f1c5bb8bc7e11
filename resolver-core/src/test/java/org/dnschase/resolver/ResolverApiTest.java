package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.dnschase.resolver.internal.transport.OpenSockets;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** The public surface: sync and async resolution, caller mistakes, the builder's checks, close(). */
class ResolverApiTest {

  /** The queries the resolver's own transport sends over plain sockets before it starts Netty. */
  private static final int FIRST_PLAIN_QUERIES = 32;

  @Lab("ChainLab#start") private static TestHierarchy lab;

  /* ---- sync and async ---- */

  @Test
  void resolveAsync_completesWithTheSameOutcomeAsResolve() throws Exception {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      CompletableFuture<Resolution> future = resolver.resolveAsync(Name.fromString("start.alpha.lab."), Type.A);
      Resolution async = future.get(10, TimeUnit.SECONDS);
      Resolution sync = resolver.resolve("start.alpha.lab", Type.A);

      assertThat(async).isInstanceOf(Resolution.Answer.class);
      assertThat(sync).isInstanceOf(Resolution.Answer.class);
      assertThat(((Resolution.Answer) sync).records()).isEqualTo(((Resolution.Answer) async).records());
      assertThat(sync.chain()).extracting(Hop::target).isEqualTo(async.chain().stream().map(Hop::target).toList());
    }
  }

  @Test
  void concurrentAsyncResolutions_allComplete() {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      List<CompletableFuture<Resolution>> futures = List.of(
          resolver.resolveAsync("start.alpha.lab.", Type.A),
          resolver.resolveAsync("loop.alpha.lab.", Type.A),
          resolver.resolveAsync("dangling.alpha.lab.", Type.A),
          resolver.resolveAsync("c12-0.alpha.lab.", Type.A));

      List<String> kinds = futures.stream().map(f -> f.join().getClass().getSimpleName()).toList();

      assertThat(kinds).containsExactly("Answer", "Failure", "NxDomain", "Answer");
    }
  }

  /* ---- caller mistakes are exceptions, not DNS failures ---- */

  @Test
  void malformedName_isIllegalArgumentWithReason() {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      assertThatThrownBy(() -> resolver.resolve("bad..name", Type.A))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad..name");
      assertThatThrownBy(() -> resolver.resolve("a".repeat(64) + ".lab.", Type.A))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> resolver.resolve("", Type.A))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
      assertThatThrownBy(() -> resolver.resolve(Name.fromConstantString("relative"), Type.A))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
      assertThatThrownBy(() -> resolver.resolve("start.alpha.lab.", Type.OPT))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void builder_rejectsBadAndConflictingSettings() {
    assertThatThrownBy(() -> Resolver.builder().upstreamPort(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Resolver.builder().upstreamPort(53).upstreamPort(54))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set to 53");
    assertThatThrownBy(() -> Resolver.builder().ednsPayloadSize(100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Resolver.builder().loopbackOnly().loopbackOnly())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("loopbackOnly: a root outside loopback is never asked; the failure says why")
  void loopbackOnly_neverSendsOffLoopback() {
    RootHints publicRoot = RootHints.parse(". NS a.root-servers.net.\na.root-servers.net. A 198.41.0.4\n");
    try (Resolver resolver = Resolver.builder().rootHints(publicRoot).loopbackOnly().build()) {
      Resolution result = resolver.resolve("example.com.", Type.A);

      assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED);
      assertThat(result.upstreamQueries()).isZero();
      assertThat(result.diagnostics()).extracting(Diagnostic::kind).contains(Diagnostic.Oddity.UPSTREAM_NOT_ALLOWED);
    }
  }

  /* ---- close ---- */

  @Test
  @DisplayName("close() leaves no live transport threads, no open sockets, and later calls fail as CLOSED")
  void close_leavesNoThreadsNorSocketsAndFailsLaterCalls() throws IOException {
    long socketsBefore = OpenSockets.count();
    List<Thread> threadsBefore = transportThreads();
    Resolver resolver = ChainLab.resolverFor(lab).build();
    resolver.resolve("start.alpha.lab.", Type.A);
    // past the plain sockets of the first queries, so that Netty's threads and sockets run too
    for (int i = 0; resolver.metrics().upstream().queries() <= FIRST_PLAIN_QUERIES; i++) {
      resolver.resolve("absent" + i + ".alpha.lab.", Type.A);
    }
    assertThat(transportThreads()).isNotEmpty();
    assertThat(OpenSockets.count()).isGreaterThan(socketsBefore);

    resolver.close();

    assertThat(transportThreads()).as("threads of this resolver still alive").isSubsetOf(threadsBefore);
    assertThat(OpenSockets.count()).isEqualTo(socketsBefore);
    Resolution after = resolver.resolve("start.alpha.lab.", Type.A);
    assertThat(((Resolution.Failure) after).reason()).isEqualTo(FailureReason.CLOSED);
  }

  @Test
  @DisplayName("Callbacks run off the resolver's threads: close() in one returns, leaving no thread")
  void closeInCallback_returnsAndLeavesNoThread() throws Exception {
    List<Thread> threadsBefore = transportThreads();
    Resolver resolver = ChainLab.resolverFor(lab).build();

    CompletableFuture<String> closedOn = resolver.resolveAsync("start.alpha.lab.", Type.A).thenApply(answer -> {
      resolver.close();
      return Thread.currentThread().getName();
    });

    assertThat(closedOn.get(5, TimeUnit.SECONDS)).doesNotStartWith("dnschase-transport");
    assertThat(transportThreads()).as("threads of this resolver still alive").isSubsetOf(threadsBefore);
    Resolution after = resolver.resolve("start.alpha.lab.", Type.A);
    assertThat(((Resolution.Failure) after).reason()).isEqualTo(FailureReason.CLOSED);
  }

  @Test
  @DisplayName("A blocking resolve() in a callback of resolveAsync answers instead of deadlocking")
  void blockingResolveInOwnCallback_answers() throws Exception {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      CompletableFuture<Resolution> nested = resolver.resolveAsync("start.alpha.lab.", Type.A)
          .thenApply(first -> resolver.resolve("final.alpha.lab.", Type.MX));
      CompletableFuture<Resolution> joined = resolver.resolveAsync("hop1.beta.lab.", Type.A)
          .thenApply(first -> resolver.resolveAsync("f4.beta.lab.", Type.MX).join());

      assertThat(nested.get(5, TimeUnit.SECONDS)).isInstanceOf(Resolution.NoData.class);
      assertThat(joined.get(5, TimeUnit.SECONDS)).isInstanceOf(Resolution.NoData.class);
    }
  }

  @Test
  @DisplayName("Each query goes out on its own socket: source ports vary (RFC 5452 §9.2)")
  void sourcePorts_vary() {
    lab.clearQueries();
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      resolver.resolve("start.alpha.lab.", Type.A);
    }
    Set<Integer> ports = lab.queries().stream().map(RecordedQuery::client)
        .map(java.net.InetSocketAddress::getPort).collect(Collectors.toSet());
    assertThat(ports.size()).isGreaterThan(lab.queries().size() / 2);
  }

  private static List<Thread> transportThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("dnschase-transport") && t.isAlive()).toList();
  }
}
