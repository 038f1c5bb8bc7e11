package org.dnschase.resolver.internal.servers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * The addresses parent zones gave for name servers as glue, kept apart from the RRset cache. There
 * the child zone's own answer for a name server outranks the glue and replaces it (RFC 2181
 * §5.4.1); when the child's addresses are wrong or dead and the parent's work, only this copy
 * lets the resolution go on (Unbound's parent-side addresses; Deckard iter_pcdiff).
 */
public final class ParentSideGlue {

  /**
   * The store may hold 1/16 of the RRset cache's byte budget: a name server with two addresses
   * weighs about 450 bytes, so the default budget keeps some 4,500 of them, more name servers than
   * a busy resolver talks to in a TTL.
   */
  public static final int BUDGET_SHARE = 16;

  private record Glue(List<InetAddress> addresses, long ttlSeconds) {}

  private final Cache<Name, Glue> glue;

  public ParentSideGlue(Ticker ticker, long maximumBytes) {
    this.glue = StoreWeights.<Name, Glue>bounded(maximumBytes, (name, entry) -> StoreWeights.weight(
            StoreWeights.NODE_BYTES + StoreWeights.nameBytes(name) + 2 * StoreWeights.VALUE_BYTES
                + (long) entry.addresses().size() * (StoreWeights.ADDRESS_BYTES + Integer.BYTES)))
        .ticker(ticker)
        .expireAfter(Expiry.writing((Name name, Glue entry) -> Duration.ofSeconds(entry.ttlSeconds())))
        .build();
  }

  /** Keeps what a referral's additional section gave for {@code nameServer}; TTL 0 keeps nothing. */
  public void remember(Name nameServer, List<InetAddress> addresses, long ttlSeconds) {
    if (!addresses.isEmpty() && ttlSeconds > 0) {
      glue.put(nameServer, new Glue(List.copyOf(addresses), ttlSeconds));
    }
  }

  /** The parent-side addresses of {@code nameServer} still live; empty if none. */
  public List<InetAddress> addressesOf(Name nameServer) {
    Glue entry = glue.getIfPresent(nameServer);
    return entry == null ? List.of() : entry.addresses();
  }

  /** Forgets all glue. */
  public void invalidateAll() {
    glue.invalidateAll();
  }
}
