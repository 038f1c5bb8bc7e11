package org.dnschase.resolver.bench;

import java.util.List;
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
import org.xbill.DNS.Cache;
import org.xbill.DNS.Credibility;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;

/**
 * The peer of {@link CachedChainBenchmark}: the same cached k-hop chain through dnsjava 3.7.1,
 * once through {@link LookupSession} (its asynchronous API, the one DESIGN.md's target is set
 * against) and once through the older {@link Lookup}, both over a dnsjava {@link Cache} holding
 * the very records our resolver returned for the chain. Their resolver is a
 * {@link RefusingResolver}, so a cache miss fails instead of sending a packet, and the setup
 * checks that both return the chain's final addresses without having asked it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DnsjavaCachedChainBenchmark {

  @Param({"1", "2", "4", "8", "12"})
  int hops;

  private final RefusingResolver network = new RefusingResolver();
  private Cache cache;
  private LookupSession session;
  private Name qname;

  @Setup(Level.Trial)
  public void fillCache() {
    qname = BenchLab.chainStart(hops);
    cache = new Cache(DClass.IN);
    for (Record record : chainRecords()) {
      cache.addRecord(record, Credibility.AUTH_ANSWER);
    }
    session = LookupSession.builder().resolver(network).cache(cache).build();

    requireFinalAddresses("LookupSession", lookupSession().getRecords());
    Record[] found = lookup();
    requireFinalAddresses("Lookup", found == null ? null : List.of(found));
    if (network.attempts() != 0) {
      throw new IllegalStateException("dnsjava asked its resolver " + network.attempts() + " times");
    }
  }

  /** The chain's records as our resolver returns them from the lab: the CNAMEs, then the A RRset. */
  private List<Record> chainRecords() {
    try (TestHierarchy lab = BenchLab.start();
        Resolver resolver = BenchLab.resolverFor(lab, RRsetCache.builder().build())) {
      Resolution.Answer answer = BenchLab.requireChainAnswer(resolver.resolve(qname, Type.A), hops);
      return answer.answerSection();
    }
  }

  @Benchmark
  public LookupResult lookupSession() {
    return session.lookupAsync(qname, Type.A).toCompletableFuture().join();
  }

  @Benchmark
  public Record[] lookup() {
    Lookup lookup = new Lookup(qname, Type.A);
    lookup.setCache(cache);
    lookup.setResolver(network);
    return lookup.run();
  }

  @TearDown(Level.Trial)
  public void requireNoNetwork() {
    if (network.attempts() != 0) {
      throw new IllegalStateException("dnsjava asked its resolver " + network.attempts()
          + " times: the benchmark did not run from the cache alone");
    }
  }

  private void requireFinalAddresses(String api, List<Record> records) {
    if (records == null || !BenchLab.addresses(records).equals(BenchLab.FINAL_ADDRESSES)) {
      throw new IllegalStateException("dnsjava " + api + " returned " + records + " for " + qname
          + ", not " + BenchLab.FINAL_ADDRESSES);
    }
  }
}
