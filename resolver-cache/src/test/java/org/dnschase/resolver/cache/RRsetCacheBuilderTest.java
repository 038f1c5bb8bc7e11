package org.dnschase.resolver.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.rrset;

import java.time.Duration;
import org.dnschase.resolver.cache.internal.FakeTicker;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

@DisplayName("The builder checks every setting on the spot (TTL limits of RFC 2181 §8)")
class RRsetCacheBuilderTest {

  private final RRsetCacheBuilder builder = RRsetCache.builder();

  /* ---- defaults ---- */

  @Test
  @DisplayName("Defaults: one day max TTL, one hour max negative TTL, no min TTL, 32 MiB")
  void defaults() {
    assertThat(RRsetCacheBuilder.DEFAULT_MAX_TTL).isEqualTo(Duration.ofDays(1));
    assertThat(RRsetCacheBuilder.DEFAULT_MAX_NEGATIVE_TTL).isEqualTo(Duration.ofHours(1));
    assertThat(RRsetCacheBuilder.DEFAULT_MIN_TTL).isZero();
    assertThat(RRsetCacheBuilder.DEFAULT_MAXIMUM_BYTES).isEqualTo(32L << 20);
  }

  @Test
  @DisplayName("A cache tells its TTL caps, the defaults or those set, for a resolver to show TTLs by")
  void ttlCaps_areTheCachesOwn() {
    assertThat(builder.build().ttlCaps()).isEqualTo(TtlCaps.DEFAULTS);
    RRsetCache capped = RRsetCache.builder().minTtl(Duration.ofSeconds(5)).maxTtl(Duration.ofMinutes(10))
        .maxNegativeTtl(Duration.ofMinutes(1)).build();

    assertThat(capped.ttlCaps()).isEqualTo(new TtlCaps(Duration.ofSeconds(5), Duration.ofMinutes(10),
        Duration.ofMinutes(1)));
    assertThat(capped.ttlCaps().positive(0x7FFF_FFFFL)).isEqualTo(600);
    assertThat(capped.ttlCaps().positive(1)).isEqualTo(5);
    assertThat(capped.ttlCaps().positive(0)).isEqualTo(5); // a floor that was set overrides "do not cache"
    assertThat(capped.ttlCaps().positive(0x8000_0000L)).isEqualTo(5); // RFC 2181 §8: top bit set counts as 0
    assertThat(TtlCaps.DEFAULTS.positive(0)).isZero(); // RFC 1035 §3.2.1: without a floor, 0 is not cached
  }

  @Test
  @DisplayName("renewStaleOnFailure renews stale data: without serveStale it is refused, naming both")
  void renewStaleOnFailure_withoutServeStale_isRefused() {
    assertThatIllegalStateException().isThrownBy(() -> RRsetCache.builder().renewStaleOnFailure().build())
        .withMessageContaining("renewStaleOnFailure").withMessageContaining("serveStale");
  }

  @Test
  @DisplayName("A cache built with defaults only works on the system ticker")
  void defaultCache_works() {
    RRsetCache cache = builder.build();

    assertThat(cache.put(rrset(a("www.example.", 300, "192.0.2.1")), TrustRank.GLUE)).isTrue();
    assertThat(cache.lookup(name("www.example."), Type.A, DClass.IN))
        .isInstanceOf(CacheLookup.Hit.class);
  }

  @Test
  @DisplayName("By default maintenance runs on the writer's thread: past the budget, a put returns evicted")
  void defaultMaintenance_isDoneByTheWriter() {
    RRsetCache cache = builder.maximumBytes(1024).build();

    for (int i = 0; i < 50; i++) {
      cache.put(rrset(a("host" + i + ".example.", 300, "192.0.2.1")), TrustRank.GLUE);
      assertThat(cache.stats().estimatedBytes()).as("after put %d, no cleanUp", i).isLessThanOrEqualTo(1024);
    }
  }

  @Test
  @DisplayName("Each build returns a new, independent cache")
  void build_returnsIndependentCaches() {
    builder.timeSource(new FakeTicker()).executor(Runnable::run);
    RRsetCache first = builder.build();
    RRsetCache second = builder.build();

    first.put(rrset(a("www.example.", 300, "192.0.2.1")), TrustRank.AUTHORITATIVE_ANSWER);

    assertThat(second.lookup(name("www.example."), Type.A, DClass.IN))
        .isSameAs(CacheLookup.Miss.INSTANCE);
  }

  /* ---- bad values ---- */

