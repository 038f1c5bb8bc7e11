package org.dnschase.resolver;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.xbill.DNS.Name;

/**
 * A three-zone lab for the cache's end-to-end tests (serve-stale, prefetch), with TTLs chosen so
 * that the leaf's data expires long before the delegations to it:
 *
 * <pre>
 *   .           NS a.root.test (127.53.40.1)          ttl 86400
 *   test.       NS ns.test     (127.53.40.2)          ttl 86400
 *   shop.test.  NS ns.shop.test (127.53.40.3)         ttl 86400 (referral), SOA MINIMUM 60
 *   www.shop.test.  A 192.0.2.80                      ttl 100
 *   alias.shop.test. CNAME www.shop.test.             ttl 100
 * </pre>
 */
final class CacheLab {

  static final Name WWW = Name.fromConstantString("www.shop.test.");
  static final Name MISSING = Name.fromConstantString("missing.shop.test.");
  /** An alias of {@link #WWW} in the same zone. */
  static final Name ALIAS = Name.fromConstantString("alias.shop.test.");
  /** The TTL of {@link #WWW}'s A record. */
  static final long WWW_TTL = 100;

  private static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.test.", "127.53.40.1")
      .zone("test.", "ns", "127.53.40.2")
      .zone("shop.test.", shop -> shop.server("ns", "127.53.40.3").negativeTtl(60).records("www 100 A 192.0.2.80\nalias 100 CNAME www"))
      .build();

  private CacheLab() {}

  static TestHierarchy start() {
    return TestHierarchy.builder().zones(TREE).build();
  }

  /** Budgets under which a dead server costs 500 ms, for tests that kill the upstream. */
  static final Budgets FAST_FAILING = Budgets.DEFAULTS.withQueryTimeout(Duration.ofMillis(500));

  /** A resolver on the lab's root, loopback only, on {@code ticker}. */
  static ResolverBuilder resolverFor(TestHierarchy lab, TimeSource ticker) {
    return Resolver.builder()
        .rootHints(RootHints.of(lab.rootHints()))
        .upstreamPort(lab.port())
        .loopbackOnly()
        .timeSource(ticker);
  }

  /** Whether {@code resolution} was answered from expired data (RFC 8767). */
  static boolean isStale(Resolution resolution) {
    return resolution.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Oddity.STALE_ANSWER);
  }

  /** Every server drops every query, as when the resolver's uplink is gone. */
  static void killUpstream(TestHierarchy lab) {
    lab.servers().forEach(server -> server.setFault(new Fault.Drop()));
  }

  static void reviveUpstream(TestHierarchy lab) {
    lab.servers().forEach(AuthServer::clearFault);
  }

  /**
   * Waits for something a background task does over loopback; fails after 30 seconds, far beyond
   * the milliseconds a loopback exchange takes even on a loaded machine. It polls every few
   * milliseconds rather than spinning: a condition that asks the resolver would otherwise keep a
   * core busy that the background task needs (two cores, shared with other builds).
   */
  static void awaitUntil(String what, BooleanSupplier condition) {
    long giveUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - giveUpAt > 0) {
        throw new AssertionError("gave up waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
  }
}
