package org.dnschase.resolver.cache.internal;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.BiPredicate;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.CacheStats;
import org.dnschase.resolver.cache.EntryRef;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.RRsetCacheBuilder;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.cache.TtlCaps;
import org.dnschase.resolver.cache.ValidationStatus;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The {@link RRsetCache} on one Caffeine cache of {@link CacheKey} to {@link CacheEntry}, with a
 * variable {@link TtlExpiry}, an {@link EntryWeigher} against a byte budget, and one injected
 * {@link Ticker} for both Caffeine and the remaining TTLs. Public only because the builder in the
 * API package constructs it.
 *
 * <p>The rank rule is applied inside Caffeine's atomic {@code asMap().compute}, so concurrent
 * writers to one key cannot both win. The NXDOMAIN check of a positive or NODATA write is a second,
 * separate atomic step on the name's NXDOMAIN key; a higher-ranked NXDOMAIN written between the
 * two steps may be shadowed by the new data for its type until either expires.
 */
public final class CaffeineRRsetCache implements RRsetCache {

  private final Cache<CacheKey, CacheEntry> cache;
  private final TimeSource timeSource;
  /** Caffeine's view of {@link #timeSource}: its monotonic time, read for expiry and remaining TTLs. */
  private final Ticker ticker;
  private final TtlPolicy ttls;
  /** The caps on the TTLs handed out: those of {@link #ttls}, without the positive ones under serveOriginalTtl. */
  private final TtlCaps shownCaps;
  private final StatsCounters counters;
  private final long staleWindowNanos;
  private final long staleAnswerTtlSeconds;
  /** Whether an upstream failure renews expired data for another stale window (renewStaleOnFailure). */
  private final boolean renewStale;
  /** Whether answers carry the TTL the data came with (serveOriginalTtl). */
  private final boolean originalTtl;
  private final long maximumBytes;
  private final Set<Runnable> invalidationListeners = new CopyOnWriteArraySet<>();

  /** A cache configured by already-checked {@code settings}. */
  public CaffeineRRsetCache(CacheSettings settings) {
    this.timeSource = settings.timeSource();
    this.ticker = timeSource::nanoTime;
    this.ttls =
        new TtlPolicy(new TtlCaps(Duration.ofSeconds(settings.minTtlSeconds()),
            Duration.ofSeconds(settings.maxTtlSeconds()), Duration.ofSeconds(settings.maxNegativeTtlSeconds())));
    this.counters = new StatsCounters(settings.recordStats());
    this.staleWindowNanos = settings.staleWindowSeconds() * CacheEntry.NANOS_PER_SECOND;
    this.renewStale = settings.staleRetentionSeconds() > settings.staleWindowSeconds();
    this.staleAnswerTtlSeconds = settings.staleAnswerTtlSeconds();
    this.originalTtl = settings.originalTtl();
    this.shownCaps = originalTtl ? new TtlCaps(Duration.ZERO, Duration.ofSeconds(RRsetCacheBuilder.MAX_TTL_SECONDS),
        ttls.caps().maxNegativeTtl()) : ttls.caps();
    this.maximumBytes = settings.maximumBytes();
    this.cache =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfter(new TtlExpiry(settings.staleRetentionSeconds() * CacheEntry.NANOS_PER_SECOND))
            .maximumWeight(settings.maximumBytes())
            .weigher(new EntryWeigher())
            .evictionListener((CacheKey key, CacheEntry entry, RemovalCause cause) -> evicted(entry, cause))
            .executor(settings.executor())
            .build();
  }

  @Override
  public CacheLookup lookup(Name name, int type, int dclass) {
    CacheKey key = new CacheKey(requireNonNull(name, "name"), type, dclass);
    CacheLookup found = answer(cache.getIfPresent(key));
    if (found == null && !key.isNxDomainKey()) {
      found = answer(cache.getIfPresent(key.nxDomainKey()));
    }
    if (found == null) {
      found = CacheLookup.Miss.INSTANCE;
    }
    counters.recordLookup(found);
    return found;
  }

  /** The entry's answer; the ticker is read after Caffeine's read so it is never behind it. */
  private CacheLookup answer(CacheEntry entry) {
    return entry == null ? null : entry.liveAnswerAt(ticker.read());
  }

  @Override
  public EntryRef entryRef(Name name, int type, int dclass) {
    CacheKey key = new CacheKey(requireNonNull(name, "name"), type, dclass);
    long now = ticker.read();
    CacheEntry entry = cache.policy().getIfPresentQuietly(key);
    if ((entry == null || !entry.isLive(now)) && !key.isNxDomainKey()) {
      entry = cache.policy().getIfPresentQuietly(key.nxDomainKey());
    }
    return entry != null && entry.isLive(now) ? entry : null;
  }

