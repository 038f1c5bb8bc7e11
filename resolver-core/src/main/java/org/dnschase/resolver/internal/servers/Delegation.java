package org.dnschase.resolver.internal.servers;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.internal.message.RRsets;
import java.util.Set;
import java.util.function.Predicate;
import org.xbill.DNS.Name;
import org.xbill.DNS.ReverseMap;

/**
 * A zone cut being asked (Unbound's {@code delegpt}): the zone, its name servers, the addresses
 * known for them, which addresses and names this query has already used up, and which of the
 * addresses asked brought no reply and may be asked again.
 */
public final class Delegation {

  /**
   * 13 name servers of a delegation considered, the first 13 given: PowerDNS Recursor's
   * max-ns-per-resolve default (13, the root's count). A referral may name thousands; each name
   * costs cache look-ups and may cost a look-up upstream, so the work a delegation can cause is
   * bounded here, whatever a server sends (and 13 is more than any real zone's NS set).
   */
  static final int MAX_NAME_SERVERS = 13;

  /**
   * 32 queries to one delegation's servers: Unbound's max-sent-count (MAX_SENT_COUNT, counted per
   * zone cut, as Unbound starts it afresh at each referral). A referral names up to 13 servers
   * with any number of addresses each, which the server that sent it chooses (other hosts'
   * included); each answering lame at once, the whole query budget of a resolution went to them.
   */
  static final int MAX_QUERIES = 32;

  private final Name zone;
  private final Map<Name, Set<InetAddress>> servers = new LinkedHashMap<>();
  private final Set<InetAddress> used = new HashSet<>();
  /** Queries sent to its servers, retries included. */
  private int sent;
  /**
   * What failed exchanges and name-server look-ups leave, made by the first of each: most
   * delegations have neither, and one is read from the cache at every hop of a chain.
   */
  private Failures failures;
  private LookUps lookUps;
  private final boolean fromCache;
  private CacheLookup.Hit cachedNameServers;
  /** The forward or stub zone this delegation stands for; null for one found by walking. */
  private ConfiguredZones.Zone configured;
  /** The port of each configured address that has its own; the others use the upstream port. */
  private Map<InetAddress, Integer> ports = Map.of();
  private boolean toPrime;
  /** A configured zone's host names are looked up even inside the zone. */
  private boolean lookUpInZone;
  private String cycle;
  /** Why the first of its servers found marked down was not asked; null when none was. */
  private String down;

  /** A delegation a referral just gave. */
  public Delegation(Name zone, List<Name> nameServers) {
    this(zone, nameServers, false);
  }

  /** The root hints as a delegation: every server with its addresses. */
  public static Delegation fromHints(RootHints hints) {
    Map<Name, List<InetAddress>> servers = hints.servers();
    Delegation delegation = new Delegation(Name.root, List.copyOf(servers.keySet()));
    // a loop, not a bound method reference: this runs twice per question after a flush, too rarely
    // for C2, and C1's code allocated the reference through the JVM's runtime (Unsafe.allocateInstance)
    for (Map.Entry<Name, List<InetAddress>> server : servers.entrySet()) {
      delegation.addAddresses(server.getKey(), server.getValue());
    }
    return delegation;
  }

  private Delegation(Name zone, List<Name> nameServers, boolean fromCache) {
    this.zone = zone;
    this.fromCache = fromCache;
    for (Name ns : nameServers) {
      if (servers.size() == MAX_NAME_SERVERS) {
        break;
      }
      servers.computeIfAbsent(ns, k -> new LinkedHashSet<>());
    }
  }

  /** Failed exchanges per address, and the addresses whose last exchange failed and may be retried. */
  private static final class Failures {
    final Map<InetAddress, Integer> exchanges = new HashMap<>();
    final Set<InetAddress> retryable = new LinkedHashSet<>();
  }

  /** The name servers whose addresses were looked up for it. */
  private static final class LookUps {
    final Set<Name> started = new HashSet<>();
    /** Per name looked up, how many queries the resolution had sent when its look-up started. */
    final Map<Name, Integer> sentBefore = new HashMap<>();
    /** The names whose look-up the cache answered, sending nothing: they cost nobody a query. */
    final Set<Name> answeredByCache = new HashSet<>();
  }

  /** A delegation read from the cache, which its parent zone may know better by now. */
  static Delegation cached(Name zone, CacheLookup.Hit nameServers) {
    Delegation delegation = new Delegation(zone, RRsets.nameServers(nameServers.rrset()), true);
    delegation.cachedNameServers = nameServers;
    return delegation;
  }

  /** The NS set this delegation was read from, as the cache held it then; null for one not read from the cache. */
  public CacheLookup.Hit cachedNameServers() {
    return cachedNameServers;
  }

