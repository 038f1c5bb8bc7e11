package org.dnschase.resolver.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.zones.SpecialUseName;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.dnssec.Algorithms;
import org.dnschase.resolver.internal.dnssec.TrustAnchors;
import org.dnschase.resolver.internal.reply.PrivateAddresses;
import org.dnschase.resolver.internal.servers.Nat64Prefix;
import org.dnschase.resolver.host.HostsFile;
import org.dnschase.resolver.host.SearchList;
import org.dnschase.resolver.spi.Transport;
import org.dnschase.resolver.zones.AuthZone;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.StubZone;

/**
 * Everything a resolver is built with, checked by the builder. {@code transport} is null when
 * the resolver should make and own its default Netty transport. {@code prefetch} turns on the
 * background refresh of entries hit in the last 10% of their TTL. {@code callbackExecutor}
 * completes the futures of resolutions that needed the network. {@code ipv6} says whether
 * servers are asked over IPv6 (the filter excludes IPv6 addresses otherwise). {@code
 * caseRandomization} turns on 0x20 in the default transport. {@code cacheAnswerNameServers} keeps
 * the NS sets answers carry. {@code privateAddresses} filters every reply ({@link
 * PrivateAddresses#NONE} when not configured).
 * {@code minimisedQuestionType} is what minimised questions ask for (NS or A). {@code hostsFile}
 * and {@code searchList} are null unless host look-ups should use them. {@code forwardZones},
 * {@code stubZones} and {@code authZones} have distinct names. {@code recordMetrics} says whether the resolver counts
 * what it does (and records Flight Recorder events). {@code trustAnchors} are where DNSSEC
 * validation starts, null when the resolver does not validate; {@code algorithms} those it checks
 * signatures of; {@code aggressiveNsec} lets validated NSEC and NSEC3 ranges answer other names
 * (RFC 8198); {@code keyPrefetch} fetches a zone's DNSKEYs as soon as a referral shows its DS.
 * {@code staleAnswerTimeout} is how long a question with stale data waits for upstream before that data answers it. {@code
 * verifyGlue} looks up a referral's glue for servers outside the delegated zone before using it.
 * {@code nat64} is where IPv4 servers are reached on an IPv6-only network, null when they are
 * asked at their own addresses. {@code maxResolutionsInFlight} bounds the resolutions under way
 * (0: no bound), whose jostle slots' holders a newer question pushes out after {@code
 * jostleAfter}. {@code messageCacheBytes} bounds the answers remembered as Unbound's message
 * cache does (0: answers live as long as their RRsets). Time comes from the cache's time source
 * alone ({@link #ticker()}), so the resolver and its cache cannot disagree about it.
 */
public record ResolverConfig(
    RootHints rootHints,
    RRsetCache cache,
    Budgets budgets,
    int upstreamPort,
    int ednsPayloadSize,
    Predicate<InetAddress> upstreamFilter,
    String upstreamFilterDescription,
    boolean recordTrace,
    boolean qnameMinimisation,
    int minimisedQuestionType,
    int longChainThreshold,
    Set<SpecialUseName> specialUseNames,
    Transport transport,
    int transportThreads,
    boolean prefetch,
    Executor callbackExecutor,
    boolean ipv6,
    boolean caseRandomization,
    boolean cacheAnswerNameServers,
    PrivateAddresses privateAddresses,
    HostsFile hostsFile,
    SearchList searchList,
    List<ForwardZone> forwardZones,
    List<StubZone> stubZones,
    List<AuthZone> authZones,
    boolean recordMetrics,
    TrustAnchors trustAnchors,
    Algorithms algorithms,
    boolean aggressiveNsec,
    boolean keyPrefetch,
    Duration staleAnswerTimeout,
    boolean verifyGlue,
    Nat64Prefix nat64,
    int maxResolutionsInFlight,
    Duration jostleAfter,
    long messageCacheBytes) {

  /** {@return the resolver's monotonic time as Caffeine reads it: its cache's time source} */
  public Ticker ticker() {
    return cache.timeSource()::nanoTime;
  }
}