  @Override
  public TtlCaps ttlCaps() {
    return shownCaps;
  }

  @Override
  public TimeSource timeSource() {
    return timeSource;
  }

  @Override
  public long nowNanos() {
    return ticker.read();
  }

  @Override
  public CacheLookup lookupStale(Name name, int type, int dclass) {
    CacheKey key = new CacheKey(requireNonNull(name, "name"), type, dclass);
    if (staleWindowNanos == 0) {
      return CacheLookup.Miss.INSTANCE;
    }
    CacheEntry entry = cache.getIfPresent(key);
    if (entry == null && !key.isNxDomainKey()) {
      entry = cache.getIfPresent(key.nxDomainKey());
    }
    // A live entry gives null here too: fresh data is for lookup, never served as stale.
    CacheLookup stale = entry == null ? null : entry.staleAnswerAt(ticker.read(), staleWindowNanos, staleAnswerTtlSeconds);
    if (stale == null) {
      return CacheLookup.Miss.INSTANCE;
    }
    counters.recordStaleHit();
    return stale;
  }

  @Override
  public void renewStale(Name name, int type, int dclass) {
    CacheKey key = new CacheKey(requireNonNull(name, "name"), type, dclass);
    if (renewStale) {
      renew(key);
      if (!key.isNxDomainKey()) {
        renew(key.nxDomainKey());
      }
    }
  }

  /** Replaces an expired entry at {@code key} by a copy that expires now, so its stale window starts again. */
  private void renew(CacheKey key) {
    long now = ticker.read();
    cache.asMap().computeIfPresent(key, (k, old) -> {
      CacheEntry renewed = old.isLive(now) ? null : old.expiredCopy(now);
      if (renewed == null) {
        return old;
      }
      old.remove();
      return renewed;
    });
  }

  @Override
  public boolean put(RRset rrset, TrustRank rank, ValidationStatus status, List<Record> proof) {
    requireNonNull(rrset, "rrset");
    requireNonNull(rank, "rank");
    requireNonNull(status, "status");
    requireNonNull(proof, "proof");
    if (rrset.size() == 0) {
      throw new IllegalArgumentException("cannot cache an RRset without records: " + rrset);
    }
    int type = requireDataType(rrset.getType());
    long ttl = ttls.positive(rrset);
    CacheKey key = new CacheKey(rrset.getName(), type, rrset.getDClass());
    if (ttl == 0) {
      dropStale(key);
      dropStale(key.nxDomainKey());
      return false;
    }
    CacheEntry entry = new CacheEntry.Positive(rrset, proof, ttl, deadline(ttl), rank, status, originalTtl);
    return clearNxDomain(key, rank) && store(key, entry);
  }

  @Override
  public boolean putNxDomain(Name name, int dclass, SOARecord soa, List<Record> proof, TrustRank rank,
      ValidationStatus status) {
    requireNonNull(name, "name");
    requireNonNull(soa, "soa");
    requireNonNull(proof, "proof");
    requireNonNull(rank, "rank");
    requireNonNull(status, "status");
    long ttl = ttls.negative(soa);
    CacheKey key = new CacheKey(name, CacheKey.NXDOMAIN_TYPE, dclass);
    if (ttl == 0) {
      dropStale(key);
      return false;
    }
    return store(key, new CacheEntry.NxDomain(name, soa, proof, ttl, deadline(ttl), rank, status, originalTtl));
  }

  @Override
  public boolean putNoData(Name name, int type, int dclass, SOARecord soa, List<Record> proof, TrustRank rank,
      ValidationStatus status) {
    requireNonNull(name, "name");
    requireNonNull(proof, "proof");
    requireNonNull(rank, "rank");
    requireNonNull(status, "status");
    requireDataType(type);
    long ttl = soa == null ? ttls.negativeWithoutSoa() : ttls.negative(soa);
    CacheKey key = new CacheKey(name, type, dclass);
    if (ttl == 0) {
      dropStale(key);
      dropStale(key.nxDomainKey());
      return false;
    }
    CacheEntry entry = new CacheEntry.NoData(name, soa, proof, ttl, deadline(ttl), rank, status, originalTtl);
    return clearNxDomain(key, rank) && store(key, entry);
  }

  @Override
  public void invalidate(Name name, int type, int dclass) {
    remove(new CacheKey(requireNonNull(name, "name"), type, dclass));
  }

