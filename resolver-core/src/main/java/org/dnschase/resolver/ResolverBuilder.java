package org.dnschase.resolver;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.dnssec.Validation;
import org.dnschase.resolver.host.HostsFile;
import org.dnschase.resolver.host.ResolvConf;
import org.dnschase.resolver.host.SearchList;
import org.dnschase.resolver.internal.assembly.ResolverAssembly;
import org.dnschase.resolver.internal.iterate.IterativeResolver;
import org.dnschase.resolver.reply.ReplyPolicy;
import org.dnschase.resolver.zones.AuthZone;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.SpecialUseName;
import org.dnschase.resolver.zones.StubZone;

/**
 * Builds a {@link Resolver}. Every setter checks its argument on the spot and says what is wrong; a setting
 * given twice is an error naming the first value, so conflicting configuration cannot pass unnoticed. Every
 * setting left out takes its value from {@link Defaults}, the one table of defaults.
 *
 * {@snippet class=org.dnschase.resolver.Snippets region=builder}
 */
// How queries reach servers (port, EDNS, which servers, the transport) is set by the public methods
// this class inherits from UpstreamSettings, the one file of that group.
public final class ResolverBuilder extends UpstreamSettings {

  /**
   * What this builder was told, in groups that check each setting and fill in the defaults. A new
   * option is a setter here that hands its argument to its group (see {@link ResolverAssembly}).
   */
  private final ResolverAssembly options;

  ResolverBuilder() {
    this(new ResolverAssembly());
  }

  private ResolverBuilder(ResolverAssembly options) {
    super(options.upstream());
    this.options = options;
  }

  /* ---- where the walk starts and how far it goes ---- */

  /**
   * Where resolution starts; the default is {@link RootHints#iana()}.
   *
   * @param hints the root servers to start from
   * @return this builder
   */
  public ResolverBuilder rootHints(RootHints hints) {
    options.iteration().rootHints(hints);
    return this;
  }

  /**
   * The limits on each resolution's work; the default is {@link Budgets#DEFAULTS}.
   *
   * @param limits the limits
   * @return this builder
   */
  public ResolverBuilder budgets(Budgets limits) {
    options.iteration().budgets(limits);
    return this;
  }

  /**
   * A bound on the resolutions under way at once (Unbound's {@code num-queries-per-thread} and
   * {@code jostle-timeout}): half the slots (rounded up) are held to the end, the others go to a
   * newer question once their resolution has run {@code jostleAfter}. A question without a slot is
   * answered from the cache alone or fails with {@link FailureReason#OVERLOADED}, as does a
   * resolution pushed out; cached answers and questions joining an identical one take no slot.
   * No bound by default.
   *
   * @param resolutions the most resolutions under way, positive
   * @param jostleAfter how long a resolution holds a jostle slot before a newer question may take it, positive
   * @return this builder
   */
  public ResolverBuilder maxResolutionsInFlight(int resolutions, Duration jostleAfter) {
    options.load().maxResolutionsInFlight(resolutions, jostleAfter);
    return this;
  }

  /**
   * QNAME minimisation (RFC 9156), on by default in relaxed mode: servers above the zone of a name
   * see only the labels they need; a server that answers a minimised question with NXDOMAIN or
   * REFUSED is asked the full name instead of being trusted or given up on.
   *
   * @param enabled whether to minimise query names
   * @return this builder
   */
  public ResolverBuilder qnameMinimisation(boolean enabled) {
    options.iteration().qnameMinimisation(enabled);
    return this;
  }

  /**
   * The type of the minimised questions (RFC 9156 §2.1 weighs the two): {@code Type.NS} by
   * default, as Knot Resolver asks (a parent answers it with the plainest referral), or
   * {@code Type.A}, as Unbound asks (servers that mishandle NS questions answer it).
   *
   * @param type {@code Type.NS} or {@code Type.A}
   * @return this builder
   * @throws IllegalArgumentException for any other type
   */
  public ResolverBuilder qnameMinimisationType(int type) {
    options.iteration().minimisedQuestionType(type);
    return this;
  }

  /**
   * Chains with more hops than this are reported as {@link Diagnostic.Oddity#LONG_CHAIN} (default
   * 8); they are still followed up to {@link Budgets#maxHops()}.
   *
   * @param hops the most hops a chain may have without a diagnostic, positive
   * @return this builder
   */
  public ResolverBuilder longChainThreshold(int hops) {
    options.iteration().longChainThreshold(hops);
    return this;
  }

  /**
   * Which special-use names are answered locally, never sent upstream; the default is all of
   * {@link SpecialUseName}. An empty set resolves them all like any other name.
   *
   * @param names the special-use names answered locally
   * @return this builder
   */
  public ResolverBuilder specialUseNames(Set<SpecialUseName> names) {
    options.iteration().specialUseNames(names);
    return this;
  }

