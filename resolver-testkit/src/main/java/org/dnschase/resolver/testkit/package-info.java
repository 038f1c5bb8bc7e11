/**
 * An in-process DNS hierarchy on loopback for tests, demos and benchmarks: authoritative servers
 * started from master-file zones, which record every query and can be told to misbehave.
 *
 * <p>Who serves what comes from the zone data: each zone is served at the addresses of the hosts
 * in its apex NS RRset (glue or data in any of the given zones), which must be loopback addresses
 * (127.53.x.y by convention, or ::1). Each address is one {@link
 * org.dnschase.resolver.testkit.AuthServer}; all listen on one port, UDP and TCP.
 *
 * {@snippet :
 * try (TestHierarchy dns = TestHierarchy.builder()
 *     .zone("""
 *         $ORIGIN .
 *         $TTL 86400
 *         @                SOA a.root.test. admin.test. 1 1800 900 604800 86400
 *         @                NS  a.root.test.
 *         a.root.test.     A   127.53.0.1
 *         test.            NS  ns.nic.test.
 *         ns.nic.test.     A   127.53.0.2
 *         """)
 *     .zone("""
 *         $ORIGIN test.
 *         $TTL 3600
 *         @                SOA ns.nic admin 1 1800 900 604800 300
 *         @                NS  ns.nic
 *         ns.nic           A   127.53.0.2
 *         example          NS  ns1.example
 *         ns1.example      A   127.53.0.3
 *         """)
 *     .zone("""
 *         $ORIGIN example.test.
 *         $TTL 300
 *         @                SOA ns1 admin 1 1800 900 604800 60
 *         @                NS  ns1
 *         ns1              A   127.53.0.3
 *         www              A   127.0.0.80
 *         """)
 *     .build()) {
 *   Map<Name, List<InetAddress>> hints = dns.rootHints(); // {a.root.test.=[/127.53.0.1]}
 *   int port = dns.port();                               // the same on every server
 *   // ... resolve www.example.test. from the hints on that port, then:
 *   assertThat(dns.server(InetAddress.getByName("127.53.0.3")).queryCount()).isEqualTo(1);
 * }
 * }
 *
 * <p>{@link org.dnschase.resolver.testkit.ZoneTree} writes those master files from a short
 * description (which zones, who serves them, their own records), with the SOA, NS and glue
 * boilerplate filled in; {@code TestHierarchy.builder().zones(tree)} serves them.
 *
 * <p>Answers follow RFC 1034 §4.3.2 ({@link org.dnschase.resolver.testkit.Dispatcher} lets a test
 * script its own), and {@link org.dnschase.resolver.testkit.Fault} makes a server drop, delay,
 * truncate, garble or flood its replies, always or for a share of the queries. {@link org.dnschase.resolver.testkit.ZoneExport} writes the zones
 * out as master files, with which address serves which, for another authoritative server.
 */
package org.dnschase.resolver.testkit;
