package org.dnschase.resolver;

import java.time.Duration;
import java.util.Objects;
import org.dnschase.resolver.internal.Timings;

/**
 * The hard limits on the work one resolution may do. Every limit ends in a typed
 * {@link Resolution.Failure}, never a hang. Start from {@link #DEFAULTS} and change one limit at a
 * time, each by its own name, so no two limits can be given in each other's place:
 *
 * {@snippet class=org.dnschase.resolver.Snippets region=budgets}
 *
 * <p>The defaults and where each comes from are in {@link Defaults}. Immutable; two budgets with
 * the same limits are equal.
 */
public final class Budgets {

  /** Every limit at its default ({@link Defaults}). */
  public static final Budgets DEFAULTS = new Budgets(Defaults.MAX_HOPS, Defaults.MAX_QUERIES,
      Defaults.MAX_REFERRALS, Defaults.MAX_DEPTH, Defaults.DEADLINE, Defaults.QUERY_TIMEOUT,
      Defaults.MAX_GLUELESS_PER_DELEGATION, Defaults.MAX_FAILED_GLUELESS, Defaults.MAX_SIGNATURE_VERIFICATIONS,
      Defaults.MAX_KEYS_PER_SIGNATURE, Defaults.MAX_NAME_SERVERS, Defaults.MAX_ATTEMPTS_PER_SERVER);

  private final int maxHops;
  private final int maxQueries;
  private final int maxReferrals;
  private final int maxDepth;
  private final Duration deadline;
  private final Duration queryTimeout;
  private final int maxGluelessPerDelegation;
  private final int maxFailedGlueless;
  private final int maxSignatureVerifications;
  private final int maxKeysPerSignature;
  private final int maxNameServers;
  private final int maxAttemptsPerServer;

  private Budgets(int maxHops, int maxQueries, int maxReferrals, int maxDepth, Duration deadline,
      Duration queryTimeout, int maxGluelessPerDelegation, int maxFailedGlueless, int maxSignatureVerifications,
      int maxKeysPerSignature, int maxNameServers, int maxAttemptsPerServer) {
    this.maxHops = requirePositive("maxHops", maxHops);
    this.maxQueries = requirePositive("maxQueries", maxQueries);
    this.maxReferrals = requirePositive("maxReferrals", maxReferrals);
    this.maxDepth = requirePositive("maxDepth", maxDepth);
    this.deadline = Timings.requirePositive("deadline", deadline);
    this.queryTimeout = Timings.requirePositive("queryTimeout", queryTimeout);
    this.maxGluelessPerDelegation = requirePositive("maxGluelessPerDelegation", maxGluelessPerDelegation);
    this.maxFailedGlueless = requirePositive("maxFailedGlueless", maxFailedGlueless);
    this.maxSignatureVerifications = requirePositive("maxSignatureVerifications", maxSignatureVerifications);
    this.maxKeysPerSignature = requirePositive("maxKeysPerSignature", maxKeysPerSignature);
    this.maxNameServers = requirePositive("maxNameServers", maxNameServers);
    this.maxAttemptsPerServer = requirePositive("maxAttemptsPerServer", maxAttemptsPerServer);
  }

  /** {@return CNAME/DNAME redirections per chain; a chain of this many hops is answered, one more fails} */
  public int maxHops() {
    return maxHops;
  }

  /** {@return upstream queries per resolution, name-server look-ups included} */
  public int maxQueries() {
    return maxQueries;
  }

  /** {@return referrals followed for one name of the chain} */
  public int maxReferrals() {
    return maxReferrals;
  }

  /** {@return how deep name-server address look-ups may nest (a glueless NS inside a glueless NS ...)} */
  public int maxDepth() {
    return maxDepth;
  }

  /** {@return the time one whole resolution may take} */
  public Duration deadline() {
    return deadline;
  }

  /**
   * {@return the longest wait for one server's reply before the next server is tried, or the same
   * asked again} Each server is waited for about as long as its replies take, as in Unbound (RFC
   * 6298's retransmission timeout: the smoothed round-trip time plus four times its deviation, at
   * least 300 ms), a server never asked for 1 s, and each timeout doubles the server's wait, up to
   * this. A query whose wait ran out goes on listening while the next is out, until a reply to
   * either, the question's end or the deadline: a server that answers after 2 s is answered by its
   * first query, and waited for as long next time, while a server that answered fast and went
   * silent costs 300 ms. A question truncated over UDP may take twice the
   * wait more over TCP (a connection's set-up and the query). A server that timed out 3 times in a
   * row, waited for this long at the last, is marked down for a while ({@link Defaults#QUERY_TIMEOUT}).
   */
  public Duration queryTimeout() {
    return queryTimeout;
  }

