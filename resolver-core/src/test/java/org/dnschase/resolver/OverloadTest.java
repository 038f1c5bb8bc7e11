package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dnschase.resolver.internal.servers.FakeTicker;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * {@link ResolverBuilder#maxResolutionsInFlight}: a bound on the resolutions under way (Unbound's
 * num-queries-per-thread), over a transport whose servers never answer, so every resolution that
 * reaches the network stays under way.
 */
class OverloadTest {

  private static final Name ROOT_SERVER = Name.fromConstantString("a.root.test.");
  private final FakeTicker ticker = new FakeTicker();

  private Resolver resolver(int slots) {
    return Resolver.builder()
        .rootHints(RootHints.of(Map.of(ROOT_SERVER, List.of(InetAddress.getLoopbackAddress()))))
        .transport((server, query, timeout) -> new CompletableFuture<Message>())
        .timeSource(ticker)
        .callbackExecutor(Runnable::run)
        .maxResolutionsInFlight(slots, Duration.ofMillis(200))
        .build();
  }

  @Test
  @DisplayName("with every slot held, a question the cache cannot answer fails OVERLOADED at once, counted as such")
  void slotsFull_uncachedQuestionIsRefused() {
    try (Resolver bounded = resolver(1)) {
      CompletableFuture<Resolution> first = bounded.resolveAsync("www.example.test.", Type.A);

      Resolution second = bounded.resolveAsync("mail.example.test.", Type.A).join();

      assertThat(first).isNotDone();
      assertThat(second).isInstanceOfSatisfying(Resolution.Failure.class,
          failure -> assertThat(failure.reason()).isEqualTo(FailureReason.OVERLOADED));
      assertThat(bounded.metrics().outcomes().failures()).containsEntry(FailureReason.OVERLOADED, 1L);
    }
  }

  @Test
  @DisplayName("a resolution in a jostle slot is pushed out by a newer question once it ran the jostle time, not before")
  void jostleSlot_givenUpAfterTheJostleTime() {
    try (Resolver bounded = resolver(2)) {
      CompletableFuture<Resolution> forever = bounded.resolveAsync("one.example.test.", Type.A);
      CompletableFuture<Resolution> jostled = bounded.resolveAsync("two.example.test.", Type.A);

      Resolution tooSoon = bounded.resolveAsync("three.example.test.", Type.A).join();
      ticker.advance(Duration.ofMillis(300));
      CompletableFuture<Resolution> newer = bounded.resolveAsync("four.example.test.", Type.A);

      assertThat(tooSoon).isInstanceOfSatisfying(Resolution.Failure.class,
          failure -> assertThat(failure.reason()).isEqualTo(FailureReason.OVERLOADED));
      assertThat(jostled.join()).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.OVERLOADED);
        assertThat(failure.detail()).contains("pushed out");
      });
      assertThat(forever).isNotDone();
      assertThat(newer).isNotDone();
    }
  }

  @Test
  @DisplayName("without a bound every question is resolved, however many are under way")
  void noBound_byDefault() {
    try (Resolver unbounded = Resolver.builder()
        .rootHints(RootHints.of(Map.of(ROOT_SERVER, List.of(InetAddress.getLoopbackAddress()))))
        .transport((server, query, timeout) -> new CompletableFuture<Message>())
        .timeSource(ticker).callbackExecutor(Runnable::run).build()) {
      List<CompletableFuture<Resolution>> all = List.of(unbounded.resolveAsync("a.example.test.", Type.A),
          unbounded.resolveAsync("b.example.test.", Type.A), unbounded.resolveAsync("c.example.test.", Type.A));

      assertThat(all).noneMatch(CompletableFuture::isDone);
    }
  }

  @Test
  @DisplayName("the bound and the jostle time must be positive")
  void bound_mustBePositive() {
    assertThatIllegalArgumentException().isThrownBy(() -> Resolver.builder().maxResolutionsInFlight(0, Duration.ofMillis(200)))
        .withMessageContaining("maxResolutionsInFlight");
    assertThatIllegalArgumentException().isThrownBy(() -> Resolver.builder().maxResolutionsInFlight(4, Duration.ZERO))
        .withMessageContaining("jostleAfter");
  }
}
