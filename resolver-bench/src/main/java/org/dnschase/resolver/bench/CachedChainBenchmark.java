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
 * A fully cached chain of k CNAME hops resolved by our {@link Resolver}: the cost of answering
 * from the cache alone. The setup warms the cache, then proves that a second resolution sends no
 * query upstream; if one did, this would be a cold benchmark in disguise, so the setup fails.
 *
 * <p>The peer is {@link DnsjavaCachedChainBenchmark}, over the same records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CachedChainBenchmark {

  @Param({"1", "2", "4", "8", "12"})
  int hops;

  private TestHierarchy lab;
  private Resolver resolver;
  private Name qname;

  @Setup(Level.Trial)
  public void warmCache() {
    lab = BenchLab.start();
    resolver = BenchLab.resolverFor(lab, RRsetCache.builder().build());
    qname = BenchLab.chainStart(hops);
    Resolution.Answer cached = BenchLab.warmChain(lab, resolver, qname, hops);
    if (cached.upstreamQueries() != 0) {
      throw new IllegalStateException("a cached " + hops + "-hop chain went upstream: "
          + cached.upstreamQueries() + " queries counted");
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
