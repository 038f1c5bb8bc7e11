package org.dnschase.resolver.internal.iterate;

import java.util.List;
import java.util.Optional;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.TraceEvent;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.internal.dnssec.TrustAnchors;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.dnssec.denial.Denial;
import org.dnschase.resolver.internal.dnssec.denial.DenialRanges;
import org.dnschase.resolver.internal.message.RRsets;
import org.dnschase.resolver.internal.resolutions.Prefetcher;
import org.dnschase.resolver.internal.servers.ConfiguredZones;
import org.dnschase.resolver.internal.servers.ZoneCuts;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * {@link QueryState#INIT}: the cache first, at every hop (data, negative answers, aliases); then
 * a failure remembered or stale data ({@link StaleFallback#beforeWalk}); then the closest zone
 * cut, a configured zone's or the cache's.
 */
final class InitStep {

  private final ResolverContext context;
  private final Prefetcher prefetcher;
  private final StaleFallback staleFallback;

  InitStep(ResolverContext context, Prefetcher prefetcher, StaleFallback staleFallback) {
    this.context = context;
    this.prefetcher = prefetcher;
    this.staleFallback = staleFallback;
  }

  Step handle(Query q) {
    if (q.budget().pastDeadline()) {
      return q.fail(FailureReason.TIMEOUT, "deadline of " + q.budget().limits().deadline() + " passed");
    }
    CacheLookup cached = context.zones.cached(q.name()) && context.cacheAnswers(q)
        ? context.cache.lookup(q.name(), q.qtype(), DClass.IN) : CacheLookup.Miss.INSTANCE;
    switch (cached) {
      // RFC 2181 §5.4.1: glue and a referral's NS set answer no user's question (the zone's servers
      // are asked); they still give a name-server look-up its addresses and the walk its cut.
      case CacheLookup.Hit hit when !hit.rank().answers() && q.depth() == 0 -> { }
      case CacheLookup.Hit hit -> {
        if (q.journal().tracing()) { // the detail text costs more than the look-up
          q.journal().trace(new TraceEvent.CacheHit(q.name(), q.qtype(), hit.rrset().size() + " record(s)"));
        }
        prefetchUnlessCacheOnly(q, hit);
        q.validation().note(Verdict.ofCached(hit.status()));
        return q.finish(new Outcome.Data(hit.rrset(), Hop.Source.CACHE, hit.proof()));
      }
      case CacheLookup.NegativeHit negative -> {
        if (q.journal().tracing()) { // the detail text costs more than the look-up
          q.journal().trace(new TraceEvent.CacheHit(q.name(), q.qtype(), negative.kind().toString()));
        }
        q.validation().note(Verdict.ofCached(negative.status()));
        return q.finish(Outcome.Negative.fromCache(negative));
      }
      case CacheLookup.Miss miss -> { }
    }
    Step alias = cachedAliasFor(q);
    if (alias != null) {
      return alias;
    }
    Step nothingBelow = cachedNxDomainAbove(q);
    if (nothingBelow != null) {
      return nothingBelow;
    }
    Step provenAbsent = provenByCachedRange(q);
    if (provenAbsent != null) {
      return provenAbsent;
    }
    Step stale = staleFallback.beforeWalk(q);
    if (stale != null) {
      return stale;
    }
    // RFC 4035 §3.1.4.1: a zone's DS RRset lives in its parent, whose servers are asked for it
    Name walked = q.qtype() == Type.DS && q.name().labels() > 1 ? new Name(q.name(), 1) : q.name();
    return q.walkFrom(context.zones.closestCut(context.cache, walked));
  }

  /** A hit due for a refresh starts one, unless the question may send nothing upstream. */
  private void prefetchUnlessCacheOnly(Query q, CacheLookup.Hit hit) {
    if (!q.options().cacheOnly()) {
      prefetcher.onHit(q.name(), q.qtype(), hit, q.afterAnswer()::add);
    }
  }

  /**
   * RFC 8020 §2: an NXDOMAIN for an ancestor means nothing exists below it either, so a cached one
   * answers the name without a query. Not across a configured zone below that ancestor: a stub or
   * forward zone's names are its servers' to answer, whatever the public tree says of its parent.
   * Null when no ancestor is known not to exist.
   */
  private Step cachedNxDomainAbove(Query q) {
    for (int strip = 1; strip < q.name().labels() - 1; strip++) {
      Name ancestor = new Name(q.name(), strip);
      if (context.cache.lookup(ancestor, Type.ANY, DClass.IN) instanceof CacheLookup.NegativeHit negative
          && negative.kind() == CacheLookup.NegativeHit.Kind.NXDOMAIN) {
        if (context.zones.deepestAtOrAbove(q.name()) instanceof ConfiguredZones.Zone zone
            && !zone.name().equals(ancestor) && zone.name().subdomain(ancestor)) {
          return null;
        }
        if (q.journal().tracing()) { // the detail text costs more than the look-up
          q.journal().trace(new TraceEvent.CacheHit(ancestor, Type.ANY, "NXDOMAIN, so " + q.name() + " cannot exist"));
        }
        // RFC 7646 §2: what the ancestor proves is not validated for a name under a negative trust anchor
        q.validation().note(negativelyAnchored(q) ? Verdict.INSECURE : Verdict.ofCached(negative.status()));
        return q.finish(Outcome.Negative.fromCache(negative));
      }
    }
    return null;
  }

  /** Whether validation is off for {@code q}'s name: a negative trust anchor at or above it (RFC 7646). */
  private boolean negativelyAnchored(Query q) {
    if (!context.validating()) {
      return false;
    }
    TrustAnchors anchors = context.keys.anchors();
    return anchors.negativelyAnchored(q.name(), anchors.closest(q.name()));
  }

  /**
   * RFC 8198: a validated NSEC or NSEC3 range that proves the name absent, or without the type,
   * answers without a query, SECURE; one that proves it absent where a validated wildcard would
   * answer for it gives the wildcard's data expanded at the name (§5.3), an alias followed as any
   * other. Not for a question that disabled checking, whose asker wants
   * what the servers say, nor when aggressive use is turned off, nor for a name under a negative
   * trust anchor (RFC 7646), which is not validated: only a validating resolver answers from
   * validated ranges (RFC 8198 §4). Null when no remembered range proves it.
   */
  private Step provenByCachedRange(Query q) {
    if (context.denialRanges == null || q.options().checkingDisabled()) {
      return null;
    }
    if (negativelyAnchored(q)) {
      return null;
    }
    DenialRanges.Synthesis synthesis = context.denialRanges.lookup(q.name(), q.qtype());
    if (synthesis == null) {
      return null;
    }
    if (q.journal().tracing()) { // the detail text costs more than the look-up
      q.journal().trace(new TraceEvent.CacheHit(q.name(), q.qtype(), "proven by cached NSEC/NSEC3: "
          + synthesis.denial()));
    }
    q.validation().note(Verdict.SECURE);
    RRset expanded = synthesis.answer();
    if (expanded == null) {
      return q.finish(new Outcome.Negative(synthesis.denial() instanceof Denial.NxDomain, synthesis.soa(), List.of(),
          synthesis.proof()));
    }
    if (expanded.getType() == Type.CNAME && q.qtype() != Type.CNAME) {
      q.validation().noteHopProof(synthesis.proof());
      return q.restart(Hops.cname(q.name(), expanded, ZoneCuts.enclosingZone(context.cache, q.name()),
          Hop.Source.CACHE));
    }
    return q.finish(new Outcome.Data(expanded, Hop.Source.CACHE, synthesis.proof()));
  }

  /**
   * A cached CNAME at the name, or a cached DNAME at one of its ancestors (which answers every
   * name below its owner, RFC 6672 §2.2), as the next hop; null when the cache holds neither. A
   * CNAME or ANY question is answered by the CNAME a cached DNAME synthesises (RFC 6672 §3.1), after
   * the DNAME hop; a CNAME cached at the name answered it already.
   */
  private Step cachedAliasFor(Query q) {
    // RFC 4035 §3.1.4.1: a DS RRset is the parent side's, which a CNAME at the name (the child
    // side's data) does not answer: the parent's servers are asked (as Unbound's cache does). An
    // ANY question is not chased either: the CNAME answers it (RFC 1034 §4.3.2 step 3a), and as the
    // cache cannot tell which other RRsets the name owns, the name's servers are asked
    if (q.qtype() != Type.DS && q.qtype() != Type.CNAME && q.qtype() != Type.ANY
        && context.cache.lookup(q.name(), Type.CNAME, DClass.IN) instanceof CacheLookup.Hit cname) {
      if (q.journal().tracing()) { // the detail text costs more than the look-up
        q.journal().trace(new TraceEvent.CacheHit(q.name(), Type.CNAME, "alias for " + RRsets.cnameTarget(cname.rrset())));
      }
      prefetchUnlessCacheOnly(q, cname);
      q.validation().note(Verdict.ofCached(cname.status()));
      q.validation().noteHopProof(cname.proof());
      return q.restart(Hops.cname(q.name(), cname.rrset(), ZoneCuts.enclosingZone(context.cache, q.name()),
          Hop.Source.CACHE));
    }
    for (int strip = 1; strip < q.name().labels(); strip++) {
      Name owner = new Name(q.name(), strip);
      if (context.cache.lookup(owner, Type.DNAME, DClass.IN) instanceof CacheLookup.Hit dname) {
        if (q.journal().tracing()) { // the detail text costs more than the look-up
          q.journal().trace(new TraceEvent.CacheHit(owner, Type.DNAME, "rewrites " + q.name()));
        }
        q.validation().note(Verdict.ofCached(dname.status()));
        Optional<Hop> hop = Hops.dname(q.name(), dname.rrset(), ZoneCuts.enclosingZone(context.cache, owner),
            Hop.Source.CACHE);
        if (hop.isEmpty()) {
          return q.failTooLong(dname.rrset());
        }
        return ReplyChase.answeredBySynthesis(q.qtype()) ? ReplyChase.answerWithSynthesis(q, hop.get(), Hop.Source.CACHE)
            : q.restart(hop.get());
      }
    }
    return null;
  }
}
