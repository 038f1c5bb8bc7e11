package org.dnschase.resolver;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.host.HostsFile;
import org.dnschase.resolver.host.ResolvConf;
import org.dnschase.resolver.host.SearchList;
import org.dnschase.resolver.internal.ResolverConfig;
import org.dnschase.resolver.internal.iterate.IterativeResolver;
import org.dnschase.resolver.internal.reply.PrivateAddresses;
import org.dnschase.resolver.spi.Transport;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.StubZone;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Builds a {@link Resolver}. Every setter checks its argument on the spot and says what is wrong;
 * a setting given twice is an error naming the first value, so conflicting configuration cannot
 * pass unnoticed. Every setting left out takes its value from {@link Defaults}, the one table of
 * defaults.
 *
 * {@snippet class=org.dnschase.resolver.Snippets region=builder}
 */
public final class ResolverBuilder {

  private RootHints rootHints;
  private RRsetCache cache;
  private Budgets budgets;
  private Integer upstreamPort;
  private Integer ednsPayloadSize;
  private Predicate<InetAddress> upstreamFilter;
  private String upstreamFilterDescription;
  private Boolean recordTrace;
  private Boolean recordMetrics;
  private Boolean qnameMinimisation;
  private Integer minimisedQuestionType;
  private Integer longChainThreshold;
  private Set<SpecialUseName> specialUseNames;
  private TimeSource timeSource;
  private Transport transport;
  private Integer transportThreads;
  private Duration staleWindow;
  private Boolean prefetch;
  private Executor callbackExecutor;
  private Boolean ipv6;
  private Boolean caseRandomization;
  private Boolean cacheAnswerNameServers;
  private PrivateAddresses privateAddresses;
  private HostsFile hostsFile;
  private SearchList searchList;
  /** Forward and stub zones by name, in the order given. */
  private final Map<Name, Record> configuredZones = new LinkedHashMap<>();

  ResolverBuilder() {}

  /**
   * Where resolution starts; the default is {@link RootHints#iana()}.
   *
   * @param hints the root servers to start from
   * @return this builder
   */
  public ResolverBuilder rootHints(RootHints hints) {
    requireUnset("rootHints", rootHints);
    rootHints = Objects.requireNonNull(hints, "hints");
    return this;
  }

  /**
   * The cache to read and fill; the default is a new {@code RRsetCache} on this builder's
   * {@linkplain #timeSource time source}. Several resolvers may share one cache. The resolver
   * takes its time from the cache's {@code timeSource()}, so the two cannot disagree. A cache
   * built with {@code serveStale} makes the resolver serve stale data, as {@link
   * #serveStale(Duration)} does for the default cache.
   *
   * @param rrsetCache the cache
   * @return this builder
   * @throws IllegalStateException if a time source was set that is not the cache's
   */
  public ResolverBuilder cache(RRsetCache rrsetCache) {
    requireUnset("cache", cache);
    if (staleWindow != null) {
      throw new IllegalStateException("serveStale was set to " + staleWindow
          + ": it configures the default cache; build the given cache with serveStale instead");
    }
    Objects.requireNonNull(rrsetCache, "rrsetCache");
    requireSameTime(timeSource, rrsetCache);
    cache = rrsetCache;
    return this;
  }

  /**
   * Serve-stale (RFC 8767), off by default: the default cache keeps data for {@code window} past
   * its TTL, and a resolution that no server answered (every server failed, or the deadline
   * passed) returns that data for the final name with TTL 30 s and a {@link
   * Diagnostic.Oddity#STALE_ANSWER} diagnostic. Fresh data is always preferred.
   * {@code RRsetCacheBuilder.DEFAULT_STALE_WINDOW} (one day) is the usual window.
   *
   * @param window how long past their TTL the default cache keeps data, positive
   * @return this builder
   */
  public ResolverBuilder serveStale(Duration window) {
    requireUnset("serveStale", staleWindow);
    if (cache != null) {
      throw new IllegalStateException(
          "a cache was given: build it with serveStale, this setting is for the default cache");
    }
    RRsetCache.builder().serveStale(window); // checks the window now, with the cache's message
    staleWindow = window;
    return this;
  }

