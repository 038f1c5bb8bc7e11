package org.dnschase.resolver.jdk;

import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;

/**
 * The lab the provider's tests resolve in, its root where {@code src/test/resources/lab-root.hints}
 * (the surefire configuration's {@code dnschase.rootHints}) says, 127.53.0.1:
 *
 * <pre>
 *   www.app.test, api.app.test  CNAME edge.cdn.test      (two zones)
 *   edge.cdn.test               A 127.0.0.1             (where the tests' HTTP server listens)
 *   dual.app.test               A 127.0.0.1, AAAA ::1
 *   v6only.app.test             AAAA ::1
 *   host7.app.test              A 198.18.99.7, and 7.99.18.198.in-addr.arpa PTR host7.app.test.
 *   host9.app.test              A 198.18.99.9, its PTR behind a CNAME into 0-63.99.18.198.in-addr.arpa (RFC 2317)
 *   10.99.18.198.in-addr.arpa   PTR gone.app.test., a name that does not exist
 *   db.corp.test                A 127.0.0.3
 *   127.in-addr.arpa            no PTR (the resolver serves it itself unless a stub zone says otherwise)
 * </pre>
 *
 * host7's address is never contacted: it is a benchmarking one (RFC 2544), outside the reverse
 * zones the resolver serves itself (RFC 6303), as the loopback's and the documentation nets' are not.
 */
final class JdkLab {

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("test.", "ns1", "127.53.2.1")
      .defaults(zone -> zone.ttl(3600).negativeTtl(300))
      .zone("app.test.", "ns", "127.53.40.1", """
          www    300 CNAME edge.cdn.test.
          api    300 CNAME edge.cdn.test.
          dual   300 A     127.0.0.1
          dual   300 AAAA  ::1
          v6only 300 AAAA  ::1
          host7  300 A     198.18.99.7
          host9  300 A     198.18.99.9
          """)
      .zone("cdn.test.", "ns", "127.53.41.1", "edge 300 A 127.0.0.1\n")
      .zone("corp.test.", "ns", "127.53.42.1", "db 300 A 127.0.0.3\n")
      .zone("18.198.in-addr.arpa.", "ns", "127.53.43.1", """
          7.99  300 PTR   host7.app.test.
          9.99  300 CNAME 9.0-63.99
          10.99 300 PTR   gone.app.test.
          """)
      .zone("0-63.99.18.198.in-addr.arpa.", "ns", "127.53.45.1", "9 300 PTR host9.app.test.\n")
      .zone("127.in-addr.arpa.", "ns", "127.53.44.1", "")
      .build();

  private JdkLab() {}

  /**
   * Starts the lab and points the provider at its port. Call it before the JVM's first look-up of a
   * name: the provider reads its settings then.
   */
  static TestHierarchy start() {
    TestHierarchy lab = TestHierarchy.builder().zones(TREE).build();
    System.setProperty("dnschase.upstreamPort", Integer.toString(lab.port()));
    return lab;
  }

  /** Whether the lab was asked about {@code name} (any type, any server). */
  static boolean asked(TestHierarchy lab, String name) {
    return lab.queries().stream().map(RecordedQuery::qname).anyMatch(q -> q.toString().equalsIgnoreCase(name));
  }
}
