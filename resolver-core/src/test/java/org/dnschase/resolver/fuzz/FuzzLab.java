package org.dnschase.resolver.fuzz;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The small hierarchy the reply-path fuzz tests start from, and what they pick names and
 * addresses from. Its authoritative answers come from the testkit's zone dispatchers, called in
 * memory (the servers are started once, but no packet is ever sent to them):
 *
 * <pre>
 *   .              a.root.lab.        127.53.0.1
 *   test.          ns1.test.          127.53.2.1
 *   example.test.  ns1.example.test.  127.53.3.1   aliases, a DNAME, a loop, a wildcard
 *   other.test.    ns1.other.test.    127.53.4.1
 *   far.test.      ns2.other.test.    127.53.4.1   glueless: its server's address is in other.test.
 * </pre>
 */
final class FuzzLab {

  /** A question the resolver is asked, with what it exercises. */
  record Question(Name name, int type) {
    static Question of(String name, int type) {
      return new Question(Name.fromConstantString(name), type);
    }
  }

  static final List<Question> QUESTIONS = List.of(
      Question.of("www.example.test.", Type.A),
      Question.of("www.example.test.", Type.AAAA),
      Question.of("alias.example.test.", Type.A),          // CNAME inside the zone
      Question.of("far.example.test.", Type.A),            // CNAME into a glueless zone
      Question.of("loop.example.test.", Type.A),           // CNAME loop
      Question.of("www.old.example.test.", Type.A),        // DNAME to other.test.
      Question.of("missing.example.test.", Type.A),        // NXDOMAIN
      Question.of("www.example.test.", Type.MX),           // NODATA
      Question.of("mx.example.test.", Type.MX),
      Question.of("example.test.", Type.NS),
      Question.of("back.other.test.", Type.A),             // CNAME back into example.test.
      Question.of("txt.example.test.", Type.TXT),
      Question.of("a.wild.example.test.", Type.A),         // wildcard
      Question.of("www.example.test.", Type.ANY),
      Question.of("www.far.test.", Type.A));

  /** Owners and targets for records the fuzzer adds: in and out of every zone's bailiwick. */
  static final List<Name> NAMES = List.of(
      Name.root, name("test."), name("lab."), name("a.root.lab."), name("ns1.test."),
      name("example.test."), name("ns1.example.test."), name("www.example.test."),
      name("alias.example.test."), name("old.example.test."), name("www.old.example.test."),
      name("sub.www.example.test."), name("other.test."), name("ns1.other.test."),
      name("ns2.other.test."), name("www.other.test."), name("far.test."), name("www.far.test."),
      name("evil.lab."), name("ns.evil.lab."), name("*.wild.example.test."));

  /** Addresses for A/AAAA records the fuzzer adds: the lab's servers, loopback, and elsewhere. */
  static final List<InetAddress> ADDRESSES = List.of(
      address("127.53.0.1"), address("127.53.2.1"), address("127.53.3.1"), address("127.53.4.1"),
      address("127.0.0.1"), address("192.0.2.1"), address("::1"), address("2001:db8::1"));

  /** Leaf TTLs of 300 s; the root's and TLD's 86,400 s are above the fuzzed cache's cap. */
  private static final ZoneTree ZONES = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("test.", "ns1", "127.53.2.1")
      .defaults(zone -> zone.ttl(300).negativeTtl(60))
      .zone("example.test.", "ns1", "127.53.3.1", """
          www      A     192.0.2.80
          www      AAAA  2001:db8::80
          alias    CNAME www
          far      CNAME www.far.test.
          loop     CNAME loop2
          loop2    CNAME loop
          old      DNAME other.test.
          mx       MX    10 www
          txt      TXT   "fuzz"
          *.wild   A     192.0.2.81
          """)
      .zone("other.test.", "ns1", "127.53.4.1", """
          www      A     192.0.2.82
          back     CNAME www.example.test.
          """)
      .zone("far.test.", zone -> zone.server("ns2.other.test.", "127.53.4.1").records("www A 192.0.2.83"))
      .build();

  /** Started on first use and kept for the JVM: fuzzing runs millions of inputs against it. */
  private static final class Started {
    static final TestHierarchy HIERARCHY = TestHierarchy.builder()
        .zones(ZONES).build();
    static final RootHints HINTS = RootHints.of(HIERARCHY.rootHints());
  }

  private FuzzLab() {}

  static RootHints rootHints() {
    return Started.HINTS;
  }

  /** Whether a server of the lab listens at that address (the port is not looked at). */
  static boolean isLabServer(InetSocketAddress server) {
    return Started.HIERARCHY.servers().stream().anyMatch(s -> s.address().equals(server.getAddress()));
  }

  /** What the lab's server at {@code server} answers to {@code query}, as a new message. */
  static Message authoritativeReply(InetSocketAddress server, Message query) {
    RecordedQuery received = new RecordedQuery(server.getAddress(),
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 5300), query.getQuestion().getName(),
        query.getQuestion().getType(), RecordedQuery.Transport.TCP, Instant.EPOCH, query);
    return Started.HIERARCHY.server(server.getAddress()).zoneDispatcher().dispatch(received);
  }

  private static Name name(String text) {
    return Name.fromConstantString(text);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
