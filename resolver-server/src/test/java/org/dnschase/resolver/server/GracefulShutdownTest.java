package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Stopping the server answers the questions under way before the sockets close. */
class GracefulShutdownTest {

  @Test
  @DisplayName("close(): a question under way is still answered, over UDP and over TCP")
  void close_answersWhatIsUnderWay() throws Exception {
    try (ServerLab lab = ServerLab.start()) {
      Process overUdp = Peers.startKdig(lab.address(), "slow.shop.example.", "A");
      lab.awaitUpstream("slow.shop.example.");
      Process overTcp = Peers.startKdig(lab.address(), "+tcp", "slow.shop.example.", "A");
      awaitQueries(lab, 2);

      CompletableFuture<Void> closing = CompletableFuture.runAsync(lab.server::close);
      Peers.Output udp = Peers.finish(overUdp);
      Peers.Output tcp = Peers.finish(overTcp);
      closing.join();

      assertThat(udp.status()).as(udp.text()).isEqualTo("NOERROR");
      assertThat(udp.answers()).containsExactly("slow.shop.example. 300 IN A 192.0.2.99");
      assertThat(tcp.status()).as(tcp.text()).isEqualTo("NOERROR");
      assertThat(tcp.answers()).hasSize(1);
    }
  }

  /** Waits until the server has taken {@code count} questions. */
  private static void awaitQueries(ServerLab lab, long count) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (lab.server.stats().get("total.num.queries") < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the server did not get " + count + " questions within 10 s");
      }
      Thread.sleep(5);
    }
  }
}
