package org.dnschase.resolver.internal.iterate;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.CacheStats;
import org.dnschase.resolver.cache.EntryRef;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.chase.RuleDiagnostics;
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
 * data used. Not stored: failures, stale answers, MX and NS answers (their alias-target
 * diagnostics read other entries), ANY and CNAME questions.
 */
final class ResolutionCache {

  /**
   * Names kept at most. An entry is a few hundred bytes plus the data of the RRset entries it
   * references, which it keeps reachable after the RRset cache dropped them, until a hit sees the
   * mark or the bound drops it; 10,000 names bound that at a few megabytes.
   */
  static final int MAX_NAMES = 10_000;

  private final RRsetCache rrsets;
  private final boolean prefetch;
  private final int longChainThreshold;
  /**
   * By name, then a handful of types (an array, rarely longer than A, AAAA and HTTPS): a hit then
   * allocates no key. dnsjava names compare and hash case-insensitively, the hash cached in the
   * name; {@link CachedResolution} checks the spelling. A plain map, not Caffeine, because a hit
   * must cost a few field reads: this cache only speeds up the RRset cache, which stays the one
   * that decides what is kept, so a crude bound is enough here (see {@link #makeRoom()}).
   */
  private final ConcurrentHashMap<Name, CachedResolution[]> entries = new ConcurrentHashMap<>();
  private final LongAdder answerHits = new LongAdder();
  private final LongAdder negativeHits = new LongAdder();

  ResolutionCache(RRsetCache rrsets, boolean prefetch, int longChainThreshold) {
    this.rrsets = rrsets;
    this.prefetch = prefetch;
    this.longChainThreshold = longChainThreshold;
  }

  /** The cached resolution of (name, type) with remaining TTLs, or null to walk. */
  Resolution lookup(Name name, int type, boolean tracing) {
    CachedResolution entry = find(entries.get(name), type);
    if (entry == null) {
      return null;
    }
    Resolution hit = entry.resolve(name, rrsets.nowNanos(), prefetch, tracing);
    if (hit == null) {
      entries.computeIfPresent(name, (n, all) -> without(all, entry));
    } else {
      (hit instanceof Resolution.Answer ? answerHits : negativeHits).increment();
    }
    return hit;
  }

  /** The RRset cache's statistics with this cache's hits added, each as the look-up it saved. */
  CacheStats withHits(CacheStats rrsetStats) {
    return rrsetStats.withResolutionHits(answerHits.sum(), negativeHits.sum());
  }

  /** Keeps a finished top-level resolution when every entry it used is still stored as used. */
  void store(Resolution resolution) {
    CachedResolution.Kind kind = switch (resolution) {
      case Resolution.Answer answer -> CachedResolution.Kind.ANSWER;
      case Resolution.NoData noData -> CachedResolution.Kind.NODATA;
      case Resolution.NxDomain nxDomain -> CachedResolution.Kind.NXDOMAIN;
      case Resolution.Failure failure -> null;
    };
    int qtype = resolution.qtype();
    if (kind == null || AliasCheck.targetRule(qtype).isPresent() || qtype == Type.ANY || qtype == Type.CNAME
        || resolution.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Oddity.STALE_ANSWER)) {
      return;
    }
    EntryRef[] refs = refs(resolution);
    if (refs != null) {
      List<Diagnostic> length = RuleDiagnostics.checkLength(resolution.qname(), resolution.chain().size(),
          longChainThreshold);
      CachedResolution entry =
          new CachedResolution(kind, resolution.qname(), qtype, resolution.chain(), refs, length);
      makeRoom();
      entries.merge(resolution.qname(), new CachedResolution[] {entry}, (all, one) -> with(all, entry));
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

  /** A copy with {@code entry} in place of the one of its type, if any. */
  private static CachedResolution[] with(CachedResolution[] all, CachedResolution entry) {
    CachedResolution[] kept = without(all, find(all, entry.qtype()));
    CachedResolution[] grown = kept == null ? new CachedResolution[1] : Arrays.copyOf(kept, kept.length + 1);
    grown[grown.length - 1] = entry;
    return grown;
  }

  /** A copy without {@code entry}; null, which removes the name, when nothing is left. */
  private static CachedResolution[] without(CachedResolution[] all, CachedResolution entry) {
    CachedResolution[] kept = Arrays.stream(all).filter(e -> e != entry).toArray(CachedResolution[]::new);
    return kept.length == 0 ? null : kept;
  }

  /**
   * At the bound, drops a tenth of the names, whichever the map iterates first: no recency is
   * kept, since keeping it would cost every hit; a dropped chain is rebuilt by one walk over the
   * RRset cache.
   */
  private void makeRoom() {
    if (entries.size() < MAX_NAMES) {
      return;
    }
    Iterator<Name> names = entries.keySet().iterator();
    for (int i = 0; i < MAX_NAMES / 10 && names.hasNext(); i++) {
      names.next();
      names.remove();
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
      case Resolution.NoData noData -> stored instanceof CacheLookup.NegativeHit negative
          && negative.kind() == CacheLookup.NegativeHit.Kind.NODATA && Objects.equals(negative.soa(), noData.soa());
      case Resolution.NxDomain nxDomain -> stored instanceof CacheLookup.NegativeHit negative
          && negative.kind() == CacheLookup.NegativeHit.Kind.NXDOMAIN
          && negative.soa().equals(nxDomain.soa());
      case Resolution.Failure failure -> false;
    };
  }
}
