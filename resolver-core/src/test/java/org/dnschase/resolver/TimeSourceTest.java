package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TimeSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** One time source: a resolver and its cache cannot keep time by different clocks. */
class TimeSourceTest extends ChainLabTest {

  private final AtomicLong nanos = new AtomicLong();
  private final TimeSource time = TimeSource.ofNanos(Instant.EPOCH, nanos::get);

  @Test
  @DisplayName("a cache on another clock than the builder's time source is refused, in either order")
  void cacheOnAnotherClock_isRefused() {
    RRsetCache onSystemTime = RRsetCache.builder().build();

    assertThatIllegalStateException().isThrownBy(() -> Resolver.builder().timeSource(time).cache(onSystemTime))
        .withMessageContaining("must share one time source");
    assertThatIllegalStateException().isThrownBy(() -> Resolver.builder().cache(onSystemTime).timeSource(time))
        .withMessageContaining("must share one time source");
  }

  @Test
  @DisplayName("a cache on the builder's time source is accepted")
  void cacheOnTheSameClock_isAccepted() {
    RRsetCache cache = RRsetCache.builder().timeSource(time).build();

    try (Resolver resolver = ChainLab.resolverFor(lab).timeSource(time).cache(cache).build()) {
      assertThat(resolver.resolve("final.alpha.lab.", Type.A)).isInstanceOf(Resolution.Answer.class);
    }
  }

  @Test
  @DisplayName("without a time source of its own, the resolver keeps time by its cache's: both see time move")
  void resolverWithoutTimeSource_takesItsCaches() {
    RRsetCache cache = RRsetCache.builder().timeSource(time).build();
    try (Resolver resolver = ChainLab.resolverFor(lab).cache(cache).build()) {
      Resolution first = resolver.resolve("final.alpha.lab.", Type.A);
      nanos.addAndGet(Duration.ofSeconds(100).toNanos());

      Resolution later = resolver.resolve("final.alpha.lab.", Type.A);

      assertThat(later.ttl()).isEqualTo(first.ttl().minusSeconds(100));
    }
  }

  @Test
  @DisplayName("the default cache is built on the builder's time source")
  void defaultCache_usesTheBuildersTimeSource() {
    try (Resolver resolver = ChainLab.resolverFor(lab).timeSource(time).build()) {
      Resolution first = resolver.resolve("final.alpha.lab.", Type.A);
      nanos.addAndGet(Duration.ofSeconds(100).toNanos());

      assertThat(resolver.resolve("final.alpha.lab.", Type.A).ttl()).isEqualTo(first.ttl().minusSeconds(100));
    }
  }
}
