package org.dnschase.resolver;

import java.time.Duration;
import java.util.Objects;

/**
 * The hard limits on the work one resolution may do. Every limit ends in a typed
 * {@link Resolution.Failure}, never a hang. Each default says where it comes from.
 *
 * @param maxHops CNAME/DNAME redirections per chain
 * @param maxQueries upstream queries per resolution, name-server look-ups included
 * @param maxReferrals referrals followed for one name of the chain
 * @param maxDepth nesting of name-server address look-ups (a glueless NS inside a glueless NS ...)
 * @param deadline wall time for one whole resolution
 * @param queryTimeout how long to wait for one server's reply before trying the next
 * @param maxGluelessPerDelegation name-server address look-ups started for one delegation
 * @param maxFailedGlueless name-server address look-ups that may fail in one resolution
 */
public record Budgets(int maxHops, int maxQueries, int maxReferrals, int maxDepth, Duration deadline,
    Duration queryTimeout, int maxGluelessPerDelegation, int maxFailedGlueless) {

  /**
   * 12 hops: a 12-hop chain is answered, a 13th hop fails. Knot Resolver stops after 12 CNAMEs,
   * PowerDNS after 10, Unbound and BIND after 11 restarts (counted per restart, not per hop),
   * dnsjava after 16; real CDN chains reach 9.
   */
  public static final int DEFAULT_MAX_HOPS = 12;

  /**
   * 100 queries: Unbound caps queries sent per target list at 32 (MAX_SENT_COUNT) and targets per
   * query with its sub-queries at 64 (MAX_TARGET_COUNT); a cold 12-hop chain across a dozen zones
   * costs about 3 queries a hop, which leaves room for retries.
   */
  public static final int DEFAULT_MAX_QUERIES = 100;

  /**
   * 30 referrals per name of the chain: Unbound allows 130 (MAX_REFERRAL_COUNT) over a whole
   * resolution; counted per name, no real name sits below more than about 10 zone cuts.
   */
  public static final int DEFAULT_MAX_REFERRALS = 30;

  /** 4 nested name-server look-ups: Unbound's default target-fetch-policy "3 2 1 0 0" nests 4 deep. */
  public static final int DEFAULT_MAX_DEPTH = 4;

  /** 10 seconds: about what a stub resolver waits (glibc: 5 s times 2 attempts). */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

  /**
   * 1.5 seconds per server before the next is tried: Unbound starts unknown servers at 376 ms and
   * backs off up to 120 s; one fixed value stays well inside the deadline.
   */
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMillis(1500);

  /**
   * 5 glueless look-ups per delegation (NXNSAttack): the NXNSAttack paper (Afek, Bremler-Barr,
   * Shafir, USENIX Security 2020) proposes MaxFetch(k), resolving only k of a referral's NS names
   * rather than all of them; a referral naming hundreds of glueless servers then costs k look-ups.
   * 5 is our choice of k, the same number as the failed-look-up cap below; PowerDNS Recursor
   * considers at most 13 NS names per delegation (max-ns-per-resolve), a looser bound.
   */
  public static final int DEFAULT_MAX_GLUELESS_PER_DELEGATION = 5;

  /**
   * 5 failed look-ups per resolution: Unbound's answer to NXNSAttack (1.10.1, CVE-2020-12662)
   * stops a resolution once more than 5 name-server target look-ups came back NXDOMAIN
   * (MAX_TARGET_NX, iterator.h). We count every look-up that found no address, not only NXDOMAIN.
   */
  public static final int DEFAULT_MAX_FAILED_GLUELESS = 5;

  /** The defaults above. */
  public static final Budgets DEFAULTS = new Budgets(DEFAULT_MAX_HOPS, DEFAULT_MAX_QUERIES,
      DEFAULT_MAX_REFERRALS, DEFAULT_MAX_DEPTH, DEFAULT_DEADLINE, DEFAULT_QUERY_TIMEOUT);

  /** Checks every limit: each must be positive. */
  public Budgets {
    requirePositive("maxHops", maxHops);
    requirePositive("maxQueries", maxQueries);
    requirePositive("maxReferrals", maxReferrals);
    requirePositive("maxDepth", maxDepth);
    requirePositive("deadline", deadline);
    requirePositive("queryTimeout", queryTimeout);
    requirePositive("maxGluelessPerDelegation", maxGluelessPerDelegation);
    requirePositive("maxFailedGlueless", maxFailedGlueless);
  }

  /**
   * The first six limits, with the default glueless limits.
   *
   * @param maxHops the most CNAME/DNAME hops one resolution follows
   * @param maxQueries the most queries one resolution sends upstream
   * @param maxReferrals the most referrals one resolution follows
   * @param maxDepth how deep name-server look-ups may nest
   * @param deadline how long one resolution may take
   * @param queryTimeout how long to wait for one server's reply
   */
  public Budgets(int maxHops, int maxQueries, int maxReferrals, int maxDepth, Duration deadline,
      Duration queryTimeout) {
    this(maxHops, maxQueries, maxReferrals, maxDepth, deadline, queryTimeout,
        DEFAULT_MAX_GLUELESS_PER_DELEGATION, DEFAULT_MAX_FAILED_GLUELESS);
  }

  /**
   * A copy with another hop limit.
   *
   * @param hops the new hop limit
   * @return the copy
   */
  public Budgets withMaxHops(int hops) {
    return new Budgets(hops, maxQueries, maxReferrals, maxDepth, deadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless);
  }

  /**
   * A copy with another query budget.
   *
   * @param queries the new query budget
   * @return the copy
   */
  public Budgets withMaxQueries(int queries) {
    return new Budgets(maxHops, queries, maxReferrals, maxDepth, deadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless);
  }

  /**
   * A copy with another deadline.
   *
   * @param newDeadline the new deadline
   * @return the copy
   */
  public Budgets withDeadline(Duration newDeadline) {
    return new Budgets(maxHops, maxQueries, maxReferrals, maxDepth, newDeadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless);
  }

  /**
   * A copy with another per-server timeout.
   *
   * @param timeout the new per-server timeout
   * @return the copy
   */
  public Budgets withQueryTimeout(Duration timeout) {
    return new Budgets(maxHops, maxQueries, maxReferrals, maxDepth, deadline, timeout,
        maxGluelessPerDelegation, maxFailedGlueless);
  }

  /**
   * A copy with other glueless look-up limits (per delegation, and failed per resolution).
   *
   * @param perDelegation the most glueless look-ups per delegation
   * @param failed the most failed glueless look-ups per resolution
   * @return the copy
   */
  public Budgets withGlueless(int perDelegation, int failed) {
    return new Budgets(maxHops, maxQueries, maxReferrals, maxDepth, deadline, queryTimeout,
        perDelegation, failed);
  }

  private static void requirePositive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
  }

  private static void requirePositive(String what, Duration value) {
    Objects.requireNonNull(value, what);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
  }
}
