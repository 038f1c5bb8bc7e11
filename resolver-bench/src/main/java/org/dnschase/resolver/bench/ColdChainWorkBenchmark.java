package org.dnschase.resolver.bench;

import org.dnschase.resolver.testkit.TestHierarchy;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The resolver's own work on a cold k-hop chain, without the network: every upstream exchange is
 * answered at once, on the resolving thread, with the octets the lab's server gave for that
 * question the first time it was asked, parsed anew each time as the transport parses a reply
 * ({@link RecordedReplies}). What is timed is what a cold chain costs the resolver beyond its
 * sockets: building the queries, parsing and scrubbing the replies, classifying them, caching,
 * choosing the servers, the chase's hops; neither the system calls nor the round trips nor the
 * lab's servers, which {@link ColdChainBenchmark} and the race include. Run with {@code -prof gc}
 * for the bytes allocated per chain; on a busy machine, whose load moves the times, {@link
 * ColdChainWorkProbe} measures the same chains by the thread's CPU time.
 */
public class ColdChainWorkBenchmark extends ColdChain {

  @Param({"1", "4", "12"})
  int hops;

  @Setup(Level.Trial)
  public void startLab() {
    TestHierarchy lab = BenchLab.start();
    start(lab, RecordedReplies.resolverFor(lab), hops, "chain answered from recorded replies");
  }
}
