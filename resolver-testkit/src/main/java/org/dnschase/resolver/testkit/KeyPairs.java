package org.dnschase.resolver.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.xbill.DNS.DNSSEC;

/** Fresh key pairs from the JDK's providers for the DNSSEC algorithms the testkit signs with. */
final class KeyPairs {
  /** RFC 8624 §3.1: 2048-bit RSA, as root and TLD keys are today. */
  static final int RSA_BITS = 2048;
  /** RFC 2536 §2: DSA keys of at most 1,024 bits, with the 160-bit q that SHA-1 needs. */
  static final int DSA_BITS = 1024;

  private KeyPairs() {}

  /** @throws IllegalArgumentException unless the algorithm is 3, 8, 13 or 15 */
  static void check(int algorithm) {
    if (algorithm != DNSSEC.Algorithm.RSASHA256 && algorithm != DNSSEC.Algorithm.ECDSAP256SHA256
        && algorithm != DNSSEC.Algorithm.ED25519 && algorithm != DNSSEC.Algorithm.DSA) {
      throw new IllegalArgumentException("the testkit signs with algorithms 3 (DSA, retired: RFC 8624),"
          + " 8 (RSASHA256), 13 (ECDSAP256SHA256) and 15 (ED25519), not " + algorithm);
    }
  }

  static KeyPair generate(int algorithm) {
    try {
      KeyPairGenerator generator;
      switch (algorithm) {
        case DNSSEC.Algorithm.RSASHA256 -> {
          generator = KeyPairGenerator.getInstance("RSA");
          generator.initialize(RSA_BITS);
        }
        case DNSSEC.Algorithm.ECDSAP256SHA256 -> {
          generator = KeyPairGenerator.getInstance("EC");
          generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        case DNSSEC.Algorithm.ED25519 -> generator = KeyPairGenerator.getInstance("Ed25519");
        case DNSSEC.Algorithm.DSA -> {
          generator = KeyPairGenerator.getInstance("DSA");
          generator.initialize(DSA_BITS);
        }
        default -> throw new IllegalArgumentException("unsupported algorithm " + algorithm);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make a key for algorithm " + algorithm, e);
    }
  }
}
