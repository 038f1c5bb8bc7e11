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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * What the benchmarks of our resolver walking a cold chain share: before every invocation the
 * resolver forgets everything it learnt ({@link Resolver#invalidateAll()}: records, keys, proofs,
 * server state), so each one primes the root and walks the lab's servers (on loopback, or their
 * recorded replies in memory: {@link ColdChainWorkBenchmark}). The
 * resolver is emptied rather than rebuilt: a new one would also start a Netty event loop, which
 * is not resolution work. A subclass says which lab and which resolver in its own trial setup,
 * through {@link #start}.
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
public abstract class ColdChain {

  private TestHierarchy lab;
  private Resolver resolver;
  private Name qname;

  /**
   * Takes {@code lab} and {@code resolver} for the benchmark and walks the {@code hops}-hop chain
   * once, printing into the JMH log what one operation costs on the wire (so RESULTS.md can say
   * it); returns the answer for the subclass's own checks.
   */
  Resolution.Answer start(TestHierarchy lab, Resolver resolver, int hops, String chain) {
    this.lab = lab;
    this.resolver = resolver;
    this.qname = BenchLab.chainStart(hops);
    Resolution.Answer cold = BenchLab.requireChainAnswer(resolver.resolve(qname, Type.A), hops);
    System.out.println("cold " + hops + "-hop " + chain + ": " + cold.upstreamQueries() + " upstream queries");
    return cold;
  }

  @Setup(Level.Invocation)
  public void forgetEverything() {
    resolver.invalidateAll();
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
