package org.dnschase.resolver.internal.iterate;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Name;

/**
 * Name-server look-ups that ended in a cyclic dependency (tsuNAME), remembered for a short while
 * and shared by every query of one resolver, so that a storm of clients asking for a name behind
 * the cycle does not become a storm of upstream queries (RFC 9520 §3).
 */
final class CyclicFailures {

  /**
   * 5 seconds: RFC 9520 §3.2 says a resolution failure is to be cached for at least 5 seconds; a
   * cycle is a configuration error that its owners fix in minutes at best, so the floor will do.
   */
  static final Duration FAILURE_TTL = Duration.ofSeconds(5);

  /** Cycles are configuration errors, rare; 4096 live ones is far beyond any real count. */
  static final int MAX_ENTRIES = 4096;

  private record Key(Name name, int type) {}

  private record Entry(String cycle, long expiresAtNanos) {}

  private final ConcurrentHashMap<Key, Entry> failures = new ConcurrentHashMap<>();
  private final Ticker ticker;

  CyclicFailures(Ticker ticker) {
    this.ticker = ticker;
  }

  /** Remembers that looking up each of {@code names} (type {@code type}) runs into {@code cycle}. */
  void remember(List<Name> names, int type, String cycle) {
    long now = ticker.read();
    long expiry = now + FAILURE_TTL.toNanos();
    if (failures.size() >= MAX_ENTRIES) {
      // Entries are otherwise dropped only when read after expiry: sweep, so names that are never
      // asked again cannot pile up, and past the cap store nothing rather than grow without end.
      failures.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
      if (failures.size() >= MAX_ENTRIES) {
        return;
      }
    }
    for (Name name : names) {
      failures.put(new Key(name, type), new Entry(cycle, expiry));
    }
  }

  /** The cycle a look-up of (name, type) ran into, while that failure is still live. */
  Optional<String> cycleFor(Name name, int type) {
    Key key = new Key(name, type);
    Entry entry = failures.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (ticker.read() - entry.expiresAtNanos() >= 0) {
      failures.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.cycle());
  }
}
