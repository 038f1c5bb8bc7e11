package org.dnschase.resolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;

/**
 * A small hierarchy for the fault tests: {@code two.test} has two servers (one of which the tests
 * break), {@code dead.test} has one glued address where no server listens and one good one,
 * {@code alldead.test} has only addresses where nothing listens, and {@code one.test} has a single
 * server, which also serves {@code glueless.test} as ns.sub.one.test., a name the TLD holds no
 * address for (a glueless delegation).
 */
final class FaultLab {

  static final String FIRST = "127.53.40.1";
  static final String SECOND = "127.53.40.2";
  static final String ONE_SERVER = "127.53.43.1";
  /**
   * A label of 35 letters (a name in one.test. under it has 42), for 0x20: each letter's case is
   * drawn alone, so the random case comes out all lower-case, as the name is asked, once in 2^42
   * queries (www.one.test.'s 10 letters: once in 1,024).
   */
  static final String LONG_LABEL = "thequickbrownfoxjumpsoverthelazydog";
  /** No testkit server listens here: a dead address. */
  static final String DEAD = "127.53.41.9";

  /** Short per-server waits and a short deadline, so a fault that hangs shows as a slow test. */
  static final Budgets SHORT = Budgets.DEFAULTS.withQueryTimeout(Duration.ofMillis(200))
      .withDeadline(Duration.ofSeconds(3));

  /** {@code dead.test}'s first server is listed by the parent only, so nothing is started at its address. */
  static final ZoneTree TREE = LabZones.rootAndTest()
      .zone("two.test.", two -> two.server("ns1", FIRST).server("ns2", SECOND)
          .records("www A 192.0.2.1\n" + names()))
      .zone("dead.test.", dead -> dead.delegatedOnly("ns1", DEAD).server("ns2", "127.53.41.2")
          .records("www A 192.0.2.2"))
      .zone("alldead.test.", allDead -> allDead.delegatedOnly("ns", "127.53.42.9"))
      // big.one.test does not fit a 1232-octet UDP reply: it comes over TCP
      .zone("one.test.", one -> one.server("ns", ONE_SERVER).records("www A 192.0.2.3\n" + bigRRset()
          + LONG_LABEL + " A 192.0.2.5"))
      .zone("glueless.test.", glueless -> glueless.server("ns.sub.one.test.", ONE_SERVER)
          .records("www A 192.0.2.4"))
      .build();

  private FaultLab() {}

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

  /** big.one.test: 100 A records, 10.0.0.1 to 10.0.0.100. */
  private static String bigRRset() {
    StringBuilder records = new StringBuilder();
    for (int i = 1; i <= 100; i++) {
      records.append("big A 10.0.0.").append(i).append('\n');
    }
    return records.toString();
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
