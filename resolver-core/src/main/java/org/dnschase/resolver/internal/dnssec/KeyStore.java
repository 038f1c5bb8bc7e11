package org.dnschase.resolver.internal.dnssec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.xbill.DNS.Name;

/**
 * What the resolver learnt of each zone's keys, by zone, for as long as the records it learnt it
 * from live (a BOGUS zone for {@code Defaults.BOGUS_TTL}): the key cache of Unbound's validator.
 * The anchors' own entries are never stored: they are made from the anchors on each look-up.
 */
public final class KeyStore {

  /**
   * 10,000 zones: a zone's entry is a few keys, about a kilobyte, so the store stays within a few
   * megabytes; Unbound's key cache holds 4 MB by default.
   */
  static final int MAX_ZONES = 10_000;

  private record Stored(KeyEntry entry, long expiresAtNanos) {}

  private final TrustAnchors anchors;
  private final Ticker ticker;
  private final Cache<Name, Stored> entries;

  public KeyStore(TrustAnchors anchors, Ticker ticker) {
    this.anchors = anchors;
    this.ticker = ticker;
    this.entries = Caffeine.newBuilder()
        .maximumSize(MAX_ZONES)
        .ticker(ticker)
        .expireAfter(Expiry.<Name, Stored>creating((zone, stored) ->
            Duration.ofNanos(Math.max(0, stored.expiresAtNanos() - ticker.read()))))
        .build();
  }

  public TrustAnchors anchors() {
    return anchors;
  }

  /** The live entry of {@code zone}, its anchor's when it has one and nothing better is known; or null. */
  public KeyEntry lookup(Name zone) {
    Stored stored = entries.getIfPresent(zone);
    if (stored != null && stored.expiresAtNanos() - ticker.read() > 0) {
      return stored.entry();
    }
    TrustAnchors.Anchor anchor = anchors.closest(zone);
    return anchor != null && anchor.zone().equals(zone)
        ? new KeyEntry.TrustedDs(zone, anchor.ds(), anchor.keys()) : null;
  }

  /** Keeps {@code entry} for {@code ttl}; nothing for a TTL of zero. */
  public void store(KeyEntry entry, Duration ttl) {
    if (ttl.isPositive()) {
      entries.put(entry.zone(), new Stored(entry, ticker.read() + ttl.toNanos()));
    }
  }

  /** Forgets every zone's keys, as when the cache is emptied. */
  public void invalidateAll() {
    entries.invalidateAll();
  }
}
