package org.dnschase.resolver.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The zones most tests share: a root, the TLD test., and example.test. below it. */
final class StandardHierarchy {
  static final String ROOT = """
      $ORIGIN .
      $TTL 86400
      @                 SOA a.root.test. hostmaster.root.test. 1 1800 900 604800 86400
      @                 NS  a.root.test.
      a.root.test.      A   127.53.0.1
      test.             NS  ns.nic.test.
      ns.nic.test.      A   127.53.0.2
      """;

  static final String TEST = """
      $ORIGIN test.
      $TTL 3600
      @                 SOA ns.nic hostmaster.nic 1 1800 900 604800 900
      @                 NS  ns.nic
      ns.nic            A   127.53.0.2
      example           NS  ns1.example
      ns1.example       A   127.53.0.3
      shared            NS  ns.nic
      """;

  /** Served by the TLD's own server, so that server holds a parent and a child zone. */
  static final String SHARED = """
      $ORIGIN shared.test.
      $TTL 600
      @                 SOA ns.nic.test. hostmaster.nic.test. 1 1800 900 604800 120
      @                 NS  ns.nic.test.
      www               A   127.0.0.70
      """;

  static final String EXAMPLE = """
      $ORIGIN example.test.
      $TTL 300
      @                 SOA ns1 hostmaster 2024010101 1800 900 604800 60
      @                 NS  ns1
      ns1               A   127.53.0.3
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
      """;

  static final InetAddress ROOT_SERVER = address("127.53.0.1");
  static final InetAddress TLD_SERVER = address("127.53.0.2");
  static final InetAddress EXAMPLE_SERVER = address("127.53.0.3");

  private StandardHierarchy() {}

  static TestHierarchy start() {
    return TestHierarchy.builder().zone(ROOT).zone(TEST).zone(SHARED).zone(EXAMPLE).build();
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
