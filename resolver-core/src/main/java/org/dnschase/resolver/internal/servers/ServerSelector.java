package org.dnschase.resolver.internal.servers;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Name;

/**
 * What one resolver knows of each server address, shared by all its queries (Unbound's infra
 * cache, reduced to what server choice needs): a smoothed round-trip time with its variance
 * (RFC 6298), from which the time to wait for a reply is derived; which servers reject EDNS; and
 * which answered lame for which zone, lately. A timeout doubles an address's estimate, so a dead
 * server sinks to the back without being forgotten.
 */
public final class ServerSelector {

  /** Unbound's UNKNOWN_SERVER_NICENESS: a server never asked looks like a 376 ms one. */
  static final long UNKNOWN_RTT_NANOS = TimeUnit.MILLISECONDS.toNanos(376);
  /** Unbound's RTT_MAX_TIMEOUT: estimates never grow past 120 s. */
  static final long MAX_RTT_NANOS = TimeUnit.SECONDS.toNanos(120);
  /**
   * The shortest wait derived from an estimate: 300 ms. Unbound's floor is 50 ms; a JVM on a shared
   * machine stalls a loopback reply past that often enough (GC, scheduling) to turn fast servers
   * into spurious timeouts.
   */
  public static final long MIN_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
  /** How long a lame answer keeps a server at the back for its zone: Unbound's infra-host-ttl, 900 s. */
  static final long LAME_TTL_NANOS = TimeUnit.SECONDS.toNanos(900);

  /** Smoothed RTT and its mean deviation (RFC 6298 SRTT and RTTVAR). */
  private record Estimate(long srttNanos, long rttvarNanos) {}

  /**
   * A server address as an authority for one zone. Its equals and hashCode are written out: a
   * record's generated ones are bootstrapped at their first call, which a fresh JVM's first
   * look-up would pay for.
   */
  private record ZoneServer(Name zone, InetAddress address) {
    @Override
    public boolean equals(Object other) {
      return other instanceof ZoneServer that && zone.equals(that.zone) && address.equals(that.address);
    }

    @Override
    public int hashCode() {
      return 31 * zone.hashCode() + address.hashCode();
    }
  }

  /**
   * What is known of servers may hold 1/16 of the RRset cache's byte budget, half of it for RTT
   * estimates (about 230 bytes each: the default budget keeps some 4,500 servers, half Unbound's
   * default infra-cache-numhosts), a quarter each for lameness and EDNS marks. A server forgotten
   * is one never asked, so a bound costs a little choice at worst.
   */
  public static final int BUDGET_SHARE = 16;

  private final ConcurrentMap<InetAddress, Estimate> estimates;
  private final ConcurrentMap<ZoneServer, Long> lameUntilNanos;
  /** Servers that answered an EDNS query with FORMERR or NOTIMP: asked without EDNS from then on. */
  private final Set<InetAddress> withoutEdns;

  public ServerSelector(long maximumBytes) {
    long perAddress = StoreWeights.NODE_BYTES + StoreWeights.ADDRESS_BYTES + StoreWeights.VALUE_BYTES;
    this.estimates = StoreWeights.<InetAddress, Estimate>bounded(maximumBytes / 2,
        (address, estimate) -> (int) perAddress).build().asMap();
    this.lameUntilNanos = StoreWeights.<ZoneServer, Long>bounded(maximumBytes / 4,
        (server, until) -> StoreWeights.weight(perAddress + StoreWeights.VALUE_BYTES
            + StoreWeights.nameBytes(server.zone()))).build().asMap();
    this.withoutEdns = Collections.newSetFromMap(StoreWeights.<InetAddress, Boolean>bounded(maximumBytes / 4,
        (address, yes) -> (int) perAddress).build().asMap());
  }

  /** Forgets every server. */
  public void invalidateAll() {
    estimates.clear();
    lameUntilNanos.clear();
    withoutEdns.clear();
  }

