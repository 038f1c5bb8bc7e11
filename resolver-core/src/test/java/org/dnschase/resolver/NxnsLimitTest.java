package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * NXNSAttack (Afek, Bremler-Barr, Shafir, 2020): a referral that names many glueless servers which
 * do not exist must cost a bounded number of upstream queries, not one look-up per name.
 */
class NxnsLimitTest {

  /** How many NS names the attacking referral carries: far more than the limits allow. */
  static final int NAME_SERVERS = 20;

  /**
   * victim.test is delegated to nx1.test ... nx20.test, none of which exists; nested.test to
   * ns.helper.test, whose zone is delegated to the same names.
   */
  static final ZoneTree TREE = LabZones.rootAndTest(IntStream.rangeClosed(1, NAME_SERVERS)
      .mapToObj(i -> "victim NS nx" + i + ".test.\nhelper NS nx" + i + ".test.\n").collect(Collectors.joining())
      + "nested NS ns1.helper.test.\nnested NS ns2.helper.test.\n").build();
  /**
   * The zone itself names a real server, so the testkit can serve it; the referral never does,
   * which the tree does not write.
   */
  static final String VICTIM = """
      $ORIGIN victim.test.
      $TTL 3600
      @    SOA ns hostmaster 1 3600 600 86400 300
      @    NS  ns
      ns   A   127.53.30.1
      www  A   192.0.2.1
      """;

  /** Queries before the first look-up: root priming, the root, test. (the referral). */
  static final int WALK = 3;

  @Lab("startLab") static TestHierarchy lab;

  /** The hierarchy the tests run against, started. */
  static TestHierarchy startLab() {
    return TestHierarchy.builder().zones(TREE).zone(VICTIM).build();
  }

  @Test
  @DisplayName("NXNSAttack: 20 NS names that do not resolve cost the referral walk plus at most 5 look-ups")
  void manyNamesThatDoNotResolve_costAtMostTheDocumentedQueries() {
    Resolution result;
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      lab.clearQueries();
      result = resolver.resolve("www.victim.test.", Type.A);
    }

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    Resolution.Failure failure = (Resolution.Failure) result;
    assertThat(failure.reason()).isEqualTo(FailureReason.GLUELESS_LIMIT);
    assertThat(failure.detail()).contains("5");
    // The walk: the priming query, one query to the root, one to test. for the referral; then each
    // look-up of a name nxN.test is one query to test. (NXDOMAIN), DEFAULT_MAX_FAILED_GLUELESS of them:
    // 8 queries where, without the limit, the 20 names would cost 23.
    long lookUps = lab.queries().stream().filter(q -> q.qname().toString().startsWith("nx")).count();
    assertThat(lookUps).isLessThanOrEqualTo(Defaults.MAX_FAILED_GLUELESS);
    assertThat(lab.queryCount()).isLessThanOrEqualTo(WALK + Defaults.MAX_FAILED_GLUELESS);
  }

  @Test
  @DisplayName("NXNSAttack again from a warm cache: the cached NXDOMAINs are free, the next names still cost at most 5 look-ups")
  void secondResolution_cachedNamesAreFree_newOnesStillLimited() {
    Resolution second;
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      resolver.resolve("www.victim.test.", Type.A);
      lab.clearQueries();
      second = resolver.resolve("www.victim.test.", Type.A);
    }

    assertThat(second).isInstanceOfSatisfying(Resolution.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.GLUELESS_LIMIT));
    long lookUps = lab.queries().stream().filter(q -> q.qname().toString().startsWith("nx")).count();
    assertThat(lookUps).isLessThanOrEqualTo(Defaults.MAX_FAILED_GLUELESS);
    // the look-ups, and the parent asked once more for the cached delegation (parent-side fallback)
    assertThat(lab.queryCount()).isLessThanOrEqualTo(Defaults.MAX_FAILED_GLUELESS + 1);
  }

  @Test
  @DisplayName("NXNSAttack nested: a look-up that stopped because the look-ups inside it reached the limit is not "
      + "counted again, so the failure reports the look-ups that failed upstream, the limit's 5")
  void nestedLookUps_reportWhatFailed() {
    Resolution result;
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      lab.clearQueries();
      result = resolver.resolve("www.nested.test.", Type.A);
    }

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    Resolution.Failure failure = (Resolution.Failure) result;
    assertThat(failure.reason()).isEqualTo(FailureReason.GLUELESS_LIMIT);
    long lookUps = lab.queries().stream().filter(q -> q.qname().toString().startsWith("nx")).count();
    assertThat(lookUps).isEqualTo(Defaults.MAX_FAILED_GLUELESS);
    assertThat(failure.detail()).startsWith(lookUps + " name-server look-ups failed in this resolution")
        .contains("none starts once " + Defaults.MAX_FAILED_GLUELESS + " have");
  }

  @Test
  @DisplayName("the per-delegation limit is a budget of its own, and its failure has the numbers")
  void perDelegationLimit_endsTyped() {
    Resolution result;
    try (Resolver resolver = ChainLab.resolverFor(lab)
        .budgets(Budgets.DEFAULTS.withMaxGluelessPerDelegation(2)).build()) {
      lab.clearQueries();
      result = resolver.resolve("www.victim.test.", Type.A);
    }

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    Resolution.Failure failure = (Resolution.Failure) result;
    assertThat(failure.reason()).isEqualTo(FailureReason.GLUELESS_LIMIT);
    // A delegation considers its first 13 name servers (PowerDNS's max-ns-per-resolve), not all 20.
    assertThat(failure.detail()).contains("looked up 2 of the " + Math.min(13, NAME_SERVERS)
        + " name servers of victim.test.");
    assertThat(lab.queryCount()).isLessThanOrEqualTo(WALK + 2);
  }
}
