package org.dnschase.resolver.internal.dnssec;

import org.xbill.DNS.DNSSEC.Algorithm;
import org.xbill.DNS.DNSSEC.Digest;

/**
 * The DNSSEC algorithms and DS digests this validator checks, after RFC 8624 §3.1 and §3.3: those
 * a validator MUST or is RECOMMENDED to implement, and that the JDK's crypto verifies. Data
 * signed only with others is treated as unsigned, never as bogus (RFC 4035 §5.2, RFC 6840 §5.2).
 */
final class Algorithms {

  private Algorithms() {}

  /** RSA/SHA-1 (5, 7), RSA/SHA-256 (8), RSA/SHA-512 (10), ECDSA P-256 (13) and P-384 (14), Ed25519 (15), Ed448 (16). */
  static boolean supported(int algorithm) {
    return algorithm == Algorithm.RSASHA1 || algorithm == Algorithm.RSA_NSEC3_SHA1
        || algorithm == Algorithm.RSASHA256 || algorithm == Algorithm.RSASHA512
        || algorithm == Algorithm.ECDSAP256SHA256 || algorithm == Algorithm.ECDSAP384SHA384
        || algorithm == Algorithm.ED25519 || algorithm == Algorithm.ED448;
  }

  /** SHA-1 (1), SHA-256 (2) and SHA-384 (4); not GOST R 34.11-94 (3), which RFC 8624 leaves optional. */
  static boolean digestSupported(int digest) {
    return digest == Digest.SHA1 || digest == Digest.SHA256 || digest == Digest.SHA384;
  }
}
