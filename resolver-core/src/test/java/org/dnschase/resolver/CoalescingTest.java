package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Concurrent identical questions share one upstream resolution. */
class CoalescingTest extends ChainLabTest {

  @Test
  @DisplayName("100 concurrent identical questions cost the upstream queries of one")
  void concurrentIdenticalQuestions_shareOneResolution() throws Exception {
    int oneResolution;
    try (Resolver single = ChainLab.resolverFor(lab).build()) {
      single.resolve("start.alpha.lab.", Type.A);
      oneResolution = lab.queryCount();
    }
    lab.clearQueries();

    List<Resolution> results = resolveConcurrently(100, "start.alpha.lab.");

    assertThat(results).hasSize(100).allSatisfy(r -> {
      assertThat(r).isInstanceOf(Resolution.Answer.class);
      assertThat(r.chain()).hasSize(4);
    });
    assertThat(lab.queryCount()).isEqualTo(oneResolution);
  }

  @Test
  @DisplayName("A caller cancelling its future does not cancel the others sharing the resolution")
  void cancellingOneCaller_leavesTheOthers() {
    CompletableFuture<Resolution> first = resolver.resolveAsync("start.alpha.lab.", Type.A);
    CompletableFuture<Resolution> second = resolver.resolveAsync("start.alpha.lab.", Type.A);

    first.cancel(true);

    assertThat(second.join()).isInstanceOf(Resolution.Answer.class);
  }

  private List<Resolution> resolveConcurrently(int callers, String name) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Resolution>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        futures.add(CompletableFuture.supplyAsync(() -> {
          awaitUninterruptibly(start);
          return resolver.resolveAsync(name, Type.A);
        }, pool).thenCompose(f -> f));
      }
      start.countDown();
      return futures.stream().map(CompletableFuture::join).toList();
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
