package org.dnschase.resolver.fuzz;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.zones.AuthZone;
import org.xbill.DNS.DNSSEC;
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
 *   corp.test.     the resolver's own auth zone ({@link #AUTH_ZONE}), never delegated
 * </pre>
 *
 * <p>The same tree comes unsigned or signed (ECDSA P-256, NSEC, valid around {@link #NOW}), for a
 * resolver that validates from the signed root's key.
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
      Question.of("www.far.test.", Type.A),
      Question.of("www.example.test.", Type.RRSIG),       // the RRSIGs at the name, unvalidated
      Question.of("www.example.test.", 65535),            // an unknown type (RFC 3597)
      Question.of("printer.corp.test.", Type.A),          // from the auth zone, no query
      Question.of("www.corp.test.", Type.A),              // the auth zone's alias into example.test.
      Question.of("missing.corp.test.", Type.A));         // the auth zone's NXDOMAIN

  /** Owners and targets for records the fuzzer adds: in and out of every zone's bailiwick. */
  static final List<Name> NAMES = List.of(
      Name.root, name("test."), name("lab."), name("a.root.lab."), name("ns1.test."),
      name("example.test."), name("ns1.example.test."), name("www.example.test."),
      name("alias.example.test."), name("old.example.test."), name("www.old.example.test."),
      name("sub.www.example.test."), name("other.test."), name("ns1.other.test."),
      name("ns2.other.test."), name("www.other.test."), name("far.test."), name("www.far.test."),
      name("evil.lab."), name("ns.evil.lab."), name("*.wild.example.test."), name("corp.test."),
      name("printer.corp.test."));

  /** The time of the fake clock's start, around which the signed lab's signatures are valid. */
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** The resolver's own zone below test., which test.'s server knows nothing of. */
  static final AuthZone AUTH_ZONE = AuthZone.parse("corp.test.", """
      $TTL 300
      @        SOA   ns hostmaster 1 3600 600 86400 60
      @        NS    ns
      ns       A     192.0.2.9
      printer  A     192.168.1.20
      www      CNAME www.example.test.
      """);

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

  /** The signed twin, started apart: signing costs a second or so, which unsigned runs never pay. */
  private static final class StartedSigned {
    static final TestHierarchy HIERARCHY = TestHierarchy.builder().zones(ZONES)
        .signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)
            .withValidity(NOW, Duration.ofDays(1), Duration.ofDays(30)))
        .build();
  }

  private final TestHierarchy hierarchy;

  private FuzzLab(TestHierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  static FuzzLab unsigned() {
    return new FuzzLab(Started.HIERARCHY);
  }

  static FuzzLab signed() {
    return new FuzzLab(StartedSigned.HIERARCHY);
  }

  /** The root hints of both labs: they share their servers' names and addresses. */
  static RootHints rootHints() {
    return Started.HINTS;
  }

  /** The trust anchor to validate this lab from, or null when it is unsigned. */
  String trustAnchor() {
    return hierarchy.signed(Name.root) ? hierarchy.trustAnchor().toString() : null;
  }

  /** Whether a server of the lab listens at that address (the port is not looked at). */
  boolean isLabServer(InetSocketAddress server) {
    return hierarchy.servers().stream().anyMatch(s -> s.address().equals(server.getAddress()));
  }

  /** What the lab's server at {@code server} answers to {@code query}, as a new message. */
  Message authoritativeReply(InetSocketAddress server, Message query) {
    RecordedQuery received = new RecordedQuery(server.getAddress(),
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 5300), query.getQuestion().getName(),
        query.getQuestion().getType(), RecordedQuery.Transport.TCP, Instant.EPOCH, query);
    return hierarchy.server(server.getAddress()).zoneDispatcher().dispatch(received);
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
