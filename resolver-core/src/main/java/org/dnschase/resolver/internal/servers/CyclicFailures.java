package org.dnschase.resolver.internal.servers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.List;
import java.util.Optional;
import org.dnschase.resolver.Defaults;
import org.xbill.DNS.Name;

/**
 * Name-server look-ups that ended in a cyclic dependency (tsuNAME), remembered for a short while
 * and shared by every query of one resolver, so that a storm of clients asking for a name behind
 * the cycle does not become a storm of upstream queries (RFC 9520 §3).
 */
public final class CyclicFailures {

  /**
   * The store may hold 1/64 of the RRset cache's byte budget: cycles are configuration errors, and
   * live only 5 s; the default budget keeps some 1,500 of them with their descriptions.
   */
  public static final int BUDGET_SHARE = 64;

  private record Key(Name name, int type) {}

  private final Cache<Key, String> failures;

  public CyclicFailures(Ticker ticker, long maximumBytes) {
    this.failures = StoreWeights.<Key, String>bounded(maximumBytes, (key, cycle) -> StoreWeights.weight(
            StoreWeights.NODE_BYTES + StoreWeights.VALUE_BYTES + StoreWeights.nameBytes(key.name())
                + StoreWeights.VALUE_BYTES + 2L * cycle.length()))
        .ticker(ticker)
        .expireAfterWrite(Defaults.CYCLIC_FAILURE_TTL)
        .build();
  }

  /** Remembers that looking up each of {@code names} (type {@code type}) runs into {@code cycle}. */
  public void remember(List<Name> names, int type, String cycle) {
    for (Name name : names) {
      failures.put(new Key(name, type), cycle);
    }
  }

  /** The cycle a look-up of (name, type) ran into, while that failure is still live. */
  public Optional<String> cycleFor(Name name, int type) {
    return Optional.ofNullable(failures.getIfPresent(new Key(name, type)));
  }

  /** Forgets every failure. */
  public void invalidateAll() {
    failures.invalidateAll();
  }
}
