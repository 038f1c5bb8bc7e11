/**
 * An in-process DNS hierarchy on loopback for tests, demos and benchmarks: authoritative servers
 * started from master-file zones, which record every query and can be told to misbehave.
 *
 * <p>Who serves what comes from the zone data: each zone is served at the addresses of the hosts
 * in its apex NS RRset (glue or data in any of the given zones), which must be loopback addresses
 * (127.53.x.y by convention, or ::1). Each address is one {@link
 * org.dnschase.resolver.testkit.AuthServer}; all listen on one port, UDP and TCP.
 *
 * {@snippet class=org.dnschase.resolver.testkit.Snippets region=hierarchy}
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
