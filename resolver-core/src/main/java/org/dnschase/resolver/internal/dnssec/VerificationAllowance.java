package org.dnschase.resolver.internal.dnssec;

/** The share of a resolution's budget that signature verifications spend (KeyTrap). */
public interface VerificationAllowance {

  /** Counts one more signature verification if the budget allows it; false when it is spent. */
  boolean trySpendVerification();

  /** The most DNSKEYs tried for one RRSIG. */
  int maxKeysPerSignature();
}