  /**
   * The delegation a configured zone gives: its addresses (each under its reverse-map name, the
   * only name it has) and its host names to look up, in the order configured.
   */
  static Delegation configured(ConfiguredZones.Zone zone) {
    Delegation delegation = new Delegation(zone.name(), List.of(), false);
    delegation.configured = zone;
    delegation.ports = new HashMap<>();
    for (InetSocketAddress server : zone.servers()) {
      delegation.servers.put(ReverseMap.fromAddress(server.getAddress()),
          new LinkedHashSet<>(List.of(server.getAddress())));
      if (server.getPort() != 0) {
        delegation.ports.put(server.getAddress(), server.getPort());
      }
    }
    for (Name host : zone.hosts()) {
      delegation.servers.putIfAbsent(host, new LinkedHashSet<>());
    }
    delegation.lookUpInZone = true;
    return delegation;
  }

  public Name zone() {
    return zone;
  }

  /** The configured zone this delegation stands for, null when the walk found it. */
  public ConfiguredZones.Zone configuredZone() {
    return configured;
  }

  /** Marks a cut the cache gave for a configured stub zone (what priming it left) as that zone's. */
  Delegation standFor(ConfiguredZones.Zone zone) {
    configured = zone;
    return this;
  }

  /** Whether queries go with recursion desired to recursive servers (a forward zone). */
  public boolean forwarding() {
    return configured != null && configured.forward();
  }

  /** The data an auth zone's delegation is answered from, instead of servers; null for any other. */
  public LocalAnswers localAnswers() {
    return configured == null ? null : configured.local();
  }

  /** Whether its servers are asked over TCP only (a forward zone configured so). */
  public boolean overTcp() {
    return configured != null && configured.overTcp();
  }

  /** Whether this is a stub zone's delegation whose servers must first be asked for its NS set. */
  public boolean toPrime() {
    return toPrime;
  }

  Delegation primeFirst() {
    toPrime = true;
    return this;
  }

  /** Where to send a query for {@code address}: its configured port, else {@code upstreamPort}. */
  public InetSocketAddress socketAddress(InetAddress address, int upstreamPort) {
    return new InetSocketAddress(address, ports.getOrDefault(address, upstreamPort));
  }

  public List<Name> nameServers() {
    return List.copyOf(servers.keySet());
  }

  public void addAddresses(Name nameServer, List<InetAddress> addresses) {
    servers.computeIfAbsent(nameServer, k -> new LinkedHashSet<>()).addAll(addresses);
  }

