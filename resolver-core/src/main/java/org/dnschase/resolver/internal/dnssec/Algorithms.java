package org.dnschase.resolver.internal.dnssec;

import org.xbill.DNS.DNSSEC.Algorithm;
import org.xbill.DNS.DNSSEC.Digest;

/**
 * The DNSSEC algorithms a validator checks. By default those of RFC 8624 §3.1 that a validator
 * MUST or is RECOMMENDED to implement and that the JDK's crypto verifies; DSA (3 and 6), which RFC
 * 8624 says a validator MUST NOT validate, only when legacy DSA was asked for, for zones signed
 * before it was retired and validators that still check it (Unbound built with DSA). Data signed
 * only with an algorithm not checked is treated as unsigned, never as bogus (RFC 4035 §5.2, RFC
 * 6840 §5.2).
 */
public final class Algorithms {

  /** What RFC 8624 §3.1 asks of a validator: no DSA. */
  public static final Algorithms RFC_8624 = new Algorithms(false);
  /** RFC 8624's, and DSA (3) and DSA-NSEC3-SHA1 (6). */
  public static final Algorithms WITH_DSA = new Algorithms(true);

  private final boolean dsa;

  private Algorithms(boolean dsa) {
    this.dsa = dsa;
  }

  /**
   * RSA/SHA-1 (5, 7), RSA/SHA-256 (8), RSA/SHA-512 (10), ECDSA P-256 (13) and P-384 (14), Ed25519
   * (15), Ed448 (16); DSA (3, 6) when legacy DSA is on.
   */
  boolean supported(int algorithm) {
    return algorithm == Algorithm.RSASHA1 || algorithm == Algorithm.RSA_NSEC3_SHA1
        || algorithm == Algorithm.RSASHA256 || algorithm == Algorithm.RSASHA512
        || algorithm == Algorithm.ECDSAP256SHA256 || algorithm == Algorithm.ECDSAP384SHA384
        || algorithm == Algorithm.ED25519 || algorithm == Algorithm.ED448
        || dsa && isDsa(algorithm);
  }

  static boolean isDsa(int algorithm) {
    return algorithm == Algorithm.DSA || algorithm == Algorithm.DSA_NSEC3_SHA1;
  }

  /** SHA-1 (1), SHA-256 (2) and SHA-384 (4); not GOST R 34.11-94 (3), which RFC 8624 leaves optional. */
  static boolean digestSupported(int digest) {
    return digest == Digest.SHA1 || digest == Digest.SHA256 || digest == Digest.SHA384;
  }

  @Override
  public String toString() {
    return dsa ? "RFC 8624 and DSA" : "RFC 8624";
  }
}