  /* ---- the cache and the clock ---- */

  /**
   * The cache to read and fill, which several resolvers may share; the default is a new {@code
   * RRsetCache} on this builder's {@linkplain #timeSource time source}. The resolver takes its time
   * from the cache's, and serves stale data if the cache was built with {@code serveStale}.
   *
   * @param rrsetCache the cache
   * @return this builder
   * @throws IllegalStateException if a time source was set that is not the cache's
   */
  public ResolverBuilder cache(RRsetCache rrsetCache) {
    options.cache().cache(rrsetCache);
    return this;
  }

  /**
   * Serve-stale (RFC 8767), off by default: the default cache keeps data for {@code window} past
   * its TTL, and a question that needs it is answered from it, with TTL 30 s and a {@link
   * Diagnostic.Oddity#STALE_ANSWER} diagnostic, when no server answered in time (see {@link
   * #staleAnswerTimeout}); fresh data is always preferred; {@link Defaults#STALE_WINDOW} is usual.
   *
   * @param window how long past their TTL the default cache keeps data, positive
   * @return this builder
   */
  public ResolverBuilder serveStale(Duration window) {
    options.cache().serveStale(window, Defaults.STALE_TTL);
    return this;
  }

  /**
   * As {@link #serveStale(Duration)}, stale answers carrying {@code answerTtl}, or the data's own
   * TTL where that is shorter (Unbound's {@code serve-expired-reply-ttl}).
   *
   * @param window how long past their TTL the default cache keeps data, positive
   * @param answerTtl the TTL of stale answers, at least 1 second
   * @return this builder
   */
  public ResolverBuilder serveStale(Duration window, Duration answerTtl) {
    options.cache().serveStale(window, answerTtl);
    return this;
  }

  /**
   * How long a question whose expired data is kept to be served stale waits for upstream before it
   * is answered stale (RFC 8767 §4's client response timer, Unbound's {@code
   * serve-expired-client-timeout}); the resolution goes on and refreshes the cache. Zero answers
   * stale at once; a timeout past the deadline answers stale only when upstream failed. A question
   * whose servers all failed is answered stale at once for {@link Defaults#FAILURE_TTL}, asking
   * nobody. Default {@link Defaults#STALE_ANSWER_TIMEOUT}; only for a cache that serves stale.
   *
   * @param timeout how long to wait for upstream, zero to 2^31-1 seconds
   * @return this builder
   */
  public ResolverBuilder staleAnswerTimeout(Duration timeout) {
    options.cache().staleAnswerTimeout(timeout);
    return this;
  }

  /**
   * Prefetch (off by default; Unbound's {@code prefetch}): a cache hit in the last 10% of its data's TTL starts
   * a background refresh, so names in steady use never expire; refreshes show in {@link Resolver#cacheStats()}.
   *
   * @param enabled whether to prefetch
   * @return this builder
   */
  public ResolverBuilder prefetch(boolean enabled) {
    options.cache().prefetch(enabled);
    return this;
  }

  /**
   * Remembers answers as Unbound's message cache does, within {@code maximumBytes}: a question is
   * answered from the cache only while the answer it last got from upstream is remembered, until
   * the shortest TTL of what came with it (its chain and data, its zone's NS set and their
   * addresses) runs out; then it is asked again although its RRsets may still be cached, so no
   * answer shows an expired NS set, and if upstream fails the live data is served as stale. Off by
   * default: an answer lives as long as its own RRsets.
   *
   * @param maximumBytes the byte budget of the answers remembered, positive
   * @return this builder
   */
  public ResolverBuilder messageCache(long maximumBytes) {
    options.cache().messageCache(maximumBytes);
    return this;
  }

  /**
   * The one source of time: monotonic time for deadlines, round-trip times and the default
   * cache's TTLs, wall-clock time for what is dated; tests pass a fake one to move time. Default:
   * the given cache's, else {@link TimeSource#system()}. A given cache must keep time by this very
   * source (build it with {@code timeSource(time)}), so the resolver and its cache cannot disagree.
   *
   * @param time the time source
   * @return this builder
   * @throws IllegalStateException if a cache was given that keeps time by another source
   */
  public ResolverBuilder timeSource(TimeSource time) {
    options.cache().timeSource(time);
    return this;
  }

  /* ---- upstream servers and the transport: in UpstreamSettings ---- */

  /* ---- what of a server's reply is kept ---- */

  /**
   * What of a server's reply is kept beyond the bailiwick rules: whether answers' NS sets are
   * cached, whether out-of-zone glue is verified, which private addresses are filtered; default
   * {@link ReplyPolicy#defaults()}, Unbound's.
   *
   * @param policy the reply policy
   * @return this builder
   * @throws IllegalStateException if set before
   */
  public ResolverBuilder replyPolicy(ReplyPolicy policy) {
    options.reply().policy(policy);
    return this;
  }

