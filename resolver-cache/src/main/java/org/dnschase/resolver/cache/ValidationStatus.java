package org.dnschase.resolver.cache;

/**
 * The DNSSEC status an RRset was stored with (RFC 4035 §4.3), kept beside it so that a resolver
 * that validated it once answers from the cache without checking its signatures again. Data found
 * BOGUS is not stored, so there is no such status here.
 */
public enum ValidationStatus {
  /** Its signatures were verified along a chain of trust from a trust anchor. */
  SECURE,
  /** It lies in a zone proven to be unsigned (no DS at a delegation above it). */
  INSECURE,
  /** Not validated, or whether it could be is unknown: everything a resolver stores without validating. */
  INDETERMINATE
}
