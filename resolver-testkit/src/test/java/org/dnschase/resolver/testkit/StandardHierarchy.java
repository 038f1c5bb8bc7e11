package org.dnschase.resolver.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The zones most tests share: a root, the TLD test., and example.test. below it. */
final class StandardHierarchy {
  private static final ZoneTree TREE = ZoneTree.builder()
      .defaults(zone -> zone.timers(1800, 900, 604800))
      .zone(".", root -> root.server("a.root.test.", "127.53.0.1").negativeTtl(86400))
      .zone("test.", tld -> tld.server("ns.nic", "127.53.0.2").ttl(3600).negativeTtl(900))
      /* served by the TLD's own server, so that server holds a parent and a child zone */
      .zone("shared.test.", shared -> shared.server("ns.nic.test.").hostmaster("hostmaster.nic.test.")
          .ttl(600).negativeTtl(120)
          .records("www A 127.0.0.70"))
      .zone("example.test.", example -> example.server("ns1", "127.53.0.3").ttl(300).negativeTtl(60)
          .serial(2024010101).records("""
              www               A   127.0.0.80
              www               A   127.0.0.81
              alias             CNAME www
              chain1            CNAME chain2
              chain2            CNAME www
              outside           CNAME www.elsewhere.test.
              dangling          CNAME nothing
              loop1             CNAME loop2
              loop2             CNAME loop1
              old               DNAME new.example.test.
              www.new           A   127.0.0.82
              ext               DNAME elsewhere.test.
              *.wild            A   127.0.0.90
              exists.wild       TXT "here"
              *.wcname          CNAME www
              a.ent             A   127.0.0.91
              """))
      .build();

  static final String ROOT = TREE.masterFile(".");
  static final String TEST = TREE.masterFile("test.");
  static final String SHARED = TREE.masterFile("shared.test.");
  static final String EXAMPLE = TREE.masterFile("example.test.");

  static final InetAddress ROOT_SERVER = address("127.53.0.1");
  static final InetAddress TLD_SERVER = address("127.53.0.2");
  static final InetAddress EXAMPLE_SERVER = address("127.53.0.3");

  private StandardHierarchy() {}

  static TestHierarchy start() {
    return TestHierarchy.builder().zones(TREE).build();
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
