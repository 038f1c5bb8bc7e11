package org.dnschase.resolver.internal.iterate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.TraceEvent;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.EntryRef;
import org.dnschase.resolver.internal.message.RRsets;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.SOARecord;

/**
 * One entry of the {@link ResolutionCache}: a finished resolution as references to the RRset-cache
 * entries it was built from, one per hop and one for the final data or negative answer.
 *
 * <p>The resolution handed out is rebuilt from those entries, so its TTLs are the remaining ones,
 * exactly as the hop-by-hop walk would read them. Rebuilding costs a copy per entry, so the last
 * one is kept with the remaining seconds it was built at, and reused while none has moved on: at
 * most one rebuild a second, and a hit in between only reads each entry's deadline and mark.
 */
final class CachedResolution {

  /** Which public kind of resolution to rebuild. */
  enum Kind { ANSWER, NODATA, NXDOMAIN }

  /** The last rebuild: hops and final data with the remaining seconds of each entry they show. */
  private record Snapshot(long[] seconds, List<Hop> hops, Object data, Duration ttl) {}

  private final Kind kind;
  private final Name qname;
  private final int qtype;
  /** Whether {@code qname} is in lower case, so another spelling can be told apart by one scan. */
  private final boolean lowerCase;
  /** The hops as first resolved: owners, targets and zones are kept, TTLs and records re-read. */
  private final List<Hop> template;
  /** One per hop, then the final entry. */
  private final EntryRef[] refs;
  private final List<Diagnostic> diagnostics;
  private volatile Snapshot snapshot;

  CachedResolution(Kind kind, Name qname, int qtype, List<Hop> template, EntryRef[] refs,
      List<Diagnostic> diagnostics) {
    this.kind = kind;
    this.qname = qname;
    this.qtype = qtype;
    this.lowerCase = qname.canonicalize() == qname;
    this.template = List.copyOf(template);
    this.refs = refs;
    this.diagnostics = List.copyOf(diagnostics);
  }

  int qtype() {
    return qtype;
  }

  /**
   * The resolution of {@code name} rebuilt at {@code nowNanos}, or null when the walk must run
   * instead: an entry expired or is no longer stored, one is due for a prefetch (the walk starts
   * it), or {@code name} is spelt otherwise than the name resolved (the chain's first owner, and
   * names a DNAME rewrote, keep the spelling asked for).
   */
  Resolution resolve(Name name, long nowNanos, boolean prefetch, boolean tracing) {
    if (name != qname && !(lowerCase && name.canonicalize() == name)) {
      return null;
    }
    Snapshot last = snapshot;
    boolean current = last != null;
    for (int i = 0; i < refs.length; i++) {
      long left = refs[i].remainingSeconds(nowNanos);
      if (left < 0 || (prefetch && left * 10 < refs[i].storedTtl())) {
        return null;
      }
      current = current && last.seconds()[i] == left;
    }
    if (!current) {
      last = rebuild(nowNanos);
      if (last == null) {
        return null;
      }
      snapshot = last;
    }
    return resolution(name, last, tracing);
  }

  private Resolution resolution(Name name, Snapshot s, boolean tracing) {
    List<TraceEvent> trace = tracing ? List.of(new TraceEvent.CacheHit(name, qtype,
        "whole resolution from the resolution cache (" + s.hops().size() + " hop(s))")) : List.of();
    return switch (kind) {
      case ANSWER -> new Resolution.Answer(name, qtype, (RRset) s.data(), s.hops(), s.ttl(),
          diagnostics, trace, 0);
      case NODATA -> new Resolution.NoData(name, qtype, (SOARecord) s.data(), s.hops(), s.ttl(),
          diagnostics, trace, 0);
      case NXDOMAIN -> new Resolution.NxDomain(name, qtype, (SOARecord) s.data(), s.hops(), s.ttl(),
          diagnostics, trace, 0);
    };
  }

  /** Reads every entry again, as the walk would; null if one went away meanwhile. */
  private Snapshot rebuild(long nowNanos) {
    long[] seconds = new long[refs.length];
    List<Hop> hops = new ArrayList<>(template.size());
    for (int i = 0; i < template.size(); i++) {
      if (!(refs[i].answerAt(nowNanos) instanceof CacheLookup.Hit hit)) {
        return null;
      }
      Hop first = template.get(i);
      RRset alias = hit.rrset();
      seconds[i] = alias.getTTL();
      hops.add(new Hop(first.owner(), first.kind(), first.target(), Duration.ofSeconds(alias.getTTL()),
          first.zone(), Hop.Source.CACHE, alias.first()));
    }
    int last = template.size();
    Object data;
    long finalTtl;
    switch (refs[last].answerAt(nowNanos)) {
      case CacheLookup.Hit hit -> {
        data = hit.rrset();
        finalTtl = hit.rrset().getTTL();
      }
      case CacheLookup.NegativeHit negative -> {
        data = negative.soa();
        finalTtl = RRsets.negativeTtl(negative.soa());
      }
      case null, default -> {
        return null;
      }
    }
    seconds[last] = refs[last].remainingSeconds(nowNanos);
    List<Hop> chain = List.copyOf(hops);
    return new Snapshot(seconds, chain, data, FinishStep.effectiveTtl(chain, finalTtl));
  }
}
