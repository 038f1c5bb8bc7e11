package org.dnschase.resolver.cache;

/**
 * How far cached data can be trusted, after RFC 2181 §5.4.1, highest first.
 *
 * <p>The cache uses the rank for one rule: data of a lower rank never replaces live data of a
 * higher rank; data of an equal or higher rank replaces it. RFC 2181 lists more grades (zone file
 * data, ...); these six are the ones an iterative resolver tells apart.
 */
public enum TrustRank {
  /** The answer section of a response with AA set (RFC 2181 §5.4.1, "authoritative answer"). */
  AUTHORITATIVE_ANSWER,
  /** The answer section of a response without AA set (a cache or forwarder answered). */
  NON_AUTHORITATIVE_ANSWER,
  /** The authority section of an authoritative answer (e.g. the SOA of a negative answer). */
  AUTHORITY_DATA,
  /**
   * The additional section of an authoritative answer: the addresses of the name servers an NS
   * answer names. They outrank a referral's glue, and like it answer no question.
   */
  ADDITIONAL_DATA,
  /** NS records from the authority section of a referral, i.e. the parent's copy of the NS set. */
  REFERRAL_NS,
  /** Additional-section addresses of name servers sent with a referral; trusted least. */
  GLUE;

  /**
   * Whether data of this rank may answer a question (RFC 2181 §5.4.1): not the addresses of an
   * additional section, which a server gives only to show the way to name servers it may not speak
   * for, nor a referral's NS set, the parent's copy of the zone's, which may differ from the zone's
   * own (and is unsigned where the zone's is signed, RFC 4035 §2.2). They serve to reach those
   * servers, and a question about them is asked of their zone.
   *
   * @return false for {@link #ADDITIONAL_DATA}, {@link #REFERRAL_NS} and {@link #GLUE}
   */
  public boolean answers() {
    return this.isAtLeast(AUTHORITY_DATA);
  }

  /**
   * Whether this rank is the same as or higher than {@code other}, i.e. whether data of this rank
   * may replace live data of rank {@code other}.
   *
   * @param other the rank of the data cached
   * @return true when this rank is {@code other} or above it
   */
  public boolean isAtLeast(TrustRank other) {
    return ordinal() <= other.ordinal();
  }

  /**
   * Whether this rank is strictly higher than {@code other}.
   *
   * @param other the rank to compare with
   * @return true when this rank is above {@code other}
   */
  public boolean outranks(TrustRank other) {
    return ordinal() < other.ordinal();
  }
}
