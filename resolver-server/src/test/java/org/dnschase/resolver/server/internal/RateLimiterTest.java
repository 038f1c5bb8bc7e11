package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A token bucket per client address, moved by a fake clock. */
class RateLimiterTest {

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private final RateLimiter limiter = new RateLimiter(5, ticker);

  private int granted(InetAddress client, int tries) {
    int granted = 0;
    for (int i = 0; i < tries; i++) {
      granted += limiter.tryAcquire(client) ? 1 : 0;
    }
    return granted;
  }

  @Test
  @DisplayName("a client may burst its rate at once, then gets its rate a second")
  void burstThenRate() throws Exception {
    InetAddress client = InetAddress.getByName("192.0.2.1");

    assertThat(granted(client, 20)).isEqualTo(5);
    nanos.addAndGet(200_000_000L); // a fifth of a second: one token
    assertThat(granted(client, 20)).isEqualTo(1);
    nanos.addAndGet(10_000_000_000L); // long idle: the bucket is full again, not fuller
    assertThat(granted(client, 20)).isEqualTo(5);
  }

  @Test
  @DisplayName("a flood from more addresses than the limiter tracks (spoofed sources) keeps its memory bounded")
  void spoofedSources_boundedBuckets() throws Exception {
    for (int i = 1; i <= RateLimiter.MAX_CLIENTS + 20_000; i++) {
      limiter.tryAcquire(InetAddress.getByAddress(new byte[] {10, (byte) (i >>> 16), (byte) (i >>> 8), (byte) i}));
    }

    assertThat(limiter.clients()).isLessThanOrEqualTo(RateLimiter.MAX_CLIENTS);
  }

  @Test
  @DisplayName("each client has its own bucket")
  void perClient() throws Exception {
    assertThat(granted(InetAddress.getByName("192.0.2.1"), 10)).isEqualTo(5);
    assertThat(granted(InetAddress.getByName("192.0.2.2"), 10)).isEqualTo(5);
  }
}
