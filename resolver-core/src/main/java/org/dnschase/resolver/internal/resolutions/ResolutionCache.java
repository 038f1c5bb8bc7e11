package org.dnschase.resolver.internal.resolutions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.EntryRef;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.chase.RuleDiagnostics;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.dnschase.resolver.rules.AliasCheck;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The second level of the cache (DESIGN.md "Cache", Unbound's message cache): finished
 * resolutions by (qname, qtype), each held as references ({@link EntryRef}) to the RRset-cache
 * entries it was built from, so a fully cached chain costs one look-up here instead of several
 * per hop.
 *
 * <p>It lives in resolver-core, not resolver-cache, because what it stores is a {@link Resolution}
 * and its hops, which the cache module knows nothing of; the cache only had to learn to hand out
 * entry references and mark them when it replaces, invalidates or evicts an entry. A hit is valid
 * while every referenced entry is live and still the one stored, so it expires with the chain's
 * shortest TTL and follows every change to those entries exactly. What it cannot see is data
 * newly stored under a key the walk only missed on the way, such as an A RRset at an owner that
 * holds a CNAME (RFC 2181 §10.1 forbids the pair); such data shows once an entry of the chain
 * changes or expires. Hop zones are those found when the chain was first resolved.
 *
 * <p>Stored: answers, NODATA and NXDOMAIN whose every entry is still in the RRset cache with the
 * data used. Not stored: failures, BOGUS data (answered with checking disabled), stale answers,
 * MX and NS answers (their alias-target diagnostics read other entries), ANY and CNAME questions.
 *
 * <p>Bounded by bytes, as a share of the RRset cache's budget ({@link #BUDGET_SHARE}): an entry
 * weighs what it keeps alive when the RRset cache has dropped the data it references ({@link
 * CachedResolution#estimatedBytes()}), so the two caches together never hold more than their
 * budgets, whatever the RRset cache evicts. Emptied by {@link #invalidateAll()}, which the resolver
 * runs whenever the RRset cache is emptied.
 */
public final class ResolutionCache {

  /**
   * The resolution cache may hold a quarter of the RRset cache's byte budget. An entry of a short
   * chain of small records weighs about 700 bytes, so the default budget of 32 MiB keeps some
   * 12,000 of them, about the 10,000 names Unbound's default message cache holds.
   */
  public static final int BUDGET_SHARE = 4;
  /** A sweep makes room down to this share of the bound, so that not every store sweeps. */
  private static final double SWEEP_TARGET = 0.9;

  private final RRsetCache rrsets;
  private final boolean prefetch;
  private final int longChainThreshold;
  private final long maximumBytes;
  /**
   * By name, then a handful of types (an array, rarely longer than A, AAAA and HTTPS): a hit then
   * allocates no key. dnsjava names compare and hash case-insensitively, the hash cached in the
   * name; {@link CachedResolution} checks the spelling. A plain map, not Caffeine, because a hit
   * must cost a few field reads (Caffeine would record every read for its policy): this cache
   * only speeds up the RRset cache, so a cheap bound is enough here (see {@link #makeRoom}).
   */
  private final ConcurrentHashMap<Name, CachedResolution[]> entries = new ConcurrentHashMap<>();
  /** The estimated bytes of the entries held, changed only inside the map's atomic steps. */
  private final AtomicLong weight = new AtomicLong();
  private final ReentrantLock sweeping = new ReentrantLock();
  /** Where the sweep goes on from: the hand of the CLOCK; touched under {@link #sweeping} only. */
  private Iterator<Name> hand = Collections.emptyIterator();
  /** The entries held, changed with {@link #weight}. */
  private final AtomicLong count = new AtomicLong();
  private final ResolverMetrics metrics;

  public ResolutionCache(RRsetCache rrsets, boolean prefetch, int longChainThreshold, ResolverMetrics metrics) {
    this.rrsets = rrsets;
    this.metrics = metrics;
    this.prefetch = prefetch;
    this.longChainThreshold = longChainThreshold;
    this.maximumBytes = rrsets.maximumBytes() / BUDGET_SHARE;
  }

  /** The cached resolution of (name, type) with remaining TTLs, or null to walk. */
  public Resolution lookup(Name name, int type, boolean tracing) {
    CachedResolution entry = find(entries.get(name), type);
    if (entry == null) {
      return null;
    }
    Resolution hit = entry.resolve(name, rrsets.nowNanos(), prefetch, tracing);
    if (hit == null) {
      entries.computeIfPresent(name, (n, all) -> without(all, entry));
    } else {
      entry.markUsed();
      metrics.resolutionCacheHit(hit);
    }
    return hit;
  }

  /** Drops every entry. */
  public void invalidateAll() {
    entries.keySet().forEach(name -> entries.computeIfPresent(name, (n, all) -> without(all, null)));
  }

  /** The estimated bytes held now. */
  public long estimatedBytes() {
    return weight.get();
  }

  /** The entries held now. */
  public long entries() {
    return count.get();
  }

  /** Keeps a finished top-level resolution when every entry it used is still stored as used. */
  public void store(Resolution resolution) {
    CachedResolution.Kind kind = switch (resolution) {
      case Resolution.Answer answer -> CachedResolution.Kind.ANSWER;
      case Resolution.NoData noData -> CachedResolution.Kind.NODATA;
      case Resolution.NxDomain nxDomain -> CachedResolution.Kind.NXDOMAIN;
      case Resolution.Failure failure -> null;
    };
    int qtype = resolution.qtype();
    if (kind == null || resolution.security() == Security.BOGUS
        || AliasCheck.targetRule(qtype).isPresent() || qtype == Type.ANY || qtype == Type.CNAME
        || resolution.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Oddity.STALE_ANSWER)) {
      return;
    }
    EntryRef[] refs = refs(resolution);
    if (refs != null) {
      List<Diagnostic> length = RuleDiagnostics.checkLength(resolution.qname(), resolution.chain().size(),
          longChainThreshold);
      CachedResolution entry =
          new CachedResolution(kind, resolution.qname(), qtype, resolution.chain(), refs, length,
              resolution.security());
      if (entry.estimatedBytes() > maximumBytes) {
        return;
      }
      makeRoom(entry.estimatedBytes());
      entries.compute(resolution.qname(), (name, all) -> with(all, entry));
    }
  }

  private static CachedResolution find(CachedResolution[] all, int type) {
    if (all != null) {
      for (CachedResolution entry : all) {
        if (entry.qtype() == type) {
          return entry;
        }
      }
    }
    return null;
  }

  /** A copy with {@code entry} in place of the one of its type, if any; called inside the map's step. */
  private CachedResolution[] with(CachedResolution[] all, CachedResolution entry) {
    CachedResolution old = find(all, entry.qtype());
    CachedResolution[] kept = old == null ? all : without(all, old);
    CachedResolution[] grown = kept == null ? new CachedResolution[1] : Arrays.copyOf(kept, kept.length + 1);
    grown[grown.length - 1] = entry;
    weight.addAndGet(entry.estimatedBytes());
    count.incrementAndGet();
    return grown;
  }

  /**
   * A copy without {@code entry} (without every entry when it is null); null, which removes the
   * name, when nothing is left. Called inside the map's step, so the weight follows exactly.
   */
  private CachedResolution[] without(CachedResolution[] all, CachedResolution entry) {
    List<CachedResolution> kept = new ArrayList<>(all.length);
    for (CachedResolution one : all) {
      if (entry == null || one == entry) {
        weight.addAndGet(-one.estimatedBytes());
        count.decrementAndGet();
      } else {
        kept.add(one);
      }
    }
    return kept.isEmpty() ? null : kept.toArray(CachedResolution[]::new);
  }

  /**
   * Makes room for {@code bytes} more: past the bound, a CLOCK sweep (second chance) drops the
   * names none of whose entries was hit since the hand last passed, clearing the marks of the
   * others, until the entries fit in {@link #SWEEP_TARGET} of the bound. Recency costs a hit one
   * plain write the first time; a dropped chain is rebuilt by one walk over the RRset cache. One
   * thread sweeps at a time; the others store meanwhile and may overshoot the bound by their
   * entries until the sweep catches up.
   */
  private void makeRoom(long bytes) {
    if (weight.get() + bytes <= maximumBytes || !sweeping.tryLock()) {
      return;
    }
    try {
      long target = (long) (maximumBytes * SWEEP_TARGET) - bytes;
      // two turns of the hand at most: after the first, every mark is cleared
      for (int seen = 0, limit = 2 * entries.size() + 1; weight.get() > target && seen < limit; seen++) {
        if (!hand.hasNext()) {
          hand = entries.keySet().iterator();
          if (!hand.hasNext()) {
            return;
          }
        }
        entries.computeIfPresent(hand.next(), (name, all) -> {
          boolean used = false;
          for (CachedResolution entry : all) {
            used |= entry.takeUsed();
          }
          return used ? all : without(all, null);
        });
      }
    } finally {
      sweeping.unlock();
    }
  }

  /** The entries behind each hop and the final data, or null if one is not stored as used. */
  private EntryRef[] refs(Resolution resolution) {
    List<Hop> chain = resolution.chain();
    EntryRef[] refs = new EntryRef[chain.size() + 1];
    long now = rrsets.nowNanos();
    for (int i = 0; i < chain.size(); i++) {
      Hop hop = chain.get(i);
      Name owner = hop.kind() == Hop.Kind.DNAME ? hop.record().getName() : hop.owner();
      int type = switch (hop.kind()) {
        case CNAME -> Type.CNAME;
        case DNAME -> Type.DNAME;
        case SERVICE_ALIAS -> resolution.qtype();
      };
      refs[i] = rrsets.entryRef(owner, type, DClass.IN);
      if (refs[i] == null || !(refs[i].answerAt(now) instanceof CacheLookup.Hit hit)
          || !hit.rrset().first().equals(hop.record())) {
        return null;
      }
    }
    EntryRef last = rrsets.entryRef(resolution.finalName(), resolution.qtype(), DClass.IN);
    CacheLookup stored = last == null ? null : last.answerAt(now);
    refs[chain.size()] = last;
    return stored != null && sameFinal(resolution, stored) ? refs : null;
  }

  /** Whether the cache holds the final data or negative answer the resolution ended with. */
  private static boolean sameFinal(Resolution resolution, CacheLookup stored) {
    return switch (resolution) {
      case Resolution.Answer answer -> stored instanceof CacheLookup.Hit hit
          && hit.rrset().rrs(false).equals(answer.rrset().rrs(false));
      case Resolution.Negative negative -> stored instanceof CacheLookup.NegativeHit hit
          && hit.kind() == (negative instanceof Resolution.NxDomain ? CacheLookup.NegativeHit.Kind.NXDOMAIN
              : CacheLookup.NegativeHit.Kind.NODATA)
          && Objects.equals(hit.soa(), negative.soa());
      case Resolution.Failure failure -> false;
    };
  }
}
