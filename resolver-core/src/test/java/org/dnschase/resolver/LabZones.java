package org.dnschase.resolver;

/**
 * Zone text shared by the small end-to-end labs that need only the {@code test.} TLD: a root that
 * delegates it to ns1.test. (127.53.2.1), and the TLD itself, to which each lab adds its own
 * delegations.
 */
final class LabZones {

  /** A root on 127.53.0.1 delegating test. to ns1.test. at 127.53.2.1. */
  static final String ROOT_WITH_TEST = """
      $ORIGIN .
      $TTL 86400
      @            SOA a.root.lab. hostmaster.root.lab. 1 3600 600 86400 3600
      @            NS  a.root.lab.
      a.root.lab.  A   127.53.0.1
      test.        NS  ns1.test.
      ns1.test.    A   127.53.2.1
      """;

  private static final String TEST_APEX = """
      $ORIGIN test.
      $TTL 86400
      @    SOA ns1.test. hostmaster.test. 1 3600 600 86400 3600
      @    NS  ns1.test.
      ns1  A   127.53.2.1
      """;

  private LabZones() {}

  /** The test. zone on 127.53.2.1 with {@code records} (names relative to test.) added. */
  static String testTld(String records) {
    return TEST_APEX + records;
  }
}
