package org.dnschase.resolver.bench;

import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * What counting costs the hottest path: {@link CachedChainBenchmark}'s fully cached 8-hop chain,
 * one resolution-cache hit, with the resolver's metrics on (the default: one striped increment and
 * the Flight Recorder's enabled check) and off ({@code recordMetrics(false)}), in the same run.
 * The setup checks that the hit is counted when on and not when off, so neither side can be
 * measuring something else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MetricsOverheadBenchmark {

  private static final int HOPS = 8;

  @Param({"true", "false"})
  boolean metrics;

  private TestHierarchy lab;
  private Resolver resolver;
  private Name qname;

  @Setup(Level.Trial)
  public void warmCache() {
    lab = BenchLab.start();
    resolver = BenchLab.builderFor(lab.rootHints(), lab.port(), RRsetCache.builder().build())
        .recordMetrics(metrics).build();
    qname = BenchLab.chainStart(HOPS);
    BenchLab.warmChain(lab, resolver, qname, HOPS);
    long hits = resolver.metrics().questions().resolutionCacheHits();
    if (hits != (metrics ? 1 : 0)) {
      throw new IllegalStateException("the second resolution was not the resolution-cache hit counted as set ("
          + hits + " hits counted with metrics " + metrics + ")");
    }
  }

  @Benchmark
  public Resolution resolve() {
    return resolver.resolve(qname, Type.A);
  }

  @TearDown(Level.Trial)
  public void close() {
    BenchLab.closeCached(lab, resolver);
  }
}
