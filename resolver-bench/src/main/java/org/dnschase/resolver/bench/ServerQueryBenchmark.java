package org.dnschase.resolver.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.server.internal.AllowList;
import org.dnschase.resolver.server.internal.InFlight;
import org.dnschase.resolver.server.internal.QueryHandler;
import org.dnschase.resolver.server.internal.UdpHandler;
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
 * The server's own work for one warm (cached) UDP query: a datagram read by the UDP listener's
 * handler, decoded, looked up in the resolver's cache and answered, the answer's datagram written
 * out, as the race's warm mix asks it of the server. The socket's calls and Netty's NIO read and
 * write loop are not measured (an embedded channel stands for the socket); {@code -prof gc} gives
 * the allocation per query. The setup proves the chain is cached and that the answer is the
 * chain's; the teardown fails if a query reached the lab while measuring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ServerQueryBenchmark {

  private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40_000);
  private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 53);

  /** The query's shape: without EDNS (as dnsperf asks by default), or with a plain OPT record. */
  @Param({"plain", "edns"})
  String query;

  private TestHierarchy lab;
  private Resolver resolver;
  private EmbeddedChannel channel;
  private byte[] wire;

  @Setup(Level.Trial)
  public void warmCache() throws IOException {
    lab = BenchLab.start();
    resolver = BenchLab.resolverFor(lab, RRsetCache.builder().build());
    BenchLab.warmChain(lab, resolver, BenchLab.chainStart(1), 1);
    channel = new EmbeddedChannel(new UdpHandler(
        new QueryHandler(resolver, AllowList.of(AllowList.LOOPBACK), null, 1000), new InFlight()));
    Message message = Message.newQuery(Record.newRecord(BenchLab.chainStart(1), Type.A, DClass.IN));
    if (query.equals("edns")) {
      message.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    }
    wire = message.toWire();
    Message answer = new Message(answerOnce());
    if (answer.getRcode() != Rcode.NOERROR || answer.getHeader().getID() != message.getHeader().getID()) {
      throw new IllegalStateException("not the chain's answer: " + answer);
    }
    BenchLab.requireChainAnswer(resolver.resolve(BenchLab.chainStart(1), Type.A), 1);
    lab.clearQueries();
  }

  private byte[] answerOnce() {
    DatagramPacket answer = exchange();
    try {
      return ByteBufUtil.getBytes(answer.content());
    } finally {
      answer.release();
    }
  }

  /** The query in a buffer of the channel's allocator, as a socket's read gives it; the answer written. */
  private DatagramPacket exchange() {
    ByteBuf request = channel.alloc().directBuffer(wire.length).writeBytes(wire);
    channel.writeInbound(new DatagramPacket(request, SERVER, CLIENT));
    return channel.readOutbound();
  }

  @Benchmark
  public DatagramPacket answer() {
    DatagramPacket answer = exchange();
    answer.release();
    return answer;
  }

  @TearDown(Level.Trial)
  public void close() {
    channel.finishAndReleaseAll();
    BenchLab.closeCached(lab, resolver);
  }
}
