package org.dnschase.resolver.internal.message;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The secure source of what an off-path attacker must not guess in a query (RFC 5452: its ID,
 * §4.3; with 0x20, its question's case): the JDK's DRBG (NIST SP 800-90A), seeded once from the
 * system's entropy, which draws without a system call. The JDK's default source on Linux
 * (NativePRNG, dnsjava's for every {@code new Header()}) mixes each draw with octets of
 * /dev/urandom read ahead, and reads them again once they are 100 ms old: the first query of a
 * question after a pause paid a read of the device before its send. The DRBG's octets are handed
 * out a block at a time ({@link SecureBlocks}): its own calls cost more than the default's. One
 * source serves the whole process, as Unbound's {@code arc4random} does: each instance of the DRBG
 * seeds itself from the system at its first draw, which took 1-12 ms in a fresh process.
 */
public final class SecureSource {

  private SecureSource() {}

  /**
   * The process's source: the DRBG, or the JDK's default where it has none.
   *
   * @return the source, safe for use by many threads
   */
  public static SecureRandom get() {
    return Shared.SOURCE;
  }

  /** Created at the first {@link #get()}, by the class's initialisation. */
  private static final class Shared {
    static final SecureRandom SOURCE = create();
  }

  private static SecureRandom create() {
    SecureRandom source;
    try {
      source = SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException absent) {
      source = new SecureRandom();
    }
    return new Blocks(source);
  }

  /** {@code source}'s octets a block at a time, under the lock {@link SecureRandom} takes for an SPI of no provider. */
  private static final class Blocks extends SecureRandom {

    private final String algorithm;

    Blocks(SecureRandom source) {
      super(new SecureBlocks(source), null);
      this.algorithm = source.getAlgorithm();
    }

    /** The algorithm of the source, whose octets these are. */
    @Override
    public String getAlgorithm() {
      return algorithm;
    }
  }
}