  /**
   * Prefetch (off by default): a cache hit in the last 10% of its data's TTL starts one
   * background refresh of that name and type, so names in steady use never expire from the cache
   * (Unbound's {@code prefetch}). The refreshes show in {@link Resolver#cacheStats()}.
   *
   * @param enabled whether to prefetch
   * @return this builder
   */
  public ResolverBuilder prefetch(boolean enabled) {
    requireUnset("prefetch", prefetch);
    prefetch = enabled;
    return this;
  }

  /**
   * The limits on each resolution's work; the default is {@link Budgets#DEFAULTS}.
   *
   * @param limits the limits
   * @return this builder
   */
  public ResolverBuilder budgets(Budgets limits) {
    requireUnset("budgets", budgets);
    budgets = Objects.requireNonNull(limits, "limits");
    return this;
  }

  /**
   * The port upstream servers listen on (default 53), so labs can run unprivileged.
   *
   * @param port the port, 1..65535
   * @return this builder
   */
  public ResolverBuilder upstreamPort(int port) {
    requireUnset("upstreamPort", upstreamPort);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("upstreamPort must be 1..65535, was " + port);
    }
    upstreamPort = port;
    return this;
  }

  /**
   * The EDNS0 UDP payload size advertised (default 1232); 0 sends queries without EDNS.
   *
   * @param size 0, or 512..65535 octets
   * @return this builder
   */
  public ResolverBuilder ednsPayloadSize(int size) {
    requireUnset("ednsPayloadSize", ednsPayloadSize);
    if (size != 0 && (size < 512 || size > 65535)) {
      throw new IllegalArgumentException("ednsPayloadSize must be 0 or 512..65535, was " + size);
    }
    ednsPayloadSize = size;
    return this;
  }

  /**
   * Only servers whose address passes {@code filter} are ever sent a query; the others count as
   * failed servers and are reported. {@code description} names the rule in those reports.
   *
   * @param filter which server addresses may be sent queries
   * @param description the rule in words
   * @return this builder
   */
  public ResolverBuilder upstreamFilter(Predicate<InetAddress> filter, String description) {
    requireUnset("upstreamFilter", upstreamFilterDescription);
    upstreamFilter = Objects.requireNonNull(filter, "filter");
    upstreamFilterDescription = Objects.requireNonNull(description, "description");
    return this;
  }

  /**
   * Sends queries to loopback addresses only: the guard for tests, demos and benchmarks.
   *
   * @return this builder
   */
  public ResolverBuilder loopbackOnly() {
    return upstreamFilter(InetAddress::isLoopbackAddress, "loopback only");
  }

  /**
   * Whether servers are asked over IPv6 (default true). Off, IPv6 addresses of servers are skipped
   * like addresses the upstream filter refuses, for hosts without IPv6 connectivity.
   *
   * @param enabled whether servers are asked over IPv6
   * @return this builder
   */
  public ResolverBuilder ipv6(boolean enabled) {
    requireUnset("ipv6", ipv6);
    ipv6 = enabled;
    return this;
  }

  /**
   * Whether the resolver counts what it does for {@link Resolver#metrics()} and records its
   * resolutions and exchanges as Flight Recorder events (default true). Off, every counter reads
   * zero, and so do the resolution-cache hits and prefetches in {@link Resolver#cacheStats()}; a
   * resolution-cache hit then saves one striped increment.
   *
   * @param enabled whether to count
   * @return this builder
   */
  public ResolverBuilder recordMetrics(boolean enabled) {
    requireUnset("recordMetrics", recordMetrics);
    recordMetrics = enabled;
    return this;
  }

  /**
   * Whether each resolution records its {@link Resolution#trace() trace} (default false).
   *
   * @param enabled whether to record traces
   * @return this builder
   */
  public ResolverBuilder recordTrace(boolean enabled) {
    requireUnset("recordTrace", recordTrace);
    recordTrace = enabled;
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
    requireUnset("qnameMinimisation", qnameMinimisation);
    qnameMinimisation = enabled;
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
    requireUnset("qnameMinimisationType", minimisedQuestionType);
    if (type != Type.NS && type != Type.A) {
      throw new IllegalArgumentException("minimised questions ask for NS or A, not " + Type.string(type));
    }
    minimisedQuestionType = type;
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
    requireUnset("longChainThreshold", longChainThreshold);
    if (hops < 1) {
      throw new IllegalArgumentException("longChainThreshold must be positive, was " + hops);
    }
    longChainThreshold = hops;
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
    requireUnset("specialUseNames", specialUseNames);
    specialUseNames = Set.copyOf(Objects.requireNonNull(names, "names"));
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
    requireUnset("timeSource", timeSource);
    Objects.requireNonNull(time, "time");
    requireSameTime(time, cache);
    timeSource = time;
    return this;
  }

  /** A given cache and a given time source must be one clock: the resolver reads the cache's. */
  private static void requireSameTime(TimeSource time, RRsetCache rrsetCache) {
    if (time != null && rrsetCache != null && !rrsetCache.timeSource().equals(time)) {
      throw new IllegalStateException("the cache keeps time by " + rrsetCache.timeSource() + ", the timeSource is "
          + time + ": a resolver and its cache must share one time source; build the cache with timeSource(time)");
    }
  }

  /**
   * How queries reach servers. The default is a Netty UDP/TCP transport the resolver owns and
   * closes; a transport given here stays open after the resolver closes.
   *
   * @param queryTransport the transport; the caller closes it
   * @return this builder
   */
  public ResolverBuilder transport(Transport queryTransport) {
    requireUnset("transport", transport);
    if (transportThreads != null || Boolean.TRUE.equals(caseRandomization)) {
      throw new IllegalStateException((transportThreads != null ? "transportThreads" : "caseRandomization")
          + " was set: it applies only to the default transport");
    }
    transport = Objects.requireNonNull(queryTransport, "queryTransport");
    return this;
  }

  /**
   * Event loop threads of the default transport (default 2).
   *
   * @param threads the number of event loop threads, positive
   * @return this builder
   */
  public ResolverBuilder transportThreads(int threads) {
    requireUnset("transportThreads", transportThreads);
    if (transport != null) {
      throw new IllegalStateException("a transport was given: transportThreads applies only to the default one");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("transportThreads must be positive, was " + threads);
    }
    transportThreads = threads;
    return this;
  }

  /**
   * 0x20 (Unbound's use-caps-for-id): each query name goes out with the case of its letters
   * drawn at random from a secure source, and a reply counts only if its question repeats that
   * spelling exactly, one more bit per letter that a spoofer must guess besides the ID and the
   * port. A reply in another case is dropped like a forgery; a server that never repeats the case
   * is seen once (that exchange times out), then asked again without it, and remembered so for 15
   * minutes. Results and cache keys keep the names as asked. Default off, as in Unbound; applies
   * to the default transport only.
   *
   * @param enabled whether to randomise the case of query names
   * @return this builder
   */
  public ResolverBuilder caseRandomization(boolean enabled) {
    requireUnset("caseRandomization", caseRandomization);
    if (enabled && transport != null) {
      throw new IllegalStateException("a transport was given: caseRandomization applies only to the default one");
    }
    caseRandomization = enabled;
    return this;
  }

  /**
   * Whether the NS set of a zone that its server sends in the authority section of an answer, and
   * the addresses given for those name servers, are cached as the zone's own copy of its
   * delegation (Unbound's {@code iter-scrub-promiscuous: no}). Off by default, as in Unbound since
   * 1.24.1: such an unsolicited NS set can take over every name of the zone (CVE-2025-11411), so
   * it is dropped. On, only the NS set of the zone the server was asked as is taken (any zone of
   * a name resolved for a forward zone), from an authoritative reply at the rank of authority
   * data, from any other at the rank of a referral; an NS set equal to
   * the cached one at that rank leaves it as it is, a different one takes its remaining TTL.
   *
   * @param enabled whether to cache the NS sets that answers carry
   * @return this builder
   */
  public ResolverBuilder cacheAnswerNameServers(boolean enabled) {
    requireUnset("cacheAnswerNameServers", cacheAnswerNameServers);
    cacheAnswerNameServers = enabled;
    return this;
  }

  /**
   * A private-address filter (Unbound's {@code private-address} and {@code private-domain}): every
   * record of a server's reply that points into one of {@code netblocks} (an A or AAAA record, the
   * address hints of an SVCB or HTTPS record) is dropped before the reply is read, unless its
   * owner is at or below one of {@code allowedDomains}; the rest of its RRset stays. A public name
   * then cannot lead a client to an address of its own network (DNS rebinding); a name whose only
   * addresses are private resolves to NODATA. None by default.
   *
   * @param netblocks addresses or {@code address/length} prefixes, IPv4 or IPv6, e.g.
   *     {@code "10.0.0.0/8"}, {@code "fd00::/8"}
   * @param allowedDomains domains whose names may point into the netblocks, e.g. the local one
   * @return this builder
   * @throws IllegalArgumentException naming a netblock or domain that does not parse
   */
  public ResolverBuilder privateAddresses(Collection<String> netblocks, Collection<String> allowedDomains) {
    requireUnset("privateAddresses", privateAddresses);
    privateAddresses = PrivateAddresses.of(List.copyOf(netblocks), List.copyOf(allowedDomains));
    return this;
  }

  /**
   * Where the futures of {@link Resolver#resolveAsync} complete, and so where callbacks chained on
   * them run, when the outcome needed upstream queries: never on the transport's own threads, so
   * a callback may block, resolve synchronously or close the resolver without stalling (or
   * waiting for) the event loop it would run on. Outcomes known at once, from the cache, complete
   * before {@code resolveAsync} returns. Default: {@link ForkJoinPool#commonPool()}, as
   * Caffeine's; {@code Runnable::run} completes on the transport's thread instead, for callbacks
   * that never block.
   *
   * @param executor where futures complete
   * @return this builder
   */
  public ResolverBuilder callbackExecutor(Executor executor) {
    requireUnset("callbackExecutor", callbackExecutor);
    callbackExecutor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * A hosts file that host look-ups ({@link Resolver#resolveAddressesAsync(String,
   * org.dnschase.resolver.host.AddressOrder) resolveAddresses}, {@link
   * Resolver#resolveReverseAsync resolveReverse}) consult before the network; none by default.
   * {@link #build()} reads it, and fails if it cannot be read or is malformed, naming the file
   * and the line.
   *
   * @param file the hosts file and how often it is polled for changes
   * @return this builder
   */
  public ResolverBuilder hostsFile(HostsFile file) {
    requireUnset("hostsFile", hostsFile);
    hostsFile = Objects.requireNonNull(file, "file");
    return this;
  }

  /**
   * Search domains and {@code ndots} for host names given without a trailing dot to {@link
   * Resolver#resolveAddressesAsync(String, org.dnschase.resolver.host.AddressOrder)
   * resolveAddresses}; none by default, where such names are taken as absolute. {@link
   * ResolvConf#searchList()} reads them from a resolv.conf file.
   *
   * @param search the search domains and {@code ndots}
   * @return this builder
   */
  public ResolverBuilder searchList(SearchList search) {
    requireUnset("searchList", searchList);
    searchList = Objects.requireNonNull(search, "search");
    return this;
  }

  /**
   * Adds a forward zone: names at or below it are asked of its recursive servers (see {@link
   * ForwardZone}). May be called once per zone name, stub zones included.
   *
   * @param zone the zone and its servers
   * @return this builder
   */
  public ResolverBuilder forwardZone(ForwardZone zone) {
    addZone(Objects.requireNonNull(zone, "zone").name(), zone);
    return this;
  }

  /**
   * Adds a stub zone: names at or below it are walked from its authoritative servers (see {@link
   * StubZone}). May be called once per zone name, forward zones included.
   *
   * @param zone the zone and its servers
   * @return this builder
   */
  public ResolverBuilder stubZone(StubZone zone) {
    addZone(Objects.requireNonNull(zone, "zone").name(), zone);
    return this;
  }

  /**
   * Builds the resolver; the builder can build more with the same settings.
   *
   * @return a new resolver, which the caller closes
   * @throws java.io.UncheckedIOException if the hosts file cannot be read, naming it
   * @throws IllegalArgumentException if the hosts file is malformed, naming the file and the line
   */
  public Resolver build() {
    return new IterativeResolver(new ResolverConfig(
        rootHints != null ? rootHints : RootHints.iana(),
        cache != null ? cache : defaultCache(timeSource != null ? timeSource : TimeSource.system()),
        budgets != null ? budgets : Budgets.DEFAULTS,
        upstreamPort != null ? upstreamPort : Defaults.UPSTREAM_PORT,
        ednsPayloadSize != null ? ednsPayloadSize : Defaults.EDNS_PAYLOAD_SIZE,
        upstreamFilter(),
        upstreamFilterDescription(),
        recordTrace != null ? recordTrace : Defaults.RECORD_TRACE,
        qnameMinimisation != null ? qnameMinimisation : Defaults.QNAME_MINIMISATION,
        minimisedQuestionType != null ? minimisedQuestionType : Defaults.MINIMISED_QUESTION_TYPE,
        longChainThreshold != null ? longChainThreshold : Defaults.LONG_CHAIN_THRESHOLD,
        specialUseNames != null ? specialUseNames : EnumSet.allOf(SpecialUseName.class),
        transport,
        transportThreads != null ? transportThreads : Defaults.TRANSPORT_THREADS,
        prefetch != null ? prefetch : Defaults.PREFETCH,
        callbackExecutor != null ? callbackExecutor : ForkJoinPool.commonPool(),
        asksIpv6(),
        caseRandomization != null ? caseRandomization : Defaults.CASE_RANDOMIZATION,
        cacheAnswerNameServers != null ? cacheAnswerNameServers : Defaults.CACHE_ANSWER_NAME_SERVERS,
        privateAddresses != null ? privateAddresses : PrivateAddresses.NONE,
        hostsFile,
        searchList,
        zonesOf(ForwardZone.class),
        zonesOf(StubZone.class),
        recordMetrics == null || recordMetrics));
  }

  private void addZone(Name name, Record zone) {
    Record first = configuredZones.putIfAbsent(name, zone);
    if (first != null) {
      throw new IllegalStateException("zone " + name + " was already configured: " + first);
    }
  }

  private <T extends Record> List<T> zonesOf(Class<T> kind) {
    return configuredZones.values().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private boolean asksIpv6() {
    return ipv6 != null ? ipv6 : Defaults.IPV6;
  }

  private Predicate<InetAddress> upstreamFilter() {
    Predicate<InetAddress> filter = upstreamFilter != null ? upstreamFilter : address -> true;
    return asksIpv6() ? filter : filter.and(address -> !(address instanceof Inet6Address));
  }

  private String upstreamFilterDescription() {
    String description = upstreamFilterDescription != null ? upstreamFilterDescription : "any address";
    return asksIpv6() ? description : description + ", IPv4 only";
  }

  private RRsetCache defaultCache(TimeSource time) {
    var builder = RRsetCache.builder().timeSource(time).recordStats();
    return (staleWindow != null ? builder.serveStale(staleWindow) : builder).build();
  }

  private static void requireUnset(String what, Object current) {
    if (current != null) {
      throw new IllegalStateException(what + " was already set to " + current);
    }
  }
}
