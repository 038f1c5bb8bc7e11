package org.dnschase.resolver.internal.chase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dnschase.resolver.Hop;
import org.xbill.DNS.Name;

/**
 * The hops of one resolution's chain, with the two rules that end it: a loop is a target that was
 * already visited for this query type (the type never changes along a chain, so names suffice),
 * reported with its cycle the first time it happens; the hop limit is a separate count. The loop
 * check comes first, so a loop is never mistaken for an exhausted hop limit.
 */
public final class Chain {

  /** Why a hop was refused. */
  public sealed interface Refusal {
    /** The hop's target was already visited; {@code cycle} runs from that visit back to it. */
    record Loop(List<Hop> cycle) implements Refusal {}

    /** The chain already holds {@code limit} hops. */
    record HopLimit(int limit) implements Refusal {}
  }

  private final List<Hop> hops = new ArrayList<>();
  /** Name (dnsjava compares names case-insensitively) to the index of the hop that left it. */
  private final Map<Name, Integer> visited = new HashMap<>();

  public Chain(Name qname) {
    visited.put(qname, 0);
  }

  /**
   * Adds a hop, or says why not. A looping hop is kept, so the chain shows the whole cycle; a hop
   * over the limit is not.
   */
  public synchronized Optional<Refusal> add(Hop hop, int maxHops) {
    Integer firstVisit = visited.get(hop.target());
    if (firstVisit != null) {
      hops.add(hop);
      return Optional.of(new Refusal.Loop(List.copyOf(hops.subList(firstVisit, hops.size()))));
    }
    if (hops.size() >= maxHops) {
      return Optional.of(new Refusal.HopLimit(maxHops));
    }
    hops.add(hop);
    visited.put(hop.target(), hops.size());
    return Optional.empty();
  }

  /**
   * The hops so far, copied: a resolution ended at its deadline reads them from the timer's thread
   * while the abandoned walk may still add one.
   */
  public synchronized List<Hop> hops() {
    return List.copyOf(hops);
  }

  public synchronized int size() {
    return hops.size();
  }

  /**
   * The TTL of a chain ending in data of {@code finalTtlSeconds}: the minimum over its hops and the
   * data. The walk and the resolution cache both use it, so a hit and the walk agree on it.
   */
  public static Duration effectiveTtl(List<Hop> chain, long finalTtlSeconds) {
    long ttl = finalTtlSeconds;
    for (Hop hop : chain) {
      ttl = Math.min(ttl, hop.ttl().toSeconds());
    }
    return Duration.ofSeconds(Math.max(0, ttl));
  }
}
