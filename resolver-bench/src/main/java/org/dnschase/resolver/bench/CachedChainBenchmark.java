package org.dnschase.resolver.bench;

import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * A fully cached chain of k CNAME hops resolved by our {@link org.dnschase.resolver.Resolver}: the
 * cost of answering from the cache alone. The setup warms the cache, then proves that a second
 * resolution sends no query upstream; if one did, this would be a cold benchmark in disguise, so
 * the setup fails.
 *
 * <p>The peer is {@link DnsjavaCachedChainBenchmark}, over the same records.
 */
public class CachedChainBenchmark extends CachedChain {

  @Param({"1", "2", "4", "8", "12"})
  int hops;

  @Setup(Level.Trial)
  public void warmCache() {
    TestHierarchy lab = BenchLab.start();
    Resolution.Answer cached = warm(lab, BenchLab.resolverFor(lab, RRsetCache.builder().build()), hops);
    if (cached.upstreamQueries() != 0) {
      throw new IllegalStateException("a cached " + hops + "-hop chain went upstream: "
          + cached.upstreamQueries() + " queries counted");
    }
  }
}
