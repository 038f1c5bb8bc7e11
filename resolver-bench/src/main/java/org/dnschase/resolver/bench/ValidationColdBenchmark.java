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
 * The price of validation on a cold chain: {@link ColdChainBenchmark}'s k-hop chain over the lab
 * signed and validated against the same lab unsigned and not validated, in the same run. Every
 * invocation starts from nothing learnt ({@link Resolver#invalidateAll()}: records, keys, proofs,
 * server state), so the signed side fetches each zone's DS and DNSKEY and checks every RRSIG
 * again; the difference per hop is what a validating resolver pays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ValidationColdBenchmark {

  @Param({"1", "4", "8"})
  int hops;

  @Param({"unsigned", "signed"})
  String zones;

  private TestHierarchy lab;
  private Resolver resolver;
  private Name qname;

  @Setup(Level.Trial)
  public void startLab() {
    boolean signed = zones.equals("signed");
    lab = signed ? BenchLab.startSigned() : BenchLab.start();
    resolver = BenchLab.resolverFor(lab, RRsetCache.builder().build(), signed);
    qname = BenchLab.chainStart(hops);
    Resolution.Answer cold = BenchLab.requireChainAnswer(resolver.resolve(qname, Type.A), hops);
    BenchLab.requireSecurity(cold, signed);
    // printed into the JMH log so RESULTS.md can say what one operation costs on the wire
    System.out.println("cold " + hops + "-hop " + zones + " chain: " + cold.upstreamQueries() + " upstream queries");
  }

  @Setup(Level.Invocation)
  public void forgetEverything() {
    resolver.invalidateAll();
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
