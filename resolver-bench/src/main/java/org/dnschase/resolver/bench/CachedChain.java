package org.dnschase.resolver.bench;

import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * What the benchmarks of our resolver answering a fully cached chain share: the measured call, the
 * warm-up that proves the chain is cached (a benchmark that went upstream would be a cold one in
 * disguise) and the teardown that fails if any query reached the lab while measuring. A subclass
 * says which lab and which resolver in its own trial setup, through {@link #warm}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class CachedChain {

  private TestHierarchy lab;
  private Resolver resolver;
  private Name qname;

  /**
   * Takes {@code lab} and {@code resolver} for the benchmark and caches the {@code hops}-hop chain;
   * returns the second, cached answer for the subclass's own checks.
   */
  Resolution.Answer warm(TestHierarchy lab, Resolver resolver, int hops) {
    this.lab = lab;
    this.resolver = resolver;
    this.qname = BenchLab.chainStart(hops);
    return BenchLab.warmChain(lab, resolver, qname, hops);
  }

  /** The resolver measured, for a subclass's checks after {@link #warm}. */
  Resolver resolver() {
    return resolver;
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