  @Test
  @DisplayName("maximumBytes must be positive")
  void maximumBytes_mustBePositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.maximumBytes(0))
        .withMessage("maximumBytes must be positive but was 0");
  }

  @Test
  @DisplayName("maxTtl must be at least one second")
  void maxTtl_mustBeAtLeastOneSecond() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.maxTtl(Duration.ZERO))
        .withMessageContaining("maxTtl must be at least 1 second");
  }

  @Test
  @DisplayName("TTL settings must not be negative")
  void ttls_mustNotBeNegative() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.minTtl(Duration.ofSeconds(-1)))
        .withMessageContaining("minTtl must not be negative");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.maxNegativeTtl(Duration.ofSeconds(-1)))
        .withMessageContaining("maxNegativeTtl must not be negative");
  }

  @Test
  @DisplayName("TTL settings must be whole seconds, as DNS TTLs are")
  void ttls_mustBeWholeSeconds() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.maxTtl(Duration.ofMillis(1500)))
        .withMessageContaining("maxTtl must be whole seconds");
  }

  @Test
  @DisplayName("RFC 2181 §8: TTL settings must fit in 31 bits")
  void ttls_mustFitInThirtyOneBits() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.maxTtl(Duration.ofSeconds(1L << 31)))
        .withMessageContaining("maxTtl must be at most 2147483647 seconds");
    builder.maxNegativeTtl(Duration.ofSeconds(RRsetCacheBuilder.MAX_TTL_SECONDS));
  }

  /* ---- conflicts ---- */

  @Test
  @DisplayName("minTtl above a maxTtl already set is rejected, naming both")
  void minTtl_aboveMaxTtl_isRejected() {
    builder.maxTtl(Duration.ofSeconds(10));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.minTtl(Duration.ofSeconds(20)))
        .withMessage("minTtl (PT20S) exceeds maxTtl (PT10S)");
  }

  @Test
  @DisplayName("maxTtl below a minTtl already set is rejected, naming both")
  void maxTtl_belowMinTtl_isRejected() {
    builder.minTtl(Duration.ofSeconds(20));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.maxTtl(Duration.ofSeconds(10)))
        .withMessage("maxTtl (PT10S) is below minTtl (PT20S)");
  }

  @Test
  @DisplayName("minTtl above the default maxTtl fails at build, naming both")
  void minTtl_aboveDefaultMaxTtl_failsAtBuild() {
    builder.minTtl(Duration.ofDays(2));

    assertThatIllegalStateException()
        .isThrownBy(builder::build)
        .withMessageContaining("minTtl (PT48H) exceeds the default maxTtl (PT24H)");
  }

  @Test
  @DisplayName("Setting minTtl then a larger maxTtl works in either order")
  void minThenMax_works() {
    builder.minTtl(Duration.ofDays(2)).maxTtl(Duration.ofDays(3));

    assertThat(builder.build()).isNotNull();
  }

  @Test
  @DisplayName("A setting may be set once; the second call names the first value")
  void settings_mayBeSetOnce() {
    builder.maxTtl(Duration.ofHours(2)).recordStats().maximumBytes(1024);

    assertThatIllegalStateException()
        .isThrownBy(() -> builder.maxTtl(Duration.ofHours(3)))
        .withMessage("maxTtl was already set to PT2H");
    assertThatIllegalStateException()
        .isThrownBy(builder::recordStats)
        .withMessage("recordStats was already set");
    assertThatIllegalStateException()
        .isThrownBy(() -> builder.maximumBytes(2048))
        .withMessage("maximumBytes was already set to 1024");
  }

  @Test
  @DisplayName("Nulls are rejected, naming the setting")
  void nulls_areRejected() {
    assertThatNullPointerException().isThrownBy(() -> builder.timeSource(null)).withMessage("timeSource");
    assertThatNullPointerException()
        .isThrownBy(() -> builder.executor(null))
        .withMessage("executor");
    assertThatNullPointerException().isThrownBy(() -> builder.maxTtl(null)).withMessage("maxTtl");
  }

  /* ---- serve-stale ---- */

  @Test
  @DisplayName("RFC 8767 §5: serveStale() keeps expired data for one day")
  void serveStale_defaultsToOneDay() {
    FakeTicker ticker = new FakeTicker();
    RRsetCache cache = builder.serveStale().timeSource(ticker).executor(Runnable::run).build();
    cache.put(rrset(a("www.example.", 60, "192.0.2.1")), TrustRank.AUTHORITATIVE_ANSWER);

    ticker.advanceSeconds(60).advance(RRsetCacheBuilder.DEFAULT_STALE_WINDOW).advanceNanos(-1);
    assertThat(cache.lookupStale(name("www.example."), Type.A, DClass.IN))
        .isInstanceOf(CacheLookup.Hit.class);
    ticker.advanceNanos(1);
    assertThat(cache.lookupStale(name("www.example."), Type.A, DClass.IN))
        .isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("The stale window must be whole, positive seconds and may be set once")
  void serveStale_isChecked() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.serveStale(Duration.ZERO))
        .withMessageContaining("serveStale window must be at least 1 second");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.serveStale(Duration.ofMillis(1500)))
        .withMessageContaining("whole seconds");
    assertThatNullPointerException()
        .isThrownBy(() -> builder.serveStale(null))
        .withMessage("serveStale");
    builder.serveStale(Duration.ofHours(6));
    assertThatIllegalStateException()
        .isThrownBy(builder::serveStale)
        .withMessage("serveStale was already set to PT6H");
  }
}
