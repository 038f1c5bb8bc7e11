package org.dnschase.resolver.internal.assembly;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;
import org.dnschase.resolver.internal.ResolverConfig;

/**
 * What {@code ResolverBuilder} has been told, in groups of related options, and the {@link
 * ResolverConfig} it makes of them: each group checks its own settings as they are given
 * (including conflicts within the group) and fills in the defaults of {@code Defaults} for what was
 * left out.
 *
 * <p>A new option: a setter in {@code ResolverBuilder} that hands its argument to the group it
 * belongs to (a new group here for a new feature, e.g. DNSSEC trust anchors), the check in that
 * group's setter, the default in {@code Defaults}, and a component in {@link ResolverConfig}
 * filled in {@link #config()}.
 */
public final class ResolverAssembly {

  private final IterationOptions iteration = new IterationOptions();
  private final CacheOptions cache = new CacheOptions();
  private final UpstreamOptions upstream = new UpstreamOptions();
  private final ReplyOptions reply = new ReplyOptions();
  private final ReportingOptions reporting = new ReportingOptions();
  private final HostOptions hosts = new HostOptions();
  private final ZoneOptions zones = new ZoneOptions();
  private final ValidationOptions validation = new ValidationOptions();
  private final LoadOptions load = new LoadOptions();

  /** Root hints, budgets, QNAME minimisation, long chains, special-use names. */
  public IterationOptions iteration() {
    return iteration;
  }

  /** The cache or the default cache's settings, the time source, prefetch. */
  public CacheOptions cache() {
    return cache;
  }

  /** Port, EDNS, which servers may be asked, the transport or the default one's settings. */
  public UpstreamOptions upstream() {
    return upstream;
  }

  /** What of a server's reply is kept. */
  public ReplyOptions reply() {
    return reply;
  }

  /** Traces, metrics, where futures complete. */
  public ReportingOptions reporting() {
    return reporting;
  }

  /** The hosts file and search list of host look-ups. */
  public HostOptions hosts() {
    return hosts;
  }

  /** Forward, stub and auth zones. */
  public ZoneOptions zones() {
    return zones;
  }

  /** DNSSEC validation and its trust anchors. */
  public ValidationOptions validation() {
    return validation;
  }

  /** The bound on resolutions under way. */
  public LoadOptions load() {
    return load;
  }

  /**
   * {@return the configuration of a new resolver: the options given, the defaults for the rest}
   * Each call makes a new default cache when none was given.
   */
  public ResolverConfig config() {
    return new ResolverConfig(
        iteration.rootHintsOrDefault(),
        cache.cacheOrDefault(),
        iteration.budgetsOrDefault(),
        upstream.portOrDefault(),
        upstream.ednsPayloadSizeOrDefault(),
        upstream.addressFilter(givenServers(), lab()),
        upstream.addressFilterDescription(lab()),
        reporting.recordTraceOrDefault(),
        iteration.qnameMinimisationOrDefault(),
        iteration.minimisedQuestionTypeOrDefault(),
        iteration.longChainThresholdOrDefault(),
        iteration.specialUseNamesOrDefault(),
        upstream.transportOrNull(),
        upstream.transportThreadsOrDefault(),
        cache.prefetchOrDefault(),
        reporting.callbackExecutorOrDefault(),
        upstream.asksIpv6(),
        upstream.caseRandomizationOrDefault(),
        reply.cacheAnswerNameServersOrDefault(),
        reply.privateAddressesOrDefault(),
        hosts.hostsFileOrNull(),
        hosts.searchListOrNull(),
        zones.forwardZones(),
        zones.stubZones(),
        zones.authZones(),
        reporting.recordMetricsOrDefault(),
        validation.anchorsOrNull(iteration.rootHintsGiven()),
        validation.algorithmsOrDefault(),
        validation.aggressiveNsecOrDefault(),
        validation.keyPrefetchOrDefault(),
        cache.staleAnswerTimeoutOrDefault(),
        reply.verifyGlueOrDefault(),
        upstream.nat64OrNull(),
        load.maxResolutionsInFlightOrDefault(),
        load.jostleAfterOrDefault(),
        cache.messageCacheBytesOrDefault());
  }

  /** Whether the root is on this host's loopback: a lab, all of whose servers are there. */
  private boolean lab() {
    return HostLocalAddresses.lab(iteration.rootHintsOrDefault().addresses());
  }

  /** The servers the resolver was given: the root hints' and the forward and stub zones' addresses. */
  private Set<InetAddress> givenServers() {
    Set<InetAddress> given = new HashSet<>(iteration.rootHintsOrDefault().addresses());
    zones.forwardZones().forEach(zone -> zone.servers().forEach(server -> given.add(server.getAddress())));
    zones.stubZones().forEach(zone -> zone.servers().forEach(server -> given.add(server.getAddress())));
    return given;
  }
}
