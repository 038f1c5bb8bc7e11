package org.dnschase.resolver.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.server.internal.AllowList;
import org.dnschase.resolver.server.internal.QueryHandler;
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
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The server's own work for one warm (cached) UDP query, between the socket's read and its write:
 * the request's octets handed to the server's query handler, decoded, looked up in the resolver's
 * cache and answered, as the race's warm mix asks it. The two system calls around it are not
 * measured (resolver-bench/race/warmcost.py measures the whole); {@code -prof gc} gives the
 * allocation per query. The setup proves the chain is cached and the answer the chain's; the
 * teardown fails if a query reached the lab while measuring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ServerQueryBenchmark {

  private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40_000);

  /** The query's shape: without EDNS (as dnsperf asks by default), or with a plain OPT record. */
  @Param({"plain", "edns"})
  String query;

  private TestHierarchy lab;
  private Resolver resolver;
  private QueryHandler handler;
  private byte[] wire;

  @Setup(Level.Trial)
  public void warmCache() throws IOException {
    lab = BenchLab.start();
    resolver = BenchLab.resolverFor(lab, RRsetCache.builder().build());
    BenchLab.warmChain(lab, resolver, BenchLab.chainStart(1), 1);
    handler = new QueryHandler(resolver, AllowList.of(AllowList.LOOPBACK), null, 1000);
    Message message = Message.newQuery(Record.newRecord(BenchLab.chainStart(1), Type.A, DClass.IN));
    if (query.equals("edns")) {
      message.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    }
    wire = message.toWire();
    Message answer = new Message(answer());
    if (answer.getRcode() != Rcode.NOERROR || answer.getHeader().getID() != message.getHeader().getID()) {
      throw new IllegalStateException("not the chain's answer: " + answer);
    }
    lab.clearQueries();
  }

  /** The request's octets as the socket's read gives them, copied out of its buffer; the answer's. */
  @Benchmark
  public byte[] answer() {
    return handler.handle(wire.clone(), CLIENT, false).now();
  }

  @TearDown(Level.Trial)
  public void close() {
    BenchLab.closeCached(lab, resolver);
  }
}