  /** {@return name-server address look-ups started for one delegation (NXNSAttack)} */
  public int maxGluelessPerDelegation() {
    return maxGluelessPerDelegation;
  }

  /** {@return name-server address look-ups that may fail in one resolution} */
  public int maxFailedGlueless() {
    return maxFailedGlueless;
  }

  /** {@return DNSSEC signature verifications one resolution may make, its key look-ups included (KeyTrap)} */
  public int maxSignatureVerifications() {
    return maxSignatureVerifications;
  }

  /** {@return DNSKEYs tried for one RRSIG among those with its key tag and algorithm (KeyTrap)} */
  public int maxKeysPerSignature() {
    return maxKeysPerSignature;
  }

  /** {@return records of an NS RRset kept from a reply, the first ones received} */
  public int maxNameServers() {
    return maxNameServers;
  }

  /**
   * {@return how often one server address is asked one question while its exchanges fail (no
   * reply, a broken connection), the first time included; a server that answers is not asked again}
   */
  public int maxAttemptsPerServer() {
    return maxAttemptsPerServer;
  }

  /**
   * A copy with another hop limit.
   *
   * @param hops the most CNAME/DNAME hops one resolution follows, positive
   * @return the copy
   * @throws IllegalArgumentException if {@code hops} is not positive
   */
  public Budgets withMaxHops(int hops) {
    return new Budgets(hops, maxQueries, maxReferrals, maxDepth, deadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless, maxSignatureVerifications, maxKeysPerSignature, maxNameServers, maxAttemptsPerServer);
  }

  /**
   * A copy with another query budget.
   *
   * @param queries the most queries one resolution sends upstream, positive
   * @return the copy
   * @throws IllegalArgumentException if {@code queries} is not positive
   */
  public Budgets withMaxQueries(int queries) {
    return new Budgets(maxHops, queries, maxReferrals, maxDepth, deadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless, maxSignatureVerifications, maxKeysPerSignature, maxNameServers, maxAttemptsPerServer);
  }

  /**
   * A copy with another referral limit.
   *
   * @param referrals the most referrals followed for one name of the chain, positive
   * @return the copy
   * @throws IllegalArgumentException if {@code referrals} is not positive
   */
  public Budgets withMaxReferrals(int referrals) {
    return new Budgets(maxHops, maxQueries, referrals, maxDepth, deadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless, maxSignatureVerifications, maxKeysPerSignature, maxNameServers, maxAttemptsPerServer);
  }

  /**
   * A copy with another nesting limit for name-server look-ups.
   *
   * @param depth how deep name-server look-ups may nest, positive
   * @return the copy
   * @throws IllegalArgumentException if {@code depth} is not positive
   */
  public Budgets withMaxDepth(int depth) {
    return new Budgets(maxHops, maxQueries, maxReferrals, depth, deadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless, maxSignatureVerifications, maxKeysPerSignature, maxNameServers, maxAttemptsPerServer);
  }

  /**
   * A copy with another deadline.
   *
   * @param newDeadline how long one resolution may take, positive, at most 2^31-1 seconds
   * @return the copy
   * @throws IllegalArgumentException if {@code newDeadline} is not positive or is longer
   */
  public Budgets withDeadline(Duration newDeadline) {
    return new Budgets(maxHops, maxQueries, maxReferrals, maxDepth, newDeadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless, maxSignatureVerifications, maxKeysPerSignature, maxNameServers, maxAttemptsPerServer);
  }

  /**
   * A copy with another per-server timeout.
   *
   * @param timeout how long to wait for one server's reply, positive, at most 2^31-1 seconds
   * @return the copy
   * @throws IllegalArgumentException if {@code timeout} is not positive or is longer
   */
  public Budgets withQueryTimeout(Duration timeout) {
    return new Budgets(maxHops, maxQueries, maxReferrals, maxDepth, deadline, timeout,
        maxGluelessPerDelegation, maxFailedGlueless, maxSignatureVerifications, maxKeysPerSignature, maxNameServers, maxAttemptsPerServer);
  }

  /**
   * A copy with another limit on the glueless look-ups of one delegation.
   *
   * @param lookUps the most name-server address look-ups started for one delegation, positive
   * @return the copy
   * @throws IllegalArgumentException if {@code lookUps} is not positive
   */
  public Budgets withMaxGluelessPerDelegation(int lookUps) {
    return new Budgets(maxHops, maxQueries, maxReferrals, maxDepth, deadline, queryTimeout, lookUps,
        maxFailedGlueless, maxSignatureVerifications, maxKeysPerSignature, maxNameServers, maxAttemptsPerServer);
  }

