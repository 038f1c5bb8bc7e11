package org.dnschase.resolver.bench;

import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * A cold k-hop chain: every invocation starts from nothing learnt, primes the root and walks the
 * lab's servers on loopback (root, {@code lab.}, then the two leaf zones in turn). What survives
 * between invocations is the transport, as in a long-lived resolver that was flushed.
 */
public class ColdChainBenchmark extends ColdChain {

  @Param({"1", "2", "4", "8", "12"})
  int hops;

  @Setup(Level.Trial)
  public void startLab() {
    TestHierarchy lab = BenchLab.start();
    start(lab, BenchLab.resolverFor(lab, RRsetCache.builder().build()), hops, "chain");
  }
}
