package org.dnschase.resolver;

/**
 * The DNSSEC status of an outcome ({@link Resolution#security()}), RFC 4035 §4.3, from strongest to weakest but for the order of
 * declaration: SECURE, then INSECURE, then INDETERMINATE, then BOGUS. A chain is as strong as its
 * weakest hop.
 */
public enum Security {
  /** Validated by a chain of trust from a trust anchor. */
  SECURE,
  /** Proven to have no chain of trust: an unsigned zone below a secure delegation's end. */
  INSECURE,
  /** A chain of trust should exist but does not validate: signatures missing, expired or wrong. */
  BOGUS,
  /** Not validated: no trust anchor covers it, validation is off, or its proof is not checked. */
  INDETERMINATE
}
