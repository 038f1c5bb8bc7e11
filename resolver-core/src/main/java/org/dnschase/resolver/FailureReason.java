package org.dnschase.resolver;

/** Why a resolution ended without an answer, a NODATA or an NXDOMAIN. */
public enum FailureReason {
  /** The chain needed more CNAME/DNAME hops than {@link Budgets#maxHops()} allows. */
  HOP_LIMIT,
  /** The chain came back to a (name, type) it had already visited; the failure names the cycle. */
  LOOP,
  /** The resolution sent {@link Budgets#maxQueries()} upstream queries without finishing. */
  QUERY_BUDGET_EXCEEDED,
  /** The resolution followed more than {@link Budgets#maxReferrals()} referrals for one name. */
  REFERRAL_LIMIT,
  /** Name-server look-ups nested deeper than {@link Budgets#maxDepth()}. */
  DEPTH_LIMIT,
  /**
   * A delegation needed more glueless name-server look-ups than
   * {@link Budgets#maxGluelessPerDelegation()}, or more of them failed than
   * {@link Budgets#maxFailedGlueless()} (NXNSAttack); the detail has the numbers.
   */
  GLUELESS_LIMIT,
  /**
   * Finding a name server's address needed that same look-up again, directly or through other
   * glueless delegations (tsuNAME, RFC 9520); the detail names the cycle.
   */
  CYCLIC_DEPENDENCY,
  /** The resolution ran past {@link Budgets#deadline()}. */
  TIMEOUT,
  /**
   * Every server of a zone failed, timed out, answered lame or was not allowed, or is marked down
   * for timing out again and again ({@link Defaults#QUERY_TIMEOUT}; the detail names it).
   */
  ALL_SERVERS_FAILED,
  /** A DNAME substitution produced a name longer than 255 octets (RFC 6672 §2.2). */
  YXDOMAIN,
  /**
   * The question was cache only ({@link Resolver.QueryOptions#cacheOnly()}) and the cache could not
   * answer it: nothing was sent upstream; the chain holds the hops the cache knew.
   */
  NOT_CACHED,
  /**
   * DNSSEC validation found the data BOGUS (RFC 4035 §5.5): a chain of trust should cover it and
   * does not validate; {@link Resolution.Failure#bogusReason()} says why. A question asked with
   * checking disabled ({@link Resolver.QueryOptions#checkingDisabled()}) gets the data instead,
   * marked {@link Security#BOGUS}.
   */
  DNSSEC_BOGUS,
  /**
   * More resolutions were under way than {@link ResolverBuilder#maxResolutionsInFlight} allows:
   * the question was not asked upstream (the cache could not answer it), or a newer question
   * pushed it out of its jostle slot once it had run longer than the jostle time.
   */
  OVERLOADED,
  /** The resolver was closed before the resolution finished. */
  CLOSED,
  /** An unexpected internal error; the detail says what. */
  INTERNAL_ERROR
}