  @Override
  public void invalidate(Name name) {
    if (!requireNonNull(name, "name").isAbsolute()) {
      throw new IllegalArgumentException("name must be absolute (end in a dot): " + name);
    }
    Name canonical = name.canonicalize();
    removeIf((key, entry) -> key.name().equals(canonical));
  }

  @Override
  public void invalidateNegative() {
    removeIf((key, entry) -> !(entry instanceof CacheEntry.Positive));
  }

  /** Removes and marks each entry that {@code which} picks, unless it was replaced meanwhile. */
  private void removeIf(BiPredicate<CacheKey, CacheEntry> which) {
    cache.asMap().forEach((key, entry) -> {
      if (which.test(key, entry) && cache.asMap().remove(key, entry)) {
        entry.remove();
      }
    });
  }

  /**
   * One key at a time, so each entry is marked as removed: Caffeine's own {@code invalidateAll}
   * tells only the asynchronous removal listener, too late for an {@link EntryRef} holder. An
   * entry written meanwhile may survive, as with Caffeine's, and then it is still stored.
   */
  @Override
  public void invalidateAll() {
    cache.asMap().keySet().forEach(this::remove);
    invalidationListeners.forEach(Runnable::run);
  }

  @Override
  public void addInvalidationListener(Runnable listener) {
    invalidationListeners.add(requireNonNull(listener, "listener"));
  }

  @Override
  public void removeInvalidationListener(Runnable listener) {
    invalidationListeners.remove(listener);
  }

  @Override
  public long maximumBytes() {
    return maximumBytes;
  }

  private void remove(CacheKey key) {
    CacheEntry old = cache.asMap().remove(key);
    if (old != null) {
      old.remove();
    }
  }

  /** Called by Caffeine inside the eviction's atomic step, so the mark is never late. */
  private void evicted(CacheEntry entry, RemovalCause cause) {
    entry.remove();
    counters.recordEviction(cause);
  }

  @Override
  public void cleanUp() {
    cache.cleanUp();
  }

  @Override
  public CacheStats stats() {
    long bytes = cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    return counters.snapshot(cache.estimatedSize(), bytes);
  }

  /**
   * The rank rule (RFC 2181 §5.4.1): the new entry replaces a live one unless the live one ranks
   * higher. Caffeine hands {@code compute} an entry past its stale window as absent, and an entry
   * kept only to be served stale has no rank left to defend, so dead data never blocks.
   *
   * @return whether {@code entry} was stored
   */
  private boolean store(CacheKey key, CacheEntry entry) {
    CacheEntry kept = cache.asMap().compute(key, (k, old) -> {
      if (outranks(old, entry.rank())) {
        return old;
      }
      if (old != null) {
        old.remove(); // inside compute: no reader of the ref sees the new entry stored but the old unmarked
      }
      return entry;
    });
    return kept == entry;
  }

  /** Whether {@code old} is live and ranks higher than {@code rank}, so it stays. */
  private boolean outranks(CacheEntry old, TrustRank rank) {
    return old != null && old.rank().outranks(rank) && old.isLive(ticker.read());
  }

  /**
   * Data or a NODATA at a name proves the name exists, so the name's NXDOMAIN goes, unless it
   * ranks higher than the new data, in which case the new data is refused.
   *
   * @return false when a live, higher-ranked NXDOMAIN stays
   */
  private boolean clearNxDomain(CacheKey key, TrustRank rank) {
    CacheKey nxKey = key.nxDomainKey();
    // Most names have no NXDOMAIN: check without locking or touching Caffeine's policy.
    if (cache.policy().getIfPresentQuietly(nxKey) == null) {
      return true;
    }
    CacheEntry left =
        cache.asMap().computeIfPresent(nxKey, (k, nx) -> {
          if (outranks(nx, rank)) {
            return nx;
          }
          nx.remove();
          return null;
        });
    return left == null;
  }

  /**
   * Drops the entry at {@code key} if it is kept only to be served stale: an answer that may not
   * be cached (TTL 0) is still newer, and stale data must never be served in its place.
   */
  private void dropStale(CacheKey key) {
    if (staleWindowNanos == 0 || cache.policy().getIfPresentQuietly(key) == null) {
      return;
    }
    long now = ticker.read();
    cache.asMap().computeIfPresent(key, (k, old) -> {
      if (old.isLive(now)) {
        return old;
      }
      old.remove();
      return null;
    });
  }

  private long deadline(long ttlSeconds) {
    return ticker.read() + ttlSeconds * CacheEntry.NANOS_PER_SECOND;
  }

  private static int requireDataType(int type) {
    if (!Type.isRR(type)) {
      throw new IllegalArgumentException(
          "cannot cache data of the meta type " + Type.string(type));
    }
    return type;
  }
}