  /**
   * A copy with another limit on the failed glueless look-ups of one resolution.
   *
   * @param failed the most name-server address look-ups that may fail in one resolution, positive
   * @return the copy
   * @throws IllegalArgumentException if {@code failed} is not positive
   */
  public Budgets withMaxFailedGlueless(int failed) {
    return new Budgets(maxHops, maxQueries, maxReferrals, maxDepth, deadline, queryTimeout,
        maxGluelessPerDelegation, failed, maxSignatureVerifications, maxKeysPerSignature, maxNameServers, maxAttemptsPerServer);
  }

  /**
   * A copy with another limit on signature verifications.
   *
   * @param verifications the most RRSIG verifications one resolution makes, positive
   * @return the copy
   * @throws IllegalArgumentException if {@code verifications} is not positive
   */
  public Budgets withMaxSignatureVerifications(int verifications) {
    return new Budgets(maxHops, maxQueries, maxReferrals, maxDepth, deadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless, verifications, maxKeysPerSignature, maxNameServers, maxAttemptsPerServer);
  }

  /**
   * A copy with another limit on the keys tried per signature.
   *
   * @param keys the most DNSKEYs tried for one RRSIG, positive
   * @return the copy
   * @throws IllegalArgumentException if {@code keys} is not positive
   */
  public Budgets withMaxKeysPerSignature(int keys) {
    return new Budgets(maxHops, maxQueries, maxReferrals, maxDepth, deadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless, maxSignatureVerifications, keys, maxNameServers, maxAttemptsPerServer);
  }

  /**
   * A copy with another limit on the records of an NS RRset kept from a reply.
   *
   * @param nameServers the most NS records of one RRset kept, the first received, positive
   * @return the copy
   * @throws IllegalArgumentException if {@code nameServers} is not positive
   */
  public Budgets withMaxNameServers(int nameServers) {
    return new Budgets(maxHops, maxQueries, maxReferrals, maxDepth, deadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless, maxSignatureVerifications, maxKeysPerSignature, nameServers, maxAttemptsPerServer);
  }

  /**
   * A copy with another limit on the attempts per server (Unbound's {@code outbound-msg-retry}).
   *
   * @param attempts the most times one address is asked one question while its exchanges fail, positive
   * @return the copy
   * @throws IllegalArgumentException if {@code attempts} is not positive
   */
  public Budgets withMaxAttemptsPerServer(int attempts) {
    return new Budgets(maxHops, maxQueries, maxReferrals, maxDepth, deadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless, maxSignatureVerifications, maxKeysPerSignature, maxNameServers,
        attempts);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Budgets that && maxHops == that.maxHops && maxQueries == that.maxQueries
        && maxReferrals == that.maxReferrals && maxDepth == that.maxDepth && deadline.equals(that.deadline)
        && queryTimeout.equals(that.queryTimeout) && maxGluelessPerDelegation == that.maxGluelessPerDelegation
        && maxFailedGlueless == that.maxFailedGlueless && maxSignatureVerifications == that.maxSignatureVerifications
        && maxKeysPerSignature == that.maxKeysPerSignature && maxNameServers == that.maxNameServers
        && maxAttemptsPerServer == that.maxAttemptsPerServer;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxHops, maxQueries, maxReferrals, maxDepth, deadline, queryTimeout,
        maxGluelessPerDelegation, maxFailedGlueless, maxSignatureVerifications, maxKeysPerSignature, maxNameServers,
        maxAttemptsPerServer);
  }

  @Override
  public String toString() {
    return "Budgets[maxHops=" + maxHops + ", maxQueries=" + maxQueries + ", maxReferrals=" + maxReferrals
        + ", maxDepth=" + maxDepth + ", deadline=" + deadline + ", queryTimeout=" + queryTimeout
        + ", maxGluelessPerDelegation=" + maxGluelessPerDelegation + ", maxFailedGlueless="
        + maxFailedGlueless + ", maxSignatureVerifications=" + maxSignatureVerifications
        + ", maxKeysPerSignature=" + maxKeysPerSignature + ", maxNameServers=" + maxNameServers
        + ", maxAttemptsPerServer=" + maxAttemptsPerServer + "]";
  }

  private static int requirePositive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
    return value;
  }
}
