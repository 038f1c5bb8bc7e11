package org.dnschase.resolver.internal.transport;

import java.security.SecureRandom;
import org.dnschase.resolver.internal.message.SecureSource;

/** Message IDs from a secure source, so an off-path attacker cannot guess them (RFC 5452 §4.3). */
final class QueryIds {

  private final SecureRandom random = SecureSource.get();

  int next() {
    return random.nextInt(0x10000);
  }
}
