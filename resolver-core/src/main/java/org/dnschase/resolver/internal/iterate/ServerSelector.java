package org.dnschase.resolver.internal.iterate;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Chooses among a zone's server addresses by smoothed round-trip time, shared by every query of
 * one resolver (Unbound's infra cache, reduced to what server choice needs). A timeout doubles an
 * address's estimate, so a dead server sinks to the back without being forgotten.
 */
final class ServerSelector {

  /** Unbound's UNKNOWN_SERVER_NICENESS: a server never asked looks like a 376 ms one. */
  static final long UNKNOWN_RTT_NANOS = TimeUnit.MILLISECONDS.toNanos(376);
  /** Unbound's RTT_MAX_TIMEOUT: estimates never grow past 120 s. */
  static final long MAX_RTT_NANOS = TimeUnit.SECONDS.toNanos(120);

  private final ConcurrentHashMap<InetAddress, Long> smoothedRtt = new ConcurrentHashMap<>();
  /** Servers that answered an EDNS query with FORMERR or NOTIMP: asked without EDNS from then on. */
  private final Set<InetAddress> withoutEdns = ConcurrentHashMap.newKeySet();

  /** The candidate with the lowest estimate; ties are broken at random to spread the load. */
  InetAddress choose(List<InetAddress> candidates) {
    InetAddress best = null;
    long bestRtt = Long.MAX_VALUE;
    int ties = 0;
    for (InetAddress candidate : candidates) {
      long rtt = estimate(candidate);
      if (rtt < bestRtt) {
        best = candidate;
        bestRtt = rtt;
        ties = 1;
      } else if (rtt == bestRtt && ThreadLocalRandom.current().nextInt(++ties) == 0) {
        best = candidate;
      }
    }
    return best;
  }

  boolean speaksEdns(InetAddress address) {
    return !withoutEdns.contains(address);
  }

  /** RFC 6891 §7: a server that rejects EDNS is asked again, and from now on, without it. */
  void recordNoEdns(InetAddress address) {
    withoutEdns.add(address);
  }

  long estimate(InetAddress address) {
    return smoothedRtt.getOrDefault(address, UNKNOWN_RTT_NANOS);
  }

  /** RFC 6298 smoothing with alpha 1/8. */
  void recordRtt(InetAddress address, long rttNanos) {
    smoothedRtt.merge(address, rttNanos, (old, sample) -> old + (sample - old) / 8);
  }

  /**
   * Doubles the estimate, to at least twice the prior: a server that was fast before it went
   * silent must still go behind the servers never asked, not stay first for several more timeouts.
   */
  void recordTimeout(InetAddress address) {
    backOff(address);
  }

  /** A lame answer (REFUSED, SERVFAIL, NOTIMP, not authoritative) backs off like a timeout. */
  void recordLame(InetAddress address) {
    backOff(address);
  }

  private void backOff(InetAddress address) {
    smoothedRtt.merge(address, UNKNOWN_RTT_NANOS * 2,
        (old, ignored) -> Math.min(MAX_RTT_NANOS, Math.max(old * 2, UNKNOWN_RTT_NANOS * 2)));
  }
}
