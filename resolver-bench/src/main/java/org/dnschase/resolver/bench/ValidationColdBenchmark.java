package org.dnschase.resolver.bench;

import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The price of validation on a cold chain: {@link ColdChainBenchmark}'s k-hop chain over the lab
 * signed with ECDSA P-256 and validated, against the same lab unsigned and not validated, in the
 * same run. As nothing learnt survives an invocation, the signed side fetches each zone's DS and
 * DNSKEY and checks every RRSIG again; the difference per hop is what a validating resolver pays.
 */
@Fork(value = 3, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ValidationColdBenchmark extends ColdChain {

  @Param({"1", "4", "8"})
  int hops;

  @Param({"unsigned", "signed"})
  String zones;

  @Setup(Level.Trial)
  public void startLab() {
    boolean signed = zones.equals("signed");
    TestHierarchy lab = signed ? BenchLab.startSigned() : BenchLab.start();
    BenchLab.requireSecurity(start(lab, BenchLab.resolverFor(lab, RRsetCache.builder().build(), signed), hops,
        zones + " chain"), signed);
  }
}