  /** The candidate with the lowest estimate; ties are broken at random to spread the load. */
  public InetAddress choose(List<InetAddress> candidates) {
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

  public boolean speaksEdns(InetAddress address) {
    return !withoutEdns.contains(address);
  }

  /** RFC 6891 §7: a server that rejects EDNS is asked again, and from now on, without it. */
  public void recordNoEdns(InetAddress address) {
    withoutEdns.add(address);
  }

  long estimate(InetAddress address) {
    Estimate estimate = estimates.get(address);
    return estimate == null ? UNKNOWN_RTT_NANOS : estimate.srttNanos();
  }

  /**
   * RFC 6298 §2: the first sample sets SRTT and half of it RTTVAR; later ones move RTTVAR by 1/4
   * of the deviation and SRTT by 1/8 of the difference.
   */
  public void recordRtt(InetAddress address, long rttNanos) {
    estimates.merge(address, new Estimate(rttNanos, rttNanos / 2), (old, first) -> new Estimate(
        old.srttNanos() + (rttNanos - old.srttNanos()) / 8,
        old.rttvarNanos() + (Math.abs(old.srttNanos() - rttNanos) - old.rttvarNanos()) / 4));
  }

  /**
   * How long to wait for this server: RFC 6298 §2.3's SRTT + 4 RTTVAR, at least
   * {@link #MIN_TIMEOUT_NANOS} and at most {@code ceilingNanos}; the ceiling for a server never
   * measured.
   */
  public long timeoutNanos(InetAddress address, long ceilingNanos) {
    Estimate estimate = estimates.get(address);
    if (estimate == null) {
      return ceilingNanos;
    }
    long derived = estimate.srttNanos() + 4 * estimate.rttvarNanos();
    return Math.min(ceilingNanos, Math.max(MIN_TIMEOUT_NANOS, derived));
  }

  /**
   * How long after sending to this server its event loop may poll for the reply rather than sleep,
   * at most {@code capNanos}: the cap for a server never measured; none for one whose smoothed RTT
   * is past the cap (its reply comes after the window anyway, and a server that timed out is
   * there), else SRTT + 4 RTTVAR, within which its replies come.
   */
  public long spinWindowNanos(InetAddress address, long capNanos) {
    if (capNanos <= 0) {
      return 0;
    }
    Estimate estimate = estimates.get(address);
    if (estimate == null) {
      return capNanos;
    }
    return estimate.srttNanos() > capNanos ? 0 : Math.min(capNanos, estimate.srttNanos() + 4 * estimate.rttvarNanos());
  }

  /** The candidates not lame for {@code zone} at {@code nowNanos}, in their order. */
  public List<InetAddress> notLame(List<InetAddress> candidates, Name zone, long nowNanos) {
    List<InetAddress> usable = new ArrayList<>(candidates.size());
    for (InetAddress candidate : candidates) {
      Long until = lameUntilNanos.get(new ZoneServer(zone, candidate));
      if (until == null || until - nowNanos <= 0) {
        usable.add(candidate);
      }
    }
    return usable;
  }

  /**
   * Doubles the estimate, to at least twice the prior: a server that was fast before it went
   * silent must still go behind the servers never asked, not stay first for several more timeouts.
   */
  public void recordTimeout(InetAddress address) {
    backOff(address);
  }

  /**
   * A lame answer (REFUSED, SERVFAIL, NOTIMP, not authoritative) backs the server off like a
   * timeout, and keeps it behind the zone's other servers for {@link #LAME_TTL_NANOS}.
   */
  public void recordLame(Name zone, InetAddress address, long nowNanos) {
    backOff(address);
    lameUntilNanos.put(new ZoneServer(zone, address), nowNanos + LAME_TTL_NANOS);
  }

  private void backOff(InetAddress address) {
    long floor = UNKNOWN_RTT_NANOS * 2;
    estimates.merge(address, new Estimate(floor, UNKNOWN_RTT_NANOS), (old, fresh) -> new Estimate(
        Math.min(MAX_RTT_NANOS, Math.max(old.srttNanos() * 2, floor)), old.rttvarNanos()));
  }
}