  /* ---- what callers get besides the outcome, and where ---- */

  /**
   * Whether each resolution records its {@link Resolution#trace() trace} (default false).
   *
   * @param enabled whether to record traces
   * @return this builder
   */
  public ResolverBuilder recordTrace(boolean enabled) {
    options.reporting().recordTrace(enabled);
    return this;
  }

  /**
   * Whether the resolver counts what it does for {@link Resolver#metrics()} and records Flight
   * Recorder events (default true). Off, every counter reads zero, and so do the resolution-cache
   * hits and prefetches in {@link Resolver#cacheStats()}.
   *
   * @param enabled whether to count
   * @return this builder
   */
  public ResolverBuilder recordMetrics(boolean enabled) {
    options.reporting().recordMetrics(enabled);
    return this;
  }

  /**
   * Where the futures of {@link Resolver#resolveAsync} complete when the outcome needed upstream
   * queries, never on the transport's threads, so a callback may block or close the resolver.
   * Outcomes from the cache complete before {@code resolveAsync} returns. Default: {@link
   * ForkJoinPool#commonPool()}, as Caffeine's; {@code Runnable::run} for callbacks that never block.
   *
   * @param executor where futures complete
   * @return this builder
   */
  public ResolverBuilder callbackExecutor(Executor executor) {
    options.reporting().callbackExecutor(executor);
    return this;
  }

  /* ---- host look-ups ---- */

  /**
   * A hosts file that host look-ups ({@code resolveAddresses}, {@code resolveReverse}) consult
   * before the network; none by default. {@link #build()} reads it, and fails naming the file and
   * the line if it cannot be read or is malformed.
   *
   * @param file the hosts file and how often it is polled for changes
   * @return this builder
   */
  public ResolverBuilder hostsFile(HostsFile file) {
    options.hosts().hostsFile(file);
    return this;
  }

  /**
   * Search domains and {@code ndots} for names given as text without a trailing dot, to {@link
   * Resolver#resolveAddressesAsync(String, org.dnschase.resolver.host.AddressOrder)
   * resolveAddresses} and {@link Resolver#resolveAsync(String, int) resolve} alike, as the C
   * library's res_search applies them; none by default, where such names are taken as absolute.
   * A {@link org.xbill.DNS.Name} is never searched. {@link ResolvConf#searchList()} reads resolv.conf's.
   *
   * @param search the search domains and {@code ndots}
   * @return this builder
   */
  public ResolverBuilder searchList(SearchList search) {
    options.hosts().searchList(search);
    return this;
  }

  /* ---- forward, stub and auth zones: one per name, whichever its kind ---- */

  /**
   * Adds a forward zone: names at or below it are asked of its recursive servers ({@link ForwardZone}).
   *
   * @param zone the zone and its servers
   * @return this builder
   */
  public ResolverBuilder forwardZone(ForwardZone zone) {
    options.zones().forwardZone(zone);
    return this;
  }

  /**
   * Adds a stub zone: names at or below it are walked from its authoritative servers ({@link StubZone}).
   *
   * @param zone the zone and its servers
   * @return this builder
   */
  public ResolverBuilder stubZone(StubZone zone) {
    options.zones().stubZone(zone);
    return this;
  }

  /**
   * Adds an auth zone: names at or below it are answered from its data, without a query ({@link AuthZone}).
   *
   * @param zone the zone and its data
   * @return this builder
   */
  public ResolverBuilder authZone(AuthZone zone) {
    options.zones().authZone(zone);
    return this;
  }

  /* ---- DNSSEC validation ---- */

  /**
   * How to validate DNSSEC (RFC 4035 §5): {@link Validation#off()}, or from trust anchors (the
   * root's built-in KSKs, given text, a file) with negative trust anchors; by default on exactly
   * when no {@linkplain #rootHints root hints} are given, from {@link Validation#ianaRoot()}. Every
   * outcome then has its {@linkplain Resolution#security() status}, and BOGUS data ends as a {@link
   * Resolution.Failure} ({@link FailureReason#DNSSEC_BOGUS}) unless the question disabled checking.
   *
   * @param settings the validation settings
   * @return this builder
   * @throws IllegalStateException if set before
   */
  public ResolverBuilder validation(Validation settings) {
    options.validation().validation(settings);
    return this;
  }

  /* ---- building ---- */

  /**
   * Builds the resolver; the builder can build more with the same settings.
   *
   * @return a new resolver, which the caller closes
   * @throws java.io.UncheckedIOException if the hosts file cannot be read, naming it
   * @throws IllegalArgumentException if the hosts file is malformed, naming the file and the line
   */
  public Resolver build() {
    return new IterativeResolver(options.config());
  }
}
