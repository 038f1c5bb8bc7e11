package org.dnschase.resolver.bench;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
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

/**
 * The MiniDNS peer ({@link MiniDnsPeer}) on both workloads: {@link #cached} beside
 * {@link CachedChainBenchmark} (a warm client; the setup proves it no longer asks the lab) and
 * {@link #cold} beside {@link ColdChainBenchmark} (a new client with an empty cache before every
 * invocation). Both check in setup that the chain ends at the lab's final addresses.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MiniDnsChainBenchmark {

  /** The lab and the chain, shared by both workloads. */
  @State(Scope.Benchmark)
  public static class Chain {
    @Param({"1", "2", "4", "8", "12"})
    int hops;

    TestHierarchy lab;
    Name qname;

    @Setup(Level.Trial)
    public void startLab() {
      lab = BenchLab.start();
      qname = BenchLab.chainStart(hops);
    }

    @TearDown(Level.Trial)
    public void close() {
      lab.close();
    }

    void requireFinalAddresses(List<String> addresses) {
      Set<String> found = new TreeSet<>(addresses);
      if (!found.equals(BenchLab.FINAL_ADDRESSES)) {
        throw new IllegalStateException("MiniDNS ended the " + hops + "-hop chain at " + found);
      }
    }
  }

  /** A client whose cache holds the whole chain. */
  @State(Scope.Benchmark)
  public static class Warm {
    MiniDnsPeer peer;

    @Setup(Level.Trial)
    public void warmUp(Chain chain) throws IOException {
      peer = new MiniDnsPeer(chain.lab);
      chain.requireFinalAddresses(peer.resolve(chain.qname));
      int cold = peer.queriesSent();
      chain.requireFinalAddresses(peer.resolve(chain.qname));
      if (peer.queriesSent() != cold) {
        throw new IllegalStateException("MiniDNS went upstream again for a cached " + chain.hops + "-hop chain");
      }
      System.out.println("MiniDNS cold " + chain.hops + "-hop chain: " + cold + " upstream queries");
    }
  }

  /** A new client, with an empty cache, for every invocation. */
  @State(Scope.Benchmark)
  public static class Fresh {
    MiniDnsPeer peer;

    @Setup(Level.Invocation)
    public void newClient(Chain chain) {
      peer = new MiniDnsPeer(chain.lab);
      // the lab records every query it answers; without this its log grows for the whole run
      chain.lab.clearQueries();
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public List<String> cached(Chain chain, Warm warm) throws IOException {
    return warm.peer.resolve(chain.qname);
  }

  /** Sampled like {@link ColdChainBenchmark}, so the two medians can be compared. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<String> cold(Chain chain, Fresh fresh) throws IOException {
    return fresh.peer.resolve(chain.qname);
  }
}
