package org.dnschase.resolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.dnschase.resolver.testkit.TestHierarchy;

/**
 * A small hierarchy for the fault tests: {@code two.test} has two servers (one of which the tests
 * break), {@code dead.test} has one glued address where no server listens and one good one, and
 * {@code alldead.test} has only addresses where nothing listens.
 */
final class FaultLab {

  static final String FIRST = "127.53.40.1";
  static final String SECOND = "127.53.40.2";
  /** No testkit server listens here: a dead address. */
  static final String DEAD = "127.53.41.9";

  /** Short per-server waits and a short deadline, so a fault that hangs shows as a slow test. */
  static final Budgets SHORT = Budgets.DEFAULTS.withQueryTimeout(Duration.ofMillis(200))
      .withDeadline(Duration.ofSeconds(3));

  static final String ROOT = LabZones.ROOT_WITH_TEST;
  static final String TEST = LabZones.testTld("""
      two      NS  ns1.two.test.
      two      NS  ns2.two.test.
      ns1.two  A   %s
      ns2.two  A   %s
      dead     NS  ns1.dead.test.
      dead     NS  ns2.dead.test.
      ns1.dead A   %s
      ns2.dead A   127.53.41.2
      alldead  NS  ns.alldead.test.
      ns.alldead A 127.53.42.9
      """.formatted(FIRST, SECOND, DEAD));
  static final String TWO = """
      $ORIGIN two.test.
      $TTL 3600
      @    SOA ns1 hostmaster 1 3600 600 86400 300
      @    NS  ns1
      @    NS  ns2
      ns1  A   %s
      ns2  A   %s
      www  A   192.0.2.1
      """.formatted(FIRST, SECOND) + names();
  /** Its apex names only the live server, so the testkit starts nothing at the dead address. */
  static final String DEAD_ZONE = """
      $ORIGIN dead.test.
      $TTL 3600
      @    SOA ns2 hostmaster 1 3600 600 86400 300
      @    NS  ns2
      ns2  A   127.53.41.2
      www  A   192.0.2.2
      """;

  private FaultLab() {}

  static TestHierarchy start() {
    return TestHierarchy.builder().zone(ROOT).zone(TEST).zone(TWO).zone(DEAD_ZONE).build();
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** n1.two.test ... n9.two.test, each its own A record, so each question goes upstream. */
  private static String names() {
    StringBuilder records = new StringBuilder();
    for (int i = 1; i <= 9; i++) {
      records.append("n").append(i).append(" A 192.0.2.").append(100 + i).append('\n');
    }
    return records.toString();
  }
}