  boolean hasAddresses() {
    for (Set<InetAddress> addresses : servers.values()) {
      if (!addresses.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether asking the parent zone again could help once every server failed: the delegation came
   * from the cache and a name server inside the zone has no {@code usable} address left (its glue
   * expired, or only an address of a family not asked is left), which only the parent's referral
   * can give back (Unbound's last resort).
   */
  public boolean worthFetchingAgain(Predicate<InetAddress> usable) {
    if (!fromCache || zone.equals(Name.root)) {
      return false;
    }
    for (Map.Entry<Name, Set<InetAddress>> entry : servers.entrySet()) {
      if (entry.getValue().stream().noneMatch(usable) && entry.getKey().subdomain(zone)) {
        return true;
      }
    }
    return false;
  }

  /** Addresses not yet asked by this query, in name-server order. */
  public List<InetAddress> unusedAddresses() {
    Set<InetAddress> unused = new LinkedHashSet<>();
    for (Set<InetAddress> addresses : servers.values()) {
      for (InetAddress address : addresses) {
        if (!used.contains(address)) {
          unused.add(address);
        }
      }
    }
    return new ArrayList<>(unused);
  }

  /** Whether no server of it was asked, nor any name looked up, yet. */
  public boolean untouched() {
    return used.isEmpty() && lookUps == null;
  }

  public void markUsed(InetAddress address) {
    used.add(address);
    if (failures != null) {
      failures.retryable.remove(address);
    }
  }

  /** A query goes to {@code address}: it is used, and counted against {@link #MAX_QUERIES}. */
  public void markSent(InetAddress address) {
    markUsed(address);
    sent++;
  }

  /** Whether its servers were sent all the queries one delegation may have ({@link #MAX_QUERIES}). */
  public boolean queriesSpent() {
    return sent >= MAX_QUERIES;
  }

  /**
   * An exchange with {@code address} brought no reply: it may be asked again while it has been
   * asked fewer than {@code maxAttempts} times (Budgets#maxAttemptsPerServer). A server that
   * answers, even lame or REFUSED, is not asked again.
   */
  public void markFailed(InetAddress address, int maxAttempts) {
    if (failures == null) {
      failures = new Failures();
    }
    if (failures.exchanges.merge(address, 1, Integer::sum) < maxAttempts) {
      failures.retryable.add(address);
    }
  }

  /** Addresses asked already whose last exchange failed and which may be asked again. */
  public List<InetAddress> retryableAddresses() {
    return failures == null ? List.of() : List.copyOf(failures.retryable);
  }

  /** Makes an address askable again, for a retry that changes how it is asked (no EDNS). */
  public void markUnused(InetAddress address) {
    used.remove(address);
  }

  /**
   * A name server whose address is still to be looked up. Names inside a walked zone itself are
   * skipped: without glue, finding them would mean asking the very servers we cannot reach. A
   * configured zone's host names are always looked up (through its other servers, or the zones
   * above).
   */
  public Optional<Name> nextNameToLookUp() {
    return nextNameToLookUp(address -> true);
  }

  /**
   * The same, where a name server counts as glueless when none of its addresses is {@code usable}
   * (an IPv6-only server on a host without IPv6): its other family is looked up.
   */
  public Optional<Name> nextNameToLookUp(Predicate<InetAddress> usable) {
    for (Map.Entry<Name, Set<InetAddress>> entry : servers.entrySet()) {
      Name ns = entry.getKey();
      if (entry.getValue().stream().noneMatch(usable) && !lookedUp(ns)
          && (lookUpInZone || !ns.subdomain(zone))) {
        return Optional.of(ns);
      }
    }
    return Optional.empty();
  }

  /**
   * A name server inside the zone, without a {@code usable} address, still to be looked up: the
   * last resort once no other server is left. Its look-up starts above this zone, whose cut has
   * no server to ask, so the parent's servers are asked, and they may hold the glue their
   * referral left out (Unbound's fetch_glue). Never for the root, which has nothing above it.
   */
  public Optional<Name> nextInZoneNameToLookUp(Predicate<InetAddress> usable) {
    if (zone.equals(Name.root)) {
      return Optional.empty();
    }
    for (Map.Entry<Name, Set<InetAddress>> entry : servers.entrySet()) {
      Name ns = entry.getKey();
      if (entry.getValue().stream().noneMatch(usable) && !lookedUp(ns) && ns.subdomain(zone)) {
        return Optional.of(ns);
      }
    }
    return Optional.empty();
  }

  public void markLookedUp(Name nameServer) {
    if (lookUps == null) {
      lookUps = new LookUps();
    }
    lookUps.started.add(nameServer);
  }

  private boolean lookedUp(Name nameServer) {
    return lookUps != null && lookUps.started.contains(nameServer);
  }

  /** Whether a name server's address was looked up for it, from the cache or upstream. */
  public boolean anyNameLookedUp() {
    return lookUps != null;
  }

  /** Marks {@code nameServer} looked up from now, when the resolution had sent {@code queriesSent} queries. */
  public void startLookUp(Name nameServer, int queriesSent) {
    markLookedUp(nameServer);
    lookUps.sentBefore.putIfAbsent(nameServer, queriesSent);
  }

  /**
   * Whether the look-up of {@code nameServer}, ended with {@code queriesSent} queries sent by the
   * resolution, was answered by the cache alone; such a look-up no longer counts in {@link #lookUps()}.
   */
  public boolean lookUpAnsweredByCache(Name nameServer, int queriesSent) {
    Integer before = lookUps == null ? null : lookUps.sentBefore.get(nameServer);
    boolean cached = before != null && before == queriesSent;
    if (cached) {
      lookUps.answeredByCache.add(nameServer);
    }
    return cached;
  }

  /**
   * How many name-server look-ups this query started for the zone that asked upstream (NXNSAttack):
   * one the cache answered sends nothing, as Unbound does not count what its cache answers.
   */
  public int lookUps() {
    return lookUps == null ? 0 : lookUps.started.size() - lookUps.answeredByCache.size();
  }

  /** Whether it was read from the cache: the parent zone's referral may name other servers (Unbound's parent side). */
  public boolean readFromCache() {
    return fromCache;
  }

  /** Remembers a look-up that ended in a cyclic dependency, to name it if nothing else works. */
  public void noteCycle(String cycle) {
    if (this.cycle == null) {
      this.cycle = cycle;
    }
  }

  /** Sets {@code address} aside, marked down ({@link ServerSelector#admits}) for {@code why}. */
  public void markDown(InetAddress address, String why) {
    markUsed(address);
    if (down == null) {
      down = why;
    }
  }

  /** Why the first of its servers found marked down was not asked, or null. */
  public String down() {
    return down;
  }

  /** The first cyclic dependency a look-up for this zone ran into, or null. */
  public String cycle() {
    return cycle;
  }

  @Override
  public String toString() {
    return zone + " " + servers;
  }
}
