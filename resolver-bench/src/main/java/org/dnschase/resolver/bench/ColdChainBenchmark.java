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
 * A cold k-hop chain: every invocation starts from an empty cache, primes the root and walks the
 * lab's servers on loopback (root, {@code lab.}, then the two leaf zones in turn).
 *
 * <p>The cache is emptied before each invocation rather than the resolver rebuilt: a new resolver
 * would also start a Netty event loop, which is not resolution work. What survives between
 * invocations is the transport and the per-server RTT estimates, as in a long-lived resolver
 * whose cache was flushed.
 *
 * <p>Sampled, not averaged: every invocation is timed, so the report can give the median, which a
 * noisy neighbour on a two-core machine moves far less than the mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ColdChainBenchmark {

  @Param({"1", "2", "4", "8", "12"})
  int hops;

  private TestHierarchy lab;
  private RRsetCache cache;
  private Resolver resolver;
  private Name qname;

  @Setup(Level.Trial)
  public void startLab() {
    lab = BenchLab.start();
    cache = RRsetCache.builder().build();
    resolver = BenchLab.resolverFor(lab, cache);
    qname = BenchLab.chainStart(hops);
    Resolution.Answer cold = BenchLab.requireChainAnswer(resolver.resolve(qname, Type.A), hops);
    // printed into the JMH log so RESULTS.md can say what one operation costs on the wire
    System.out.println("cold " + hops + "-hop chain: " + cold.upstreamQueries() + " upstream queries");
  }

  @Setup(Level.Invocation)
  public void emptyCache() {
    cache.invalidateAll();
    // the lab records every query it answers; without this its log grows for the whole run
    lab.clearQueries();
  }

  @Benchmark
  public Resolution resolve() {
    return resolver.resolve(qname, Type.A);
  }

  @TearDown(Level.Trial)
  public void close() {
    resolver.close();
    lab.close();
  }
}
