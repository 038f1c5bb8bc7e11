package org.dnschase.resolver.internal.iterate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.TraceEvent;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.message.RRsets;
import org.dnschase.resolver.internal.servers.RecentFailures;
import org.dnschase.resolver.internal.servers.ZoneCuts;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Serve-stale (RFC 8767): when the data a question needs has expired and the cache still keeps it
 * ({@code serveStale}), the question may be answered from it, with a {@link
 * Diagnostic.Oddity#STALE_ANSWER} saying so. When, is the resolver's stale answer timeout (RFC 8767
 * §4's client response timer):
 *
 * <ul>
 *   <li>zero: at once, before any server is asked; the data is refreshed in the background after
 *       the answer (Unbound's {@code serve-expired-client-timeout: 0});
 *   <li>otherwise once that long has passed with the resolution still at work (its work goes on,
 *       and what it finds lands in the cache), and in any case when upstream failed ({@link
 *       QueryState#SERVE_STALE}).
 * </ul>
 *
 * <p>A question whose servers failed is remembered as failed for {@link Defaults#FAILURE_TTL} (RFC
 * 9520 §3.2); meanwhile it is answered stale at once without a refresh (RFC 8767 §4's failure
 * recheck), or fails again, asking nobody. Only top-level questions take part: a name-server
 * look-up keeps its failure, for its parent goes on to other servers.
 */
final class StaleFallback {

  /**
   * The failures that mean "upstream did not answer" (RFC 8767 §4: servers unreachable or too
   * slow). The others (loops, hop and query limits, YXDOMAIN) are about the data or our limits;
   * old data would only hide them.
   */
  private static final Set<FailureReason> UPSTREAM_FAILURES =
      EnumSet.of(FailureReason.ALL_SERVERS_FAILED, FailureReason.TIMEOUT);

  private final RRsetCache cache;
  private final RecentFailures recentFailures;
  private final long answerTimeoutNanos;
  /** Whether answers are forgotten before their data expires (a message cache). */
  private final boolean messageCache;
  /** Starts a background refresh of (name, type) from INIT, one at a time per question. */
  private final BiConsumer<Name, Integer> refresh;

  StaleFallback(ResolverContext context, BiConsumer<Name, Integer> refresh) {
    this.cache = context.cache;
    this.recentFailures = context.recentFailures;
    this.answerTimeoutNanos = context.config.staleAnswerTimeout().toNanos();
    this.messageCache = context.messages != null;
    this.refresh = refresh;
  }

  /**
   * {@link QueryState#SERVE_STALE}: a top-level question that got no answer upstream is remembered
   * as failed, and a user's is answered from stale data, when the cache has some. Prefetch
   * refreshes and primings keep their failure: nobody reads them, and counting them would inflate
   * the stale answers served.
   */
  Step handle(Query q) {
    if (q.outcome() instanceof Outcome.Failed failed) {
      if (q.depth() == 0 && UPSTREAM_FAILURES.contains(failed.reason())) {
        recentFailures.remember(List.of(q.name()), q.qtype(), failed.reason(), failed.detail());
      }
      Outcome stale = instead(q, q.name(), failed);
      if (stale != failed) {
        return q.finishFinal(stale);
      }
      Step alias = staleAlias(q, failed);
      if (alias != null) {
        return alias;
      }
    }
    return new Step.Next(QueryState.FINISHED);
  }

  /**
   * RFC 8767 §4 for a name that is an alias: its expired CNAME, which the cache still keeps, is
   * followed as a live one is, and the target answered from what its own walk finds, stale data
   * in turn when its servers fail too. Null when the question may not be answered stale, or the
   * cache keeps no CNAME at the name; a CNAME, DS or ANY question is not chased, its own stale data
   * answers it.
   */
  private Step staleAlias(Query q, Outcome.Failed failed) {
    if (q.depth() > 0 || q.isBackground() || !UPSTREAM_FAILURES.contains(failed.reason()) || !chased(q.qtype())
        || !(cache.lookupStale(q.name(), Type.CNAME, DClass.IN) instanceof CacheLookup.Hit cname)) {
      return null;
    }
    q.validation().note(Verdict.ofCached(cname.status()));
    report(q, q.name(), Type.CNAME, "the resolution failed: " + failed.reason() + ", " + failed.detail(),
        "an alias for " + RRsets.cnameTarget(cname.rrset()), cname.rrset().getTTL());
    return q.restart(Hops.cname(q.name(), cname.rrset(), ZoneCuts.enclosingZone(cache, q.name()), Hop.Source.CACHE));
  }

  /**
   * What INIT does before it walks for a question the cache has no live answer for: the failure
   * remembered for it, or its stale data in place of that failure, or its stale data at once when
   * the answer timeout is zero (with a refresh after the answer); null when the walk goes on.
   */
  Step beforeWalk(Query q) {
    if (q.depth() > 0 || q.isBackground()) {
      return null;
    }
    Optional<RecentFailures.Failure> failure = recentFailures.recent(q.name(), q.qtype());
    if (failure.isPresent()) {
      Outcome.Failed failed = new Outcome.Failed(failure.get().reason(), "failed less than "
          + Defaults.FAILURE_TTL.toSeconds() + " s ago, not asked again meanwhile (RFC 9520 §3.2): "
          + failure.get().detail());
      Outcome stale = instead(q, q.name(), failed);
      Step alias = stale == failed ? staleAlias(q, failed) : null;
      return alias != null ? alias : q.finishFinal(stale);
    }
    if (answerTimeoutNanos == 0) {
      Outcome stale = stale(q, q.name(), "the stale answer timeout is 0: refreshed after this answer", false);
      if (stale != null) {
        Name name = q.name();
        int type = q.qtype();
        q.afterAnswer().add(() -> refresh.accept(name, type));
        return q.finishFinal(stale);
      }
    }
    return null;
  }

  /** How long a user's resolution waits before its stale data answers it; 0 for at once. */
  long answerTimeoutNanos() {
    return answerTimeoutNanos;
  }

  /**
   * The stale data for {@code name} that stands in for {@code failed}, or {@code failed} itself
   * when it may not or cannot be replaced. The cache hears of the failure first: it may renew the
   * expired data for another stale window ({@link RRsetCache#renewStale}).
   */
  Outcome instead(Query q, Name name, Outcome.Failed failed) {
    if (q.depth() > 0 || q.isBackground() || !UPSTREAM_FAILURES.contains(failed.reason())) {
      return failed;
    }
    cache.renewStale(name, q.qtype(), DClass.IN);
    Outcome stale = stale(q, name, "the resolution failed: " + failed.reason() + ", " + failed.detail(), true);
    return stale != null ? stale : failed;
  }

  /** A stale outcome and the chain to it: the chain so far, then the expired aliases followed. */
  record Along(Outcome outcome, List<Hop> chain) {}

  /**
   * The stale data at the end of {@code chain}, answering a user's question still at work when the
   * answer timeout passed; null when there is none (the resolution goes on waiting).
   */
  Along atAnswerTimeout(Query q, List<Hop> chain) {
    return q.depth() > 0 || q.isBackground() ? null
        : along(q, chain, "no answer came within the stale answer timeout of " + answerTimeoutNanos / 1_000_000
            + " ms (RFC 8767 §4); the resolution goes on and refreshes the cache", false);
  }

  /**
   * What stands in for {@code failed} at the deadline, its timer ending the resolution: the stale
   * data at the end of {@code chain}, or {@code failed} itself (see {@link #instead}).
   */
  Along atDeadline(Query q, List<Hop> chain, Outcome.Failed failed) {
    if (q.depth() > 0 || q.isBackground() || !UPSTREAM_FAILURES.contains(failed.reason())) {
      return new Along(failed, chain);
    }
    cache.renewStale(lastName(q, chain), q.qtype(), DClass.IN);
    Along stale = along(q, chain, "the resolution failed: " + failed.reason() + ", " + failed.detail(), true);
    return stale != null ? stale : new Along(failed, chain);
  }

  /**
   * The stale data for the last name of {@code chain}, or else for the target of the expired CNAME
   * the cache keeps there, and so on, each alias a hop of the chain (as {@link #staleAlias}, for a
   * timer that cannot walk on); null when none ends in stale data within the hop limit.
   */
  private Along along(Query q, List<Hop> chain, String why, boolean upstreamFailed) {
    List<Hop> hops = new ArrayList<>(chain);
    Name name = lastName(q, hops);
    while (true) {
      Outcome stale = stale(q, name, why, upstreamFailed);
      if (stale != null) {
        return new Along(stale, hops);
      }
      if (!chased(q.qtype()) || hops.size() >= q.budget().limits().maxHops()
          || !(cache.lookupStale(name, Type.CNAME, DClass.IN) instanceof CacheLookup.Hit cname)) {
        return null;
      }
      Hop alias = Hops.cname(name, cname.rrset(), ZoneCuts.enclosingZone(cache, name), Hop.Source.CACHE);
      if (alias.target().equals(q.qname()) || hops.stream().anyMatch(hop -> hop.target().equals(alias.target()))) {
        return null; // a loop
      }
      q.validation().note(Verdict.ofCached(cname.status()));
      report(q, name, Type.CNAME, why, "an alias for " + alias.target(), cname.rrset().getTTL());
      hops.add(alias);
      name = alias.target();
    }
  }

  private static Name lastName(Query q, List<Hop> chain) {
    return chain.isEmpty() ? q.qname() : chain.get(chain.size() - 1).target();
  }

  /** Whether a question of {@code qtype} follows a CNAME at its name (see {@link InitStep}). */
  private static boolean chased(int qtype) {
    return qtype != Type.CNAME && qtype != Type.DS && qtype != Type.ANY;
  }

  /**
   * The stale data the cache keeps for (name, the question's type), reported; null if none. After
   * upstream failed, with a message cache, data still live whose answer was forgotten is served so
   * too.
   */
  private Outcome stale(Query q, Name name, String why, boolean upstreamFailed) {
    CacheLookup found = cache.lookupStale(name, q.qtype(), DClass.IN);
    if (found instanceof CacheLookup.Miss && messageCache && upstreamFailed) {
      found = cache.lookup(name, q.qtype(), DClass.IN);
    }
    return switch (found) {
      case CacheLookup.Hit hit -> {
        q.validation().note(Verdict.ofCached(hit.status()));
        report(q, name, q.qtype(), why, hit.rrset().size() + " record(s)", hit.rrset().getTTL());
        yield new Outcome.Data(hit.rrset(), Hop.Source.CACHE, hit.proof());
      }
      case CacheLookup.NegativeHit negative -> {
        q.validation().note(Verdict.ofCached(negative.status()));
        report(q, name, q.qtype(), why, negative.kind().toString(), negative.ttl());
        yield Outcome.Negative.fromCache(negative);
      }
      case CacheLookup.Miss miss -> null;
    };
  }

  private static void report(Query q, Name name, int type, String why, String what, long ttl) {
    q.journal().report(new Diagnostic(Diagnostic.Oddity.STALE_ANSWER, name, "answered " + what
        + " from expired cache data with TTL " + ttl + " s (RFC 8767) because " + why));
    q.journal().trace(new TraceEvent.CacheHit(name, type, "stale " + what));
  }
}
