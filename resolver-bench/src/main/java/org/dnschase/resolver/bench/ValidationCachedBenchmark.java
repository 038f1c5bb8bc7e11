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
 * What validation costs a cached answer: {@link CachedChainBenchmark}'s fully cached 8-hop chain
 * over the lab signed and validated (SECURE) against the same lab unsigned and not validated, in
 * the same run. Validation happens once, when the chain is fetched; a hit is meant to cost the
 * same and allocate nothing either way. The setup checks each side's security status, so neither
 * can be measuring something else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ValidationCachedBenchmark {

  private static final int HOPS = 8;

  @Param({"unsigned", "signed"})
  String zones;

  private TestHierarchy lab;
  private Resolver resolver;
  private Name qname;

  @Setup(Level.Trial)
  public void warmCache() {
    boolean signed = zones.equals("signed");
    lab = signed ? BenchLab.startSigned() : BenchLab.start();
    resolver = BenchLab.resolverFor(lab, RRsetCache.builder().build(), signed);
    qname = BenchLab.chainStart(HOPS);
    Resolution.Answer cached = BenchLab.warmChain(lab, resolver, qname, HOPS);
    BenchLab.requireSecurity(cached, signed);
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
