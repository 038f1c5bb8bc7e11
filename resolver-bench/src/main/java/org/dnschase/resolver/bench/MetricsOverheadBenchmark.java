package org.dnschase.resolver.bench;

import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * What counting costs the hottest path: {@link CachedChainBenchmark}'s fully cached 8-hop chain,
 * one resolution-cache hit, with the resolver's metrics on (the default: one striped increment and
 * the Flight Recorder's enabled check) and off ({@code recordMetrics(false)}), in the same run.
 * The setup checks that the hit is counted when on and not when off, so neither side can be
 * measuring something else.
 */
@Fork(value = 3, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MetricsOverheadBenchmark extends CachedChain {

  private static final int HOPS = 8;

  @Param({"true", "false"})
  boolean metrics;

  @Setup(Level.Trial)
  public void warmCache() {
    TestHierarchy lab = BenchLab.start();
    warm(lab, BenchLab.builderFor(lab.rootHints(), lab.port(), RRsetCache.builder().build())
        .recordMetrics(metrics).build(), HOPS);
    long hits = resolver().metrics().questions().resolutionCacheHits();
    if (hits != (metrics ? 1 : 0)) {
      throw new IllegalStateException("the second resolution was not the resolution-cache hit counted as set ("
          + hits + " hits counted with metrics " + metrics + ")");
    }
  }
}
