package org.dnschase.resolver.internal.transport;

import java.security.SecureRandom;

/** Message IDs from a secure source, so an off-path attacker cannot guess them (RFC 5452 §4.3). */
final class QueryIds {

  private final SecureRandom random = new SecureRandom();

  int next() {
    return random.nextInt(0x10000);
  }
}
