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
 * cache, reduced to what server choice needs): a smoothed round-trip time with its variance and
 * the retransmission timeout derived from them (RFC 6298), how long to wait for its next reply;
 * which servers reject EDNS; and which answered lame for which zone, lately. A timeout doubles an
 * address's rank, so a dead server sinks to the back without being forgotten, and doubles its
 * timeout, so a slow server is waited for longer each time until its reply comes in time.
 */
public final class ServerSelector {

  /** Unbound's UNKNOWN_SERVER_NICENESS: a server never asked looks like a 376 ms one. */
  static final long UNKNOWN_RTT_NANOS = TimeUnit.MILLISECONDS.toNanos(376);
  /**
   * How long a server is waited for before its first reply: RFC 6298 §2.1's initial RTO, 1 s.
   * Unbound waits 376 ms; a JVM's first exchanges include loading and compiling the code that
   * sends the query and reads the reply, hundreds of milliseconds in a fresh process on a busy
   * machine, which so short a wait would turn into timeouts of servers that answered at once.
   */
  static final long FIRST_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** Unbound's RTT_MAX_TIMEOUT: estimates and timeouts never grow past 120 s. */
  static final long MAX_RTT_NANOS = TimeUnit.SECONDS.toNanos(120);
  /**
   * The shortest wait derived from an estimate: 300 ms. Unbound's floor is 50 ms; a JVM on a shared
   * machine stalls a loopback reply past that often enough (GC, scheduling) to turn fast servers
   * into spurious timeouts.
   */
  public static final long MIN_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
  /** How long a lame answer keeps a server at the back for its zone: Unbound's infra-host-ttl, 900 s. */
  static final long LAME_TTL_NANOS = TimeUnit.SECONDS.toNanos(900);

  /**
   * What is known of one address. Its rank orders it among a zone's servers: its smoothed RTT,
   * doubled by each timeout or lame answer and smoothed back by replies, so a server that failed
   * stays behind the others for a while. RFC 6298's estimator, of replies only ({@link #NONE}
   * before the first), gives the time to wait for the next reply, its RTO: SRTT + 4 RTTVAR after a
   * reply, doubled by each timeout since. Kept apart, a reply after a timeout sets the wait from
   * what replies take, not from a rank the timeout doubled. Its {@link Silence}, null once it
   * answered, says whether it is marked down.
   */
  private record Estimate(long rankNanos, long srttNanos, long rttvarNanos, long rtoNanos, Silence silence) {}

