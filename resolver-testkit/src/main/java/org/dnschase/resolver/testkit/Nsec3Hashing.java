package org.dnschase.resolver.testkit;

import java.security.NoSuchAlgorithmException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.utils.base32;

/**
 * Hashes owner names as a zone's NSEC3 chain does (RFC 5155 §5), with dnsjava's NSEC3 hashing, and
 * writes a hash as the base32hex label of its NSEC3 owner (§3.3).
 */
final class Nsec3Hashing {
  private static final base32 BASE32HEX = new base32(base32.Alphabet.BASE32HEX, false, true);

  private final NSEC3PARAMRecord parameters;

  Nsec3Hashing(Name origin, int iterations, byte[] salt) {
    this.parameters = new NSEC3PARAMRecord(origin, DClass.IN, 0, NSEC3Record.SHA1_DIGEST_ID, 0,
        iterations, salt);
  }

  /** The hashing of the chain {@code record} belongs to. */
  static Nsec3Hashing of(Name origin, NSEC3Record record) {
    return new Nsec3Hashing(origin, record.getIterations(), record.getSalt());
  }

  byte[] hash(Name name) {
    try {
      return parameters.hashName(name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1 for NSEC3 hashing", e);
    }
  }

  /** The first label of the NSEC3 owner for {@code name}: its hash in lower-case base32hex. */
  String label(Name name) {
    return encode(hash(name));
  }

  static String encode(byte[] hash) {
    return BASE32HEX.toString(hash);
  }
}
