package org.dnschase.resolver.internal.resolutions;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;

/**
 * Prefetch (Unbound's {@code prefetch}): a cache hit in the last 10% of an entry's TTL starts one
 * background refresh of that (name, type), so names in steady use are fetched again before they
 * expire and never go cold. Hits on the same (name, type) while its refresh runs start nothing:
 * one refresh serves them all.
 *
 * <p>A refresh is a query of its own that starts at the closest zone cut that outlives the data it
 * replaces instead of INIT, which would answer it from the very entry it is to replace. It runs on the hit's thread only up
 * to its first send; the rest happens on the transport's threads, and the resolution that hit
 * never waits for it. Its answer lands in the cache like any other, at the rank the reply earns.
 */
public final class Prefetcher {

  /**
   * Refreshes running at once, at most: each holds a query's state until its reply, so a burst of
   * due hits on distinct names must not start them without end. Further due hits are answered
   * from the cache as usual and start nothing; their names get another chance on a later hit.
   */
  static final int MAX_IN_FLIGHT = 64;

  /**
   * Starts the refresh query of (name, type); completes when it ends. {@code leeway} is the time
   * the data it replaces has left, for a prefetch; null for data that has expired or is fetched
   * ahead of need.
   */
  @FunctionalInterface
  public interface Refresh {
    CompletableFuture<?> start(Name name, int type, Duration leeway);
  }

  private final boolean enabled;
  private final RRsetCache cache;
  private final Refresh refresh;
  private final ResolverMetrics metrics;
  private final Set<Question> inFlight = ConcurrentHashMap.newKeySet();

  /** dnsjava's {@code Name} compares case-insensitively, so two spellings share one refresh. */
  private record Question(Name name, int type) {}

  public Prefetcher(boolean enabled, RRsetCache cache, Refresh refresh, ResolverMetrics metrics) {
    this.enabled = enabled;
    this.metrics = metrics;
    this.cache = cache;
    this.refresh = refresh;
  }

  /**
   * Called for each cache hit that answers (a hop of) the question ({@code name}, {@code type});
   * a refresh due is started through {@code afterAnswer}, which runs it once the question is
   * answered, as Unbound replies first and prefetches after.
   */
  public void onHit(Name name, int type, CacheLookup.Hit hit, Executor afterAnswer) {
    if (enabled && hit.prefetchDue()) {
      afterAnswer.execute(() -> prefetch(name, type, hit));
    }
  }

  /**
   * Refreshes (name, type), whose expired data just answered a question (RFC 8767 §4: the stale
   * data is replaced as soon as upstream answers), or fetches it ahead of need (a zone's keys, once
   * a referral showed its DS): a query that starts at INIT, whatever the prefetch setting. One
   * refresh per question at a time, within {@link #MAX_IN_FLIGHT}.
   */
  public void refreshExpired(Name name, int type) {
    Question question = new Question(name, type);
    if (inFlight.size() >= MAX_IN_FLIGHT) {
      metrics.prefetchSkipped();
      return;
    }
    if (inFlight.add(question)) {
      metrics.prefetchStarted();
      refresh.start(name, type, null).whenComplete((result, error) -> inFlight.remove(question));
    }
  }

  private void prefetch(Name name, int type, CacheLookup.Hit hit) {
    Question question = new Question(name, type);
    if (inFlight.size() >= MAX_IN_FLIGHT) {
      metrics.prefetchSkipped();
      return;
    }
    if (!inFlight.add(question)) {
      return;
    }
    if (!stillDue(hit)) {
      inFlight.remove(question);
      return;
    }
    metrics.prefetchStarted();
    refresh.start(name, type, Duration.ofSeconds(hit.rrset().getTTL())).whenComplete((result, error) -> inFlight.remove(question));
  }

  /**
   * Whether the hit's entry still needs a refresh. A hit read just before a refresh stored its
   * answer can get here after that refresh ended and left {@code inFlight}; looking again (one
   * more cache hit per refresh) keeps it from refreshing fresh data a second time.
   */
  private boolean stillDue(CacheLookup.Hit hit) {
    RRset data = hit.rrset();
    return cache.lookup(data.getName(), data.getType(), data.getDClass())
        instanceof CacheLookup.Hit again && again.prefetchDue();
  }
}
