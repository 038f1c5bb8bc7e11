package org.dnschase.resolver.internal.iterate;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.ResolverConfig;
import org.dnschase.resolver.internal.dnssec.BogusAnswers;
import org.dnschase.resolver.internal.dnssec.ChainOfTrust;
import org.dnschase.resolver.internal.dnssec.KeyStore;
import org.dnschase.resolver.internal.dnssec.denial.DenialRanges;
import org.dnschase.resolver.internal.dnssec.denial.Denials;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.internal.resolutions.MessageLifetimes;
import org.dnschase.resolver.internal.servers.ConfiguredZones;
import org.dnschase.resolver.internal.servers.DelegationGrants;
import org.dnschase.resolver.internal.servers.RecentFailures;
import org.dnschase.resolver.internal.servers.ParentSideGlue;
import org.dnschase.resolver.internal.servers.ServerSelector;
import org.dnschase.resolver.spi.Transport;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

/**
 * What every query of one resolver shares: configuration, cache, transport, and the stores kept
 * beside the cache (server state, parent-side glue, recent failures, delegation grants), each bounded by a share of
 * the cache's byte budget.
 */
final class ResolverContext {

  final ResolverConfig config;
  final RRsetCache cache;
  final Transport transport;
  final Ticker ticker;
  final ServerSelector selector;
  final ParentSideGlue parentSideGlue;
  final RecentFailures recentFailures;
  final DelegationGrants grants;
  final ConfiguredZones zones;
  final Deadlines deadlines = new Deadlines();
  final ResolverMetrics metrics;
  /** What is known of zones' keys; null when the resolver does not validate. */
  final KeyStore keys;
  /** The walk down chains of trust; null when the resolver does not validate. */
  final ChainOfTrust chainOfTrust;
  /** What NSEC and NSEC3 records prove (RFC 4035 §5.4, RFC 5155 §8). */
  final Denials denials = new Denials(Defaults.MAX_NSEC3_ITERATIONS);
  /**
   * The NSEC and NSEC3 ranges of proven negative answers, which answer other names (RFC 8198);
   * null when the resolver does not validate, since only a proof found SECURE is remembered, and
   * when aggressive use of NSEC is turned off.
   */
  final DenialRanges denialRanges;
  /** Questions answered BOGUS a moment ago (Unbound's val-bogus-ttl); null when the resolver does not validate. */
  final BogusAnswers bogusAnswers;
  /** The lifetimes of answers as Unbound's message cache keeps them; null when answers live as long as their RRsets. */
  final MessageLifetimes messages;
  private final AtomicInteger queryIds = new AtomicInteger();

  /**
   * The stores beside the cache each get their share of the cache's byte budget; {@code selector},
   * {@link ServerSelector#BUDGET_SHARE}'s, is the one the transport asks for its spin windows.
   */
  ResolverContext(ResolverConfig config, Transport transport, ServerSelector selector, ResolverMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
    this.cache = config.cache();
    this.transport = transport;
    this.ticker = config.ticker();
    long budget = cache.maximumBytes();
    this.selector = selector;
    this.parentSideGlue = new ParentSideGlue(ticker, budget / ParentSideGlue.BUDGET_SHARE);
    this.recentFailures = new RecentFailures(ticker, budget / RecentFailures.BUDGET_SHARE);
    this.grants = new DelegationGrants(ticker, budget / DelegationGrants.BUDGET_SHARE);
    this.zones = new ConfiguredZones(config, grants);
    this.messages = config.messageCacheBytes() == 0 ? null : new MessageLifetimes(config.messageCacheBytes(), ticker);
    this.keys = config.trustAnchors() == null ? null : new KeyStore(config.trustAnchors(), ticker);
    this.denialRanges = keys == null || !config.aggressiveNsec() ? null : new DenialRanges(cache.timeSource(),
        budget / DenialRanges.BUDGET_SHARE, cache.ttlCaps().maxNegativeTtl(), denials);
    this.bogusAnswers = keys == null ? null
        : new BogusAnswers(ticker, budget / BogusAnswers.BUDGET_SHARE, Defaults.BOGUS_TTL);
    this.chainOfTrust = keys == null ? null
        : new ChainOfTrust(keys, zone -> cache.lookup(zone, Type.NS, DClass.IN) instanceof CacheLookup.Hit,
            name -> zones.deepestAtOrAbove(name) instanceof ConfiguredZones.Zone zone ? zone.name() : null);
  }

  /**
   * Whether the cache may answer {@code q}'s own question: not when the message cache no longer
   * remembers the answer of a user's question (its chain's later names and look-ups are not kept).
   * A CNAME question is the exception: its answer is one RRset, the alias every other question at
   * the name takes from the cache as its first hop whatever the message cache holds, so it answers
   * the CNAME question too (as Unbound's cache looks a CNAME up in its RRset cache past its message
   * cache).
   */
  boolean cacheAnswers(Query q) {
    return messages == null || q.depth() > 0 || q.isBackground() || !q.chain().hops().isEmpty()
        || q.qtype() == Type.CNAME || messages.remembers(q.name(), q.qtype());
  }

  /**
   * With a message cache, remembers the answer of a user's question or of a refresh that came
   * from upstream (not one the cache gave, nor a stale one).
   */
  void rememberAnswer(Resolution resolution) {
    if (messages != null && resolution.upstreamQueries() > 0 && !(resolution instanceof Resolution.Failure)
        && resolution.diagnostics().stream().noneMatch(d -> d.kind() == Diagnostic.Oddity.STALE_ANSWER)) {
      messages.remember(resolution, cache);
    }
  }

  /** Whether the resolver validates (DNSSEC). */
  boolean validating() {
    return keys != null;
  }

  /** Now on the wall clock of the resolver's one time source, for signature validity. */
  Instant now() {
    return cache.timeSource().instant();
  }

  /** Forgets what the stores beside the cache learnt, as when the cache is emptied. */
  void invalidateStores() {
    selector.invalidateAll();
    parentSideGlue.invalidateAll();
    recentFailures.invalidateAll();
    grants.invalidateAll();
    if (messages != null) {
      messages.invalidateAll();
    }
    if (keys != null) {
      keys.invalidateAll();
      bogusAnswers.invalidateAll();
    }
    if (denialRanges != null) {
      denialRanges.invalidateAll();
    }
  }

  int nextQueryId() {
    return queryIds.incrementAndGet();
  }

  /** Whether the upstream filter allows asking the server at {@code address}, where it is reached. */
  boolean allowed(InetAddress address) {
    return config.upstreamFilter().test(reach(address));
  }

  /**
   * Where the server at {@code address} is reached: through the NAT64 prefix when one is
   * configured and it is an IPv4 server, else at its own address.
   */
  InetAddress reach(InetAddress address) {
    return config.nat64() == null ? address : config.nat64().reach(address);
  }
}
