package org.dnschase.resolver.bench;

import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * What validation costs a cached answer: {@link CachedChainBenchmark}'s fully cached 8-hop chain
 * over the lab signed and validated (SECURE) against the same lab unsigned and not validated, in
 * the same run. Validation happens once, when the chain is fetched; a hit is meant to cost the
 * same and allocate nothing either way. The setup checks each side's security status, so neither
 * can be measuring something else.
 */
@Fork(value = 3, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ValidationCachedBenchmark extends CachedChain {

  private static final int HOPS = 8;

  @Param({"unsigned", "signed"})
  String zones;

  @Setup(Level.Trial)
  public void warmCache() {
    boolean signed = zones.equals("signed");
    TestHierarchy lab = signed ? BenchLab.startSigned() : BenchLab.start();
    BenchLab.requireSecurity(warm(lab, BenchLab.resolverFor(lab, RRsetCache.builder().build(), signed), HOPS),
        signed);
  }
}
