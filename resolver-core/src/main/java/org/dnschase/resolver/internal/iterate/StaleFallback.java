package org.dnschase.resolver.internal.iterate;

import java.util.EnumSet;
import java.util.Set;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.TraceEvent;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;

/**
 * {@link QueryState#SERVE_STALE}, RFC 8767: a resolution that could not get an answer from any server ends with the
 * data the cache kept past its TTL for the final name, at TTL 30 s, with a {@link
 * Diagnostic.Oddity#STALE_ANSWER} saying so. Whether such data exists is the cache's business: only
 * a cache built with {@code serveStale} keeps it. Fresh data never gets here, since INIT answers
 * from it before any server is asked.
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

  StaleFallback(RRsetCache cache) {
    this.cache = cache;
  }

  /**
   * Replaces the failed outcome of a user's resolution by stale data, when the cache has some.
   * Name-server look-ups (depth above 0) keep their failure: their parent goes on to other servers.
   * Prefetch refreshes and primings keep theirs too: nobody reads them, and counting them would
   * inflate the stale answers served.
   */
  Step handle(Query q) {
    if (q.outcome() instanceof Outcome.Failed failed) {
      Outcome stale = instead(q, q.name(), failed);
      if (stale != failed) {
        return q.finishStale(stale);
      }
    }
    return new Step.Next(QueryState.FINISHED);
  }

  /**
   * The stale data for {@code name} that stands in for {@code failed}, or {@code failed} itself
   * when it may not or cannot be replaced.
   */
  Outcome instead(Query q, Name name, Outcome.Failed failed) {
    if (q.depth() > 0 || q.isBackground() || !UPSTREAM_FAILURES.contains(failed.reason())) {
      return failed;
    }
    return switch (cache.lookupStale(name, q.qtype(), DClass.IN)) {
      case CacheLookup.Hit hit -> {
        q.noteVerdict(Verdict.ofCached(hit.status()));
        yield serve(q, name, failed, new Outcome.Data(hit.rrset(), Hop.Source.CACHE), hit.rrset().size() + " record(s)");
      }
      case CacheLookup.NegativeHit negative -> {
        q.noteVerdict(Verdict.ofCached(negative.status()));
        yield serve(q, name, failed, Outcome.Negative.fromCache(negative), negative.kind().toString());
      }
      case CacheLookup.Miss miss -> failed;
    };
  }

  private static Outcome serve(Query q, Name name, Outcome.Failed failed, Outcome stale, String what) {
    q.journal().report(new Diagnostic(Diagnostic.Oddity.STALE_ANSWER, name, "answered " + what
        + " from expired cache data with TTL " + RRsetCache.STALE_TTL.toSeconds() + " s (RFC 8767)"
        + " because the resolution failed: " + failed.reason() + ", " + failed.detail()));
    q.journal().trace(new TraceEvent.CacheHit(name, q.qtype(), "stale " + what));
    return stale;
  }
}
