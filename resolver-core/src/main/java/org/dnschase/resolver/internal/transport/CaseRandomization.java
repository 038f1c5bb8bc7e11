package org.dnschase.resolver.internal.transport;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Random;

/**
 * A transport's 0x20: where the random case comes from, and the servers seen not to repeat it.
 * Such a server (its replies spelt the question otherwise until its exchange timed out) is asked
 * with names as they are from then on, Unbound's fallback for it; it is remembered for {@link
 * #PLAIN_CASE_MEMORY} at most, so one that learnt to echo case gets 0x20 again, and at most
 * {@link #MAX_PLAIN_CASE_SERVERS} are, so memory stays bounded whatever servers do.
 */
final class CaseRandomization {

  /** 1,024 servers remembered as not echoing case. */
  static final int MAX_PLAIN_CASE_SERVERS = 1_024;
  /** 15 minutes, Unbound's infra-host-ttl: how long what a server did is remembered. */
  static final Duration PLAIN_CASE_MEMORY = Duration.ofMinutes(15);

  private final Random caseBits;
  private final Cache<InetSocketAddress, Boolean> plainCaseServers = Caffeine.newBuilder()
      .maximumSize(MAX_PLAIN_CASE_SERVERS).expireAfterWrite(PLAIN_CASE_MEMORY).executor(Runnable::run).build();

  /** With {@code caseBits} as the source of the random case: a secure one, or a seeded one in tests. */
  CaseRandomization(Random caseBits) {
    this.caseBits = caseBits;
  }

  /**
   * Gives the question name in {@code query} a random case for {@code server}, in place; null,
   * leaving it as it is, for a server known not to repeat the case.
   */
  QuestionCase spell(InetSocketAddress server, byte[] query) {
    return plainCaseServers.getIfPresent(server) != null ? null : QuestionCase.randomize(query, caseBits, this);
  }

  /** {@code server} did not repeat the case before its exchange timed out: ask it plainly from now on. */
  void notEchoedBy(InetSocketAddress server) {
    plainCaseServers.put(server, Boolean.TRUE);
  }
}
