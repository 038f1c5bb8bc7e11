package org.dnschase.resolver;

/**
 * Why DNSSEC validation found data {@link Security#BOGUS} (RFC 4035 §5.5): what a {@link
 * Resolution.Failure} of reason {@link FailureReason#DNSSEC_BOGUS} carries as its {@link
 * Resolution.Failure#bogusReason()}.
 */
public enum BogusReason {
  /** An RRset of a signed zone came without an RRSIG (RFC 4035 §5.3). */
  NO_SIGNATURE,
  /** Its RRSIG expired before now (RFC 4035 §5.3.1). */
  SIGNATURE_EXPIRED,
  /** Its RRSIG is not valid yet (RFC 4035 §5.3.1). */
  SIGNATURE_NOT_YET_VALID,
  /** Its RRSIG does not verify with the key it names (RFC 4035 §5.3.3). */
  BAD_SIGNATURE,
  /** No DNSKEY of the zone has the key tag and algorithm its RRSIG names (RFC 4035 §5.3.1). */
  NO_MATCHING_KEY,
  /** No DNSKEY of the zone matches a DS record of its parent, or a trust anchor (RFC 4035 §5.2). */
  DS_MATCHES_NO_KEY,
  /** A negative answer or an unsigned delegation came without its NSEC or NSEC3 proof (RFC 4035 §5.4). */
  MISSING_PROOF,
  /** The zone's DNSKEY RRset could not be fetched, so nothing of it can be checked. */
  KEYS_UNAVAILABLE,
  /**
   * The DS RRset of a zone cut on the way could not be fetched, its parent's servers failing or
   * unreachable: whether the zone below is signed cannot be told (RFC 4035 §5.2).
   */
  DS_UNAVAILABLE,
  /**
   * Checking needed more signature verifications than {@link Budgets#maxSignatureVerifications()}
   * allows (KeyTrap, CVE-2023-50387).
   */
  VERIFICATION_LIMIT
}