  /** SRTT and RTTVAR of an address that timed out or answered lame but never replied in time. */
  private static final long NONE = -1;

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
   * estimates (about 260 bytes each: the default budget keeps some 4,000 servers, about half
   * Unbound's default infra-cache-numhosts), a quarter each for lameness and EDNS marks. A server
   * forgotten is one never asked, so a bound costs a little choice at worst.
   */
  public static final int BUDGET_SHARE = 16;

  private final ConcurrentMap<InetAddress, Estimate> estimates;
  private final ConcurrentMap<ZoneServer, Long> lameUntilNanos;
  /** Servers that answered an EDNS query with FORMERR or NOTIMP: asked without EDNS from then on. */
  private final Set<InetAddress> withoutEdns;

  public ServerSelector(long maximumBytes) {
    long perAddress = StoreWeights.NODE_BYTES + StoreWeights.ADDRESS_BYTES + StoreWeights.VALUE_BYTES;
    // an estimate's four longs are three more than a small record's; a silence is a small record of five
    this.estimates = StoreWeights.<InetAddress, Estimate>bounded(maximumBytes / 2, (address, estimate) -> (int) perAddress
        + 3 * Long.BYTES + (estimate.silence() == null ? 0 : StoreWeights.VALUE_BYTES + 4 * Long.BYTES)).build().asMap();
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

  /** The candidate with the lowest rank (see {@link Estimate}); ties are broken at random to spread the load. */
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

  /** An address's rank: {@link #UNKNOWN_RTT_NANOS} for one never asked. */
  long estimate(InetAddress address) {
    Estimate estimate = estimates.get(address);
    return estimate == null ? UNKNOWN_RTT_NANOS : estimate.rankNanos();
  }

  /**
   * RFC 6298 §2: the first sample sets SRTT and half of it RTTVAR; later ones move RTTVAR by 1/4
   * of the deviation and SRTT by 1/8 of the difference.
   */
  public void recordRtt(InetAddress address, long rttNanos) {
    estimates.merge(address, measured(rttNanos, rttNanos, rttNanos / 2), (old, first) -> measured(
        old.rankNanos() + (rttNanos - old.rankNanos()) / 8,
        old.srttNanos() == NONE ? rttNanos : old.srttNanos() + (rttNanos - old.srttNanos()) / 8,
        old.srttNanos() == NONE ? rttNanos / 2
            : old.rttvarNanos() + (Math.abs(old.srttNanos() - rttNanos) - old.rttvarNanos()) / 4));
  }

  /** RFC 6298 §2.3: RTO = SRTT + 4 RTTVAR, at least {@link #MIN_TIMEOUT_NANOS}, at most {@link #MAX_RTT_NANOS}. */
  private static Estimate measured(long rankNanos, long srttNanos, long rttvarNanos) {
    return new Estimate(rankNanos, srttNanos, rttvarNanos,
        Math.clamp(srttNanos + 4 * rttvarNanos, MIN_TIMEOUT_NANOS, MAX_RTT_NANOS), null);
  }

  /**
   * How long to wait for this server's reply: its RTO, {@link #FIRST_TIMEOUT_NANOS} for a server
   * never asked, at most {@code ceilingNanos}.
   */
  public long timeoutNanos(InetAddress address, long ceilingNanos) {
    Estimate estimate = estimates.get(address);
    return Math.min(ceilingNanos, estimate == null ? FIRST_TIMEOUT_NANOS : estimate.rtoNanos());
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
    // a rank within the cap is one that replies brought back under it: the estimator has samples
    return estimate.rankNanos() > capNanos ? 0 : Math.min(capNanos, estimate.srttNanos() + 4 * estimate.rttvarNanos());
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
   * Doubles the rank, to at least twice the prior: a server that was fast before it went silent
   * must still go behind the servers never asked, not stay first for several more timeouts.
   * Doubles the timeout too (RFC 6298 §5.5), the one the query waited ({@code waitedNanos}), as
   * Unbound's rtt_lost does: queries that timed out together, having waited alike, double it once
   * between them, not once each. Timeouts in a row, once the wait has reached {@code ceilingNanos},
   * mark the server down ({@link Silence}, {@link #admits}); the query was sent at {@code sentNanos}.
   */
  public void recordTimeout(InetAddress address, long sentNanos, long waitedNanos, long ceilingNanos,
      long nowNanos) {
    long rtoNanos = Math.min(MAX_RTT_NANOS, 2 * waitedNanos);
    estimates.compute(address, (key, old) -> {
      Estimate backedOff = backedOff(old, rtoNanos);
      return new Estimate(backedOff.rankNanos(), backedOff.srttNanos(), backedOff.rttvarNanos(), backedOff.rtoNanos(),
          Silence.after(backedOff.silence(), sentNanos, waitedNanos, backedOff.rtoNanos() >= ceilingNanos, nowNanos));
    });
  }

  /**
   * A lame answer (REFUSED, SERVFAIL, NOTIMP, not authoritative) backs the server's rank off like a
   * timeout, and keeps it behind the zone's other servers for {@link #LAME_TTL_NANOS}; its wait
   * stays, since it answered.
   */
  public void recordLame(Name zone, InetAddress address, long nowNanos) {
    estimates.compute(address, (key, old) -> backedOff(old, 0));
    lameUntilNanos.put(new ZoneServer(zone, address), nowNanos + LAME_TTL_NANOS);
  }

  /** {@code old} with its rank doubled (see {@link #recordTimeout}) and its timeout raised to at least {@code rtoNanos}. */
  private static Estimate backedOff(Estimate old, long rtoNanos) {
    long floor = UNKNOWN_RTT_NANOS * 2;
    if (old == null) {
      return new Estimate(floor, NONE, NONE, Math.max(FIRST_TIMEOUT_NANOS, rtoNanos), null);
    }
    return new Estimate(Math.min(MAX_RTT_NANOS, Math.max(old.rankNanos() * 2, floor)), old.srttNanos(),
        old.rttvarNanos(), Math.max(old.rtoNanos(), rtoNanos), old.silence());
  }

  /* ---- servers that are down ---- */

  /**
   * Whether a query may go to {@code address} at {@code nowNanos}: unless it is marked down
   * ({@link Silence}); once that mark has run out, for one query at a time, the probe, which the
   * others see as down for {@code probeNanos} (the probe's longest wait) unless it ends before.
   */
  public boolean admits(InetAddress address, long nowNanos, long probeNanos) {
    Estimate estimate = estimates.get(address);
    Silence silence = estimate == null ? null : estimate.silence();
    if (silence == null || !silence.marked()) {
      return true;
    }
    return !silence.closed(nowNanos) && estimates.replace(address, estimate, new Estimate(estimate.rankNanos(),
        estimate.srttNanos(), estimate.rttvarNanos(), estimate.rtoNanos(), silence.probing(nowNanos + probeNanos)));
  }

  /** Why {@code address} is not asked at {@code nowNanos} ({@link #admits} said no), for a failure's detail. */
  public String whyDown(InetAddress address, long nowNanos) {
    Estimate estimate = estimates.get(address);
    return estimate == null || estimate.silence() == null ? address.getHostAddress() + " answered since"
        : estimate.silence().why(address.getHostAddress(), nowNanos);
  }
}
