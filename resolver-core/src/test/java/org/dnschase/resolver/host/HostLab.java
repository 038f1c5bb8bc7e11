package org.dnschase.resolver.host;

import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;

/**
 * The lab of the host look-up tests, on loopback:
 *
 * <pre>
 *   www.app.test   CNAME web.cdn.test        (two zones)
 *   web.cdn.test   A 192.0.2.60, AAAA 2001:db8::60
 *   v4.app.test    A 192.0.2.61 only;  v6.app.test AAAA 2001:db8::61 only
 *   db.corp.test   A 192.0.2.70           (for search domains)
 *   198.18.0.60 and 3fff::60 have PTR web.cdn.test.  (outside the reverse zones served locally,
 *                                                      where 192.0.2/24's and 2001:db8::/32's are)
 * </pre>
 */
final class HostLab {

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("test.", "ns1", "127.53.2.1")
      .defaults(zone -> zone.ttl(3600).negativeTtl(300))
      .zone("app.test.", "ns", "127.53.30.1", """
          www 300 CNAME web.cdn.test.
          v4  300 A     192.0.2.61
          v6  300 AAAA  2001:db8::61
          """)
      .zone("cdn.test.", "ns", "127.53.31.1", """
          web 300 A     192.0.2.60
          web 300 AAAA  2001:db8::60
          """)
      .zone("corp.test.", "ns", "127.53.32.1", "db 300 A 192.0.2.70\n")
      .zone("in-addr.arpa.", "ns", "127.53.33.1", "60.0.18.198 300 PTR web.cdn.test.\n")
      .zone("ip6.arpa.", "ns", "127.53.33.1",
          "0.6.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.f.f.f.3 300 PTR web.cdn.test.\n")
      .build();

  private HostLab() {}

  static TestHierarchy start() {
    return TestHierarchy.builder().zones(TREE).build();
  }

  /** A resolver pointed at the lab's root, never sending a packet off loopback. */
  static ResolverBuilder resolverFor(TestHierarchy lab) {
    return Resolver.builder()
        .rootHints(RootHints.of(lab.rootHints()))
        .upstreamPort(lab.port())
        .loopbackOnly();
  }
}
