package org.dnschase.resolver.internal.iterate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
final class ParentSideGlue {

  /** One entry per name server; far more name servers than a busy resolver talks to in a TTL. */
  static final int MAX_NAME_SERVERS = 10_000;

  private record Glue(List<InetAddress> addresses, long ttlSeconds) {}

  private final Cache<Name, Glue> glue;

  ParentSideGlue(Ticker ticker) {
    this.glue = Caffeine.newBuilder()
        .maximumSize(MAX_NAME_SERVERS)
        .ticker(ticker)
        .expireAfter(Expiry.writing((Name name, Glue entry) -> Duration.ofSeconds(entry.ttlSeconds())))
        .build();
  }

  /** Keeps what a referral's additional section gave for {@code nameServer}; TTL 0 keeps nothing. */
  void remember(Name nameServer, List<InetAddress> addresses, long ttlSeconds) {
    if (!addresses.isEmpty() && ttlSeconds > 0) {
      glue.put(nameServer, new Glue(List.copyOf(addresses), ttlSeconds));
    }
  }

  /** The parent-side addresses of {@code nameServer} still live; empty if none. */
  List<InetAddress> addressesOf(Name nameServer) {
    Glue entry = glue.getIfPresent(nameServer);
    return entry == null ? List.of() : entry.addresses();
  }
}
