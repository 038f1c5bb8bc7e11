package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What keeps one client, or a burst, from taking the server: the per-client rate limit answers
 * REFUSED past it, and the bound on resolutions under way answers SERVFAIL at once beyond it.
 */
class ProtectionTest {

  @Test
  @DisplayName("past its rate a client is answered REFUSED, not dropped, and the cached answers before it pass")
  void rateLimit_answersRefused() {
    try (ServerLab lab = ServerLab.start(server -> server.rateLimit(2))) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        names.add("web.shop.example.");
      }

      // one dig, twenty questions one after another: all of them would take 9 s at 2 a second
      Peers.Output dig = Peers.dig(lab.address(), names.toArray(String[]::new));

      List<String> statuses = dig.statuses();
      assertThat(statuses).hasSize(20);
      assertThat(statuses.get(0)).isEqualTo("NOERROR");
      assertThat(statuses).contains("REFUSED");
      assertThat(dig.text()).contains("rate limit");
      assertThat(lab.server.stats().get("num.query.ratelimited"))
          .isEqualTo(statuses.stream().filter("REFUSED"::equals).count());
    }
  }

  @Test
  @DisplayName("beyond the bound of resolutions under way an uncached question is answered SERVFAIL with an"
      + " Extended DNS Error, a cached one from the cache")
  void overload_servfailWithExtendedError() {
    try (ServerLab lab = ServerLab.start(server -> server.maxOutstanding(1))) {
      assertThat(Peers.dig(lab.address(), "web.shop.example.", "A").status()).isEqualTo("NOERROR");
      Process slow = Peers.startKdig(lab.address(), "slow.shop.example.", "A");
      lab.awaitUpstream("slow.shop.example.");

      Peers.Output refused = Peers.dig(lab.address(), "www.shop.example.", "A");
      Peers.Output cached = Peers.dig(lab.address(), "web.shop.example.", "A");
      Peers.Output answered = Peers.finish(slow);

      assertThat(cached.status()).as(cached.text()).isEqualTo("NOERROR");

      assertThat(refused.status()).as(refused.text()).isEqualTo("SERVFAIL");
      assertThat(refused.text()).contains("EDE: 0 (Other): (overloaded: 1 resolutions under way");
      assertThat(lab.upstreamQueriesFor("www.shop.example.")).isZero();
      assertThat(answered.status()).as(answered.text()).isEqualTo("NOERROR");
      assertThat(lab.server.stats()).containsEntry("total.requestlist.exceeded", 1L);
    }
  }
}
