package org.dnschase.resolver.internal.resolutions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.TraceEvent;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.EntryRef;
import org.dnschase.resolver.internal.chase.Chain;
import org.dnschase.resolver.internal.message.RRsets;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * One entry of the {@link ResolutionCache}: a finished resolution as references to the RRset-cache
 * entries it was built from, one per hop and one for the final data or negative answer.
 *
 * <p>The resolution handed out is rebuilt from those entries, so its TTLs are the remaining ones,
 * exactly as the hop-by-hop walk would read them. Rebuilding costs a copy per entry, so the last
 * one is kept until the first instant at which one of its remaining TTLs (whole seconds) would
 * read lower: at most one rebuild a second, and a hit in between reads the clock once and each
 * entry's stored mark.
 *
 * <p>{@link #estimatedBytes()} is what the entry keeps alive, counted as if the RRset cache had
 * dropped every entry it references: the copies in its last rebuild then hold the records on
 * their own, while the references themselves keep only shells ({@link EntryRef}).
 */
public final class CachedResolution {

  /**
   * What an entry costs besides its names and data, from the layout of its objects (64-bit JVM,
   * compressed pointers): this object, its reference array, the snapshot with its resolution,
   * hop list and {@code Duration}, the final RRset copy, the resolution cache's map node and array.
   */
  static final int ENTRY_BYTES = 360;
  /**
   * What each hop adds besides its names and record: the template's shape, the rebuilt {@code Hop}
   * and its {@code Duration}, the shell of the referenced entry, two list slots.
   */
  static final int HOP_BYTES = 160;
  /** A {@code Name} object and its array's header; plus its wire length. */
  static final int NAME_BYTES = 48;
  /** A diagnostic with its message. */
  static final int DIAGNOSTIC_BYTES = 200;

  /** Which public kind of resolution to rebuild. */
  enum Kind { ANSWER, NODATA, NXDOMAIN }

  /**
   * The last rebuild: hops, final data (a hit or a negative hit) and proof, right until {@code
   * staleAtNanos}, when an entry's remaining TTL drops a second (or it expires); {@code
   * prefetchDue} when an entry it shows is
   * in the last 10% of its TTL, where the walk would start a prefetch; {@code untraced} the
   * resolution built from them, which every hit without a trace shares (outcomes are immutable).
   */
  private record Snapshot(long staleAtNanos, boolean prefetchDue, List<Hop> hops, Object data, List<Record> proof,
      Duration ttl, Resolution untraced) {}

  /** What a hop keeps of the chain first resolved: its names and kind; TTL and record are re-read. */
  private record Shape(Name owner, Hop.Kind kind, Name target, Name zone) {}

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Kind kind;
  private final Name qname;
  private final int qtype;
  /** Whether {@code qname} is in lower case, so another spelling can be told apart by one scan. */
  private final boolean lowerCase;
  /** The hops as first resolved. */
  private final Shape[] template;
  /** One per hop, then the final entry. */
  private final EntryRef[] refs;
  private final List<Diagnostic> diagnostics;
  /** The DNSSEC status the resolution was stored with, kept so a hit answers with it. */
  private final Security security;
  private final long estimatedBytes;
  private volatile Snapshot snapshot;
  /** Set by a hit, cleared by the resolution cache's sweep: the second chance of a CLOCK. */
  private boolean used;

  CachedResolution(Kind kind, Name qname, int qtype, List<Hop> chain, EntryRef[] refs,
      List<Diagnostic> diagnostics, Security security) {
    this.security = security;
    this.kind = kind;
    this.qname = qname;
    this.qtype = qtype;
    this.lowerCase = qname.canonicalize() == qname;
    this.template = chain.stream().map(hop -> new Shape(hop.owner(), hop.kind(), hop.target(), hop.zone()))
        .toArray(Shape[]::new);
    this.refs = refs;
    this.diagnostics = List.copyOf(diagnostics);
    this.estimatedBytes = weigh();
  }

  private long weigh() {
    long bytes = ENTRY_BYTES + nameBytes(qname) + (long) DIAGNOSTIC_BYTES * diagnostics.size();
    for (Shape hop : template) {
      bytes += HOP_BYTES + nameBytes(hop.owner()) + nameBytes(hop.target()) + nameBytes(hop.zone());
    }
    for (EntryRef ref : refs) {
      bytes += ref.dataBytes();
    }
    return bytes;
  }

  private static long nameBytes(Name name) {
    return NAME_BYTES + name.length();
  }

  int qtype() {
    return qtype;
  }

  /** The heap this entry keeps alive, estimated once when it is made; see the class comment. */
  long estimatedBytes() {
    return estimatedBytes;
  }

  /** Records a hit, for the sweep; a plain write, and only the first time between two sweeps. */
  void markUsed() {
    if (!used) {
      used = true;
    }
  }

  /** Whether a hit came since the last call: clears the mark, so the entry must earn it again. */
  boolean takeUsed() {
    boolean was = used;
    used = false;
    return was;
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
    if (last == null || nowNanos - last.staleAtNanos() >= 0) {
      last = rebuild(nowNanos);
      if (last == null) {
        return null;
      }
      snapshot = last;
    }
    // after the rebuild too: an entry replaced since it was read must not be served
    for (EntryRef ref : refs) {
      if (!ref.stored()) {
        return null;
      }
    }
    if (prefetch && last.prefetchDue()) {
      return null;
    }
    return tracing ? resolution(name, last.hops(), last.data(), last.proof(), last.ttl(), List.of(new TraceEvent.CacheHit(name,
        qtype, "whole resolution from the resolution cache (" + last.hops().size() + " hop(s))")))
        : last.untraced();
  }

  private Resolution resolution(Name name, List<Hop> hops, Object data, List<Record> proof, Duration ttl,
      List<TraceEvent> trace) {
    if (kind == Kind.ANSWER) {
      return new Resolution.Answer(name, qtype, ((CacheLookup.Hit) data).rrset(), hops, ttl, diagnostics, trace, 0,
          security, proof, false);
    }
    CacheLookup.NegativeHit negative = (CacheLookup.NegativeHit) data;
    Resolution.Negative.Authority authority = new Resolution.Negative.Authority(negative.soa(), List.of(),
        Duration.ofSeconds(RRsets.negativeTtl(negative.soa())), proof);
    return kind == Kind.NODATA
        ? new Resolution.NoData(name, qtype, authority, hops, ttl, diagnostics, trace, 0, security, false)
        : new Resolution.NxDomain(name, qtype, authority, hops, ttl, diagnostics, trace, 0, security, false);
  }

  /** Reads every entry again, as the walk would; null if one expired or went away. */
  private Snapshot rebuild(long nowNanos) {
    long staleAt = Long.MAX_VALUE;
    boolean prefetchDue = false;
    for (EntryRef ref : refs) {
      long left = ref.remainingSeconds(nowNanos);
      if (left < 0) {
        return null;
      }
      // the remaining TTL reads `left` while more than left - 1 seconds are left: until this instant
      staleAt = Math.min(staleAt, ref.expiresAtNanos() - (left - 1) * NANOS_PER_SECOND);
      prefetchDue |= left * CacheLookup.PREFETCH_DUE_DIVISOR <= ref.storedTtl();
    }
    List<Hop> hops = new ArrayList<>(template.length);
    // the proofs of wildcard-expanded hops, then the final one's, each record once, as the walk gives them
    Set<Record> proof = new LinkedHashSet<>();
    for (int i = 0; i < template.length; i++) {
      if (!(refs[i].answerAt(nowNanos) instanceof CacheLookup.Hit hit)) {
        return null;
      }
      proof.addAll(hit.proof());
      Shape first = template[i];
      hops.add(new Hop(first.owner(), first.kind(), first.target(), Duration.ofSeconds(hit.rrset().getTTL()),
          first.zone(), Hop.Source.CACHE, hit.rrset().first(), hit.rrset().sigs()));
    }
    int last = template.length;
    Object data;
    long finalTtl;
    switch (refs[last].answerAt(nowNanos)) {
      case CacheLookup.Hit hit -> {
        data = hit;
        finalTtl = hit.rrset().getTTL();
        proof.addAll(hit.proof());
      }
      case CacheLookup.NegativeHit negative -> {
        data = negative;
        finalTtl = RRsets.negativeTtl(negative.soa());
        proof.addAll(negative.proof());
      }
      case null, default -> {
        return null;
      }
    }
    List<Hop> chain = List.copyOf(hops);
    Duration ttl = Chain.effectiveTtl(chain, finalTtl);
    List<Record> proven = List.copyOf(proof);
    return new Snapshot(staleAt, prefetchDue, chain, data, proven, ttl,
        resolution(qname, chain, data, proven, ttl, List.of()));
  }
}
