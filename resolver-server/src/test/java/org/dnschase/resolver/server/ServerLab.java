package org.dnschase.resolver.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.xbill.DNS.Name;

/**
 * A server on a loopback port in front of a resolver of the lab's own DNS tree: the root, the TLDs
 * {@code example.} and {@code test.}, and the leaf zones {@code shop.example.} and
 * {@code cdn.test.}, each on its own 127.53.x.y address. Nothing leaves loopback. The names the
 * tests ask:
 *
 * <ul>
 *   <li>{@code www.shop.example.}: a chain, www.shop.example. → www.cdn.test. → web.shop.example. A
 *   <li>{@code gone.shop.example.}: NXDOMAIN
 *   <li>{@code big.shop.example. TXT}: about 2,400 octets, more than a UDP answer may carry
 *   <li>{@code loop.shop.example.}: a CNAME loop across the two leaf zones
 *   <li>{@code slow.shop.example.}: an address its server answers after {@link #SLOW}
 * </ul>
 */
final class ServerLab implements AutoCloseable {

  /**
   * How long the server of shop.example. takes to answer slow.shop.example.: long enough to be
   * under way while a test goes on, shorter than the resolver's wait for one server (1.5 s).
   */
  static final Duration SLOW = Duration.ofMillis(800);

  static final ZoneTree TREE = ZoneTree.builder()
      .defaults(zone -> zone.serial(2026120501).timers(1800, 900, 604800))
      .root("a.root-servers.lab.", "127.53.0.1")
      .zone("example.", "ns1.nic", "127.53.1.1")
      .zone("test.", "ns1.nic", "127.53.2.1")
      .defaults(leaf -> leaf.serial(2026120501).timers(1800, 900, 604800).ttl(3600).negativeTtl(300))
      .zone("shop.example.", "ns1", "127.53.10.1", """
          www    300  CNAME www.cdn.test.
          web    3600 A     192.0.2.80
          loop   300  CNAME loop.cdn.test.
          slow   300  A     192.0.2.99
          big    300  TXT   %s
          """.formatted(bigText()))
      .zone("cdn.test.", "ns1", "127.53.11.1", """
          www    120  CNAME web.shop.example.
          loop   300  CNAME loop.shop.example.
          """)
      .build();

  final TestHierarchy hierarchy;
  final Resolver resolver;
  final DnsServer server;

  private ServerLab(UnaryOperator<DnsServerBuilder> settings) {
    hierarchy = TestHierarchy.builder().zones(TREE).build();
    hierarchy.server(address("127.53.10.1")).setFault(Name.fromConstantString("slow.shop.example."),
        new Fault.Delay(SLOW));
    resolver = Resolver.builder()
        .rootHints(RootHints.of(hierarchy.rootHints()))
        .upstreamPort(hierarchy.port())
        .loopbackOnly()
        .build();
    server = settings.apply(DnsServer.builder(resolver)
        .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))).start();
  }

  /** A lab with the server's defaults. */
  static ServerLab start() {
    return start(UnaryOperator.identity());
  }

  /** A lab whose server is also configured by {@code settings}. */
  static ServerLab start(UnaryOperator<DnsServerBuilder> settings) {
    return new ServerLab(settings);
  }

  /** Where the server listens, UDP and TCP. */
  InetSocketAddress address() {
    return server.addresses().get(0);
  }

  /** Upstream queries the lab's servers got for {@code qname} so far. */
  long upstreamQueriesFor(String qname) {
    Name name = Name.fromConstantString(qname);
    return hierarchy.queries().stream().filter(query -> query.qname().equals(name)).count();
  }

  /** Waits until the lab's servers have been asked for {@code qname}: its resolution is under way. */
  void awaitUpstream(String qname) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (upstreamQueriesFor(qname) == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no upstream query for " + qname + " within 10 s");
      }
      pause();
    }
  }

  /** Waits until the lab's servers have been asked nothing new for a moment ({@link TestHierarchy#settle()}). */
  void settle() {
    hierarchy.settle();
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.close();
    resolver.close();
    hierarchy.close();
  }

  /** Twelve strings of 200 characters: about 2,400 octets of TXT data. */
  private static String bigText() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      text.append('"').append(Character.toString('a' + i).repeat(200)).append("\" ");
    }
    return text.toString().strip();
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByAddress(io.netty.util.NetUtil.createByteArrayFromIpAddressString(literal));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
