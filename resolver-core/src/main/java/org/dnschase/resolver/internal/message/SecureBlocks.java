package org.dnschase.resolver.internal.message;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * Another secure source's octets handed out from a block drawn {@value #BLOCK} octets at a time,
 * as Unbound's {@code arc4random} hands out its keystream: each octet the source gives is handed
 * out once, in its order, but a draw costs a copy instead of the source's call. The JDK's DRBG
 * hashes its state through SHA-256 a few times for every call, about 0.45 µs, and a query took
 * three (its ID in {@link Queries}, the transport's ID, 0x20's case); a block serves some 700
 * queries. Not thread-safe by itself: {@link java.security.SecureRandom} locks around it.
 */
final class SecureBlocks extends SecureRandomSpi {

  /** Octets drawn from the source at a time. */
  static final int BLOCK = 4_096;

  private final SecureRandom source;
  private final byte[] block = new byte[BLOCK];
  /** How many of the block's octets were handed out. */
  private int used;

  /**
   * Draws the first block at once: the DRBG seeds itself at its first draw, which in a fresh
   * process reads the system's entropy (1-12 ms, over a second on a starved machine). Drawn here,
   * that happens as the resolver is built, not in its first query's send on the caller's thread.
   */
  SecureBlocks(SecureRandom source) {
    this.source = source;
    source.nextBytes(block);
  }

  @Override
  protected void engineNextBytes(byte[] bytes) {
    for (int filled = 0; filled < bytes.length; ) {
      if (used == BLOCK) {
        source.nextBytes(block);
        used = 0;
      }
      int taken = Math.min(bytes.length - filled, BLOCK - used);
      System.arraycopy(block, used, bytes, filled, taken);
      used += taken;
      filled += taken;
    }
  }

  @Override
  protected void engineSetSeed(byte[] seed) {
    source.setSeed(seed);
  }

  @Override
  protected byte[] engineGenerateSeed(int numBytes) {
    return source.generateSeed(numBytes);
  }
}
