package org.dnschase.resolver.bench.cache;

import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TrustRank;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * The RRset cache on its own: a hit ({@code lookup} of a cached A RRset) and a write ({@code put}
 * of a one-record A RRset over an entry of the same rank, the common refresh), each from one
 * thread and from two. Keys cycle through {@code entries} names, as a resolver reuses its
 * lower-case {@code Name}s: 1,024 entries stay in the CPU caches and show the code's own cost;
 * 65,536 (about 17 MB) do not, as in a real resolver, and show the memory's. Nothing expires or
 * is evicted during a run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CacheBenchmark {

  /** A power of two, so a cursor wraps with a mask. */
  @Param({"1024", "65536"})
  int entries;

  private int mask;
  private RRsetCache cache;
  private Name[] names;
  private RRset[] rrsets;

  /** Where each benchmark thread is in the key cycle; threads start apart. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    @Setup(Level.Trial)
    public void start() {
      next = (int) (Thread.currentThread().getId() * 7919);
    }

    int advance() {
      return next++;
    }
  }

  @Setup(Level.Trial)
  public void fill() {
    cache = RRsetCache.builder().maximumBytes(256L << 20).build();
    mask = entries - 1;
    names = new Name[entries];
    rrsets = new RRset[entries];
    for (int i = 0; i < entries; i++) {
      rrsets[i] = Hosts.aRRset(i, 86_400);
      names[i] = rrsets[i].getName();
      cache.put(rrsets[i], TrustRank.AUTHORITATIVE_ANSWER);
    }
    if (!(cache.lookup(names[mask], Type.A, DClass.IN) instanceof CacheLookup.Hit)) {
      throw new IllegalStateException("the filled cache misses: " + cache.stats());
    }
  }

  @Benchmark
  @Threads(1)
  public CacheLookup get(Cursor cursor) {
    return cache.lookup(names[cursor.advance() & mask], Type.A, DClass.IN);
  }

  @Benchmark
  @Threads(2)
  public CacheLookup get2Threads(Cursor cursor) {
    return cache.lookup(names[cursor.advance() & mask], Type.A, DClass.IN);
  }

  @Benchmark
  @Threads(1)
  public boolean put(Cursor cursor) {
    return cache.put(rrsets[cursor.advance() & mask], TrustRank.AUTHORITATIVE_ANSWER);
  }

  @Benchmark
  @Threads(2)
  public boolean put2Threads(Cursor cursor) {
    return cache.put(rrsets[cursor.advance() & mask], TrustRank.AUTHORITATIVE_ANSWER);
  }
}
