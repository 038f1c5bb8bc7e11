package org.dnschase.resolver.internal.resolutions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.EntryRef;
import org.dnschase.resolver.cache.RRsetCache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Unbound's message cache, as a lifetime for each question's answer: a question is answered from
 * the cache only while the answer it got from upstream last is remembered, which is until the
 * shortest TTL among what that answer came with runs out (its chain and data, and the NS set of its
 * zone and those servers' addresses as cached then), and while the answers remembered fit the byte
 * budget (the least used go first). Past that the question is asked upstream again, even though
 * its RRsets may still be cached. An NS question is the exception: its answer is the zone's
 * delegation, which answers it while the NS set lives, as Unbound answers it from its delegation
 * (asking the zone's servers instead would rank their addresses as authority data, above the glue a
 * changed delegation brings), unless the zone is known signed and the cached set is its parent's
 * unsigned copy, which the zone's servers replace with their signed one (RFC 4035 §2.2). A CNAME
 * question is another (see the iteration's {@code ResolverContext.cacheAnswers}): its answer is the
 * cached alias that every question at the name takes as its first hop. Opt-in ({@code
 * ResolverBuilder.messageCache}); thread-safe.
 */
public final class MessageLifetimes {

  /** What one remembered answer is counted as: a key and a deadline, and Unbound's message beside it. */
  static final int ENTRY_BYTES = 160;

  private record Key(Name name, int type) {}

  private final Cache<Key, Long> deadlines;
  private final Ticker ticker;

  public MessageLifetimes(long maximumBytes, Ticker ticker) {
    this.ticker = ticker;
    this.deadlines = Caffeine.newBuilder()
        .ticker(ticker)
        .executor(Runnable::run)
        .maximumWeight(maximumBytes)
        .<Key, Long>weigher((key, deadline) -> ENTRY_BYTES + key.name().length())
        .expireAfter(new Expiry<Key, Long>() {
          @Override
          public long expireAfterCreate(Key key, Long deadline, long now) {
            return Math.max(0, deadline - now);
          }

          @Override
          public long expireAfterUpdate(Key key, Long deadline, long now, long current) {
            return Math.max(0, deadline - now);
          }

          @Override
          public long expireAfterRead(Key key, Long deadline, long now, long current) {
            return current;
          }
        })
        .build();
  }

  /** Whether the answer to (name, type) is remembered and live (or is an NS set), so the cache may answer it. */
  public boolean remembers(Name name, int type) {
    if (type == Type.NS) {
      return true;
    }
    Long deadline = deadlines.getIfPresent(new Key(name.canonicalize(), type));
    return deadline != null && deadline - ticker.read() > 0;
  }

  /**
   * Remembers the answer {@code resolution} just brought from upstream, for the shortest TTL among
   * it and the NS set of the closest zone {@code cache} holds for its last name, with the cached
   * addresses of those servers.
   */
  public void remember(Resolution resolution, RRsetCache cache) {
    long ttl = resolution.ttl().toSeconds();
    Name last = resolution.chain().isEmpty() ? resolution.qname()
        : resolution.chain().get(resolution.chain().size() - 1).target();
    for (Name zone = last; ; zone = new Name(zone, 1)) {
      if (quietly(cache, zone, Type.NS) instanceof CacheLookup.Hit nameServers) {
        ttl = Math.min(ttl, nameServers.rrset().getTTL());
        for (Record record : nameServers.rrset().rrs(false)) {
          ttl = Math.min(ttl, addressTtl(cache, ((NSRecord) record).getTarget()));
        }
        break;
      }
      if (zone.equals(Name.root)) {
        break;
      }
    }
    deadlines.put(new Key(resolution.qname().canonicalize(), resolution.qtype()),
        ticker.read() + ttl * 1_000_000_000L);
  }

  private static long addressTtl(RRsetCache cache, Name nameServer) {
    long ttl = Long.MAX_VALUE;
    for (int type : new int[] {Type.A, Type.AAAA}) {
      if (quietly(cache, nameServer, type) instanceof CacheLookup.Hit addresses) {
        ttl = Math.min(ttl, addresses.rrset().getTTL());
      }
    }
    return ttl;
  }

  /** What the cache holds live for (name, type), read without counting in its statistics; null if nothing. */
  private static CacheLookup quietly(RRsetCache cache, Name name, int type) {
    EntryRef entry = cache.entryRef(name, type, DClass.IN);
    return entry == null ? null : entry.answerAt(cache.nowNanos());
  }

  /** Forgets every answer, as when the cache is emptied. */
  public void invalidateAll() {
    deadlines.invalidateAll();
  }
}
