package org.dnschase.resolver.examples;

import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.dnssec.Validation;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.xbill.DNS.DNSSEC;

/**
 * The demo's DNS tree: the root, the TLDs {@code example.} and {@code test.}, and the leaf zones
 * {@code shop.example.}, {@code cdn.test.}, {@code edge.example.} and {@code origin.test.}, each
 * served by its own in-process authoritative server on a 127.53.x.y loopback address. The chain
 * the demo follows: the shop hands its web name to a CDN, the CDN maps it to an edge network, the
 * edge picks an origin pool, and the pool points back at the shop's own servers.
 *
 * <p>Every zone is signed (ECDSA P-256, RFC 4033-4035) but {@code plain.test.}, whose delegation
 * is proven insecure: the chain above is SECURE, and {@code partner.shop.example.}, an alias into
 * the unsigned zone, ends INSECURE.
 */
final class DemoHierarchy {

  static final ZoneTree TREE = ZoneTree.builder()
      .defaults(zone -> zone.serial(2026112201).timers(1800, 900, 604800))
      .root("a.root-servers.demo.", "127.53.0.1")
      .zone("example.", "ns1.nic", "127.53.1.1")
      .zone("test.", "ns1.nic", "127.53.2.1")
      .defaults(leaf -> leaf.serial(2026112201).timers(1800, 900, 604800).ttl(3600).negativeTtl(300))
      // also a loop, a retired alias, and a legacy subtree renamed wholesale into the CDN's zone
      .zone("shop.example.", "ns1", "127.53.10.1", """
          www    300  CNAME shop.cdn.test.
          web    3600 A     192.0.2.80
          web    3600 A     192.0.2.81
          loop   300  CNAME loop.cdn.test.
          old    600  CNAME retired.cdn.test.
          legacy 900  DNAME cdn.test.
          partner 300 CNAME www.plain.test.
          """)
      .zone("cdn.test.", "ns1", "127.53.11.1", """
          shop   120  CNAME shop.edge.example.
          loop   300  CNAME loop.shop.example.
          """)
      .zone("edge.example.", "ns1", "127.53.12.1", """
          shop   60   CNAME pool-7.origin.test.
          """)
      .zone("origin.test.", "ns1", "127.53.13.1", """
          pool-7 200  CNAME web.shop.example.
          """)
      .zone("plain.test.", "ns1", "127.53.14.1", """
          www    300  A     192.0.2.90
          """)
      .build();

  private DemoHierarchy() {}

  static TestHierarchy start() {
    return TestHierarchy.builder().zones(TREE).signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))
        .unsigned("plain.test.").build();
  }

  /**
   * A resolver that starts at the demo's root, validates from its key and never sends a packet
   * off loopback.
   */
  static ResolverBuilder resolverFor(TestHierarchy hierarchy) {
    return Resolver.builder()
        .rootHints(RootHints.of(hierarchy.rootHints()))
        .upstreamPort(hierarchy.port())
        .loopbackOnly()
        .validation(Validation.trustAnchors(hierarchy.trustAnchor().toString()));
  }
}
