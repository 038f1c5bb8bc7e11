package org.dnschase.resolver.testkit;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;

/**
 * A DNS hierarchy of authoritative servers on loopback, started from zones in master-file format:
 * the testkit's counterpart of mockwebserver's {@code MockWebServer}. Each zone is served at the
 * addresses its apex NS hosts have in the zone data (which must be in 127.0.0.0/8 or ::1); every
 * distinct address is one {@link AuthServer}, on one port common to all. See the package
 * documentation for an example.
 */
public final class TestHierarchy implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TestHierarchy.class);

  private final List<ServedZone> zones;
  private final List<AuthServer> servers;
  private final RootHints rootHints;
  private final QueryLog queryLog = new QueryLog();
  private final ServerSockets sockets;
  private final int port;
  private final Map<Name, ZoneKeys> keys;

  private TestHierarchy(HierarchySigner.Signed signed, int requestedPort) {
    List<ServedZone> zones = signed.zones();
    this.zones = zones;
    this.keys = signed.keys();
    ServerPlan plan = new ServerPlan(zones);
    List<AuthServer> planned = new ArrayList<>();
    plan.serversByAddress().forEach((address, served) ->
        planned.add(new AuthServer(address, served, queryLog)));
    this.servers = List.copyOf(planned);
    this.rootHints = RootHints.of(zones, plan);
    this.sockets = ServerSockets.start(servers, requestedPort);
    this.port = servers.get(0).port();
    servers.forEach(server -> log.debug("started {}", server));
  }

  /** {@return a new builder, to describe a hierarchy} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the port every server listens on, for UDP and TCP} */
  public int port() {
    return port;
  }

  /**
   * The root zone's NS host names with their addresses, in zone-file order; empty if no root zone
   * was given. Use them with {@link #port()}: hints carry no port.
   *
   * @return each root server name with its addresses
   */
  public Map<Name, List<InetAddress>> rootHints() {
    return rootHints.asMap();
  }

  /**
   * {@link #rootHints()} as master-file text ({@code . NS host} and {@code host A address} lines,
   * with the TTLs of the zones), usable as a root hints file; the port is not in it.
   *
   * @return the root hints in master-file format
   */
  public String rootHintsText() {
    return rootHints.asText();
  }

  /**
   * The keys a signed zone was signed with, made for this hierarchy.
   *
   * @param zone the zone's origin
   * @return its keys
   * @throws IllegalArgumentException if the hierarchy did not sign that zone
   */
  public ZoneKeys keys(Name zone) {
    ZoneKeys zoneKeys = keys.get(zone);
    if (zoneKeys == null) {
      throw new IllegalArgumentException("zone " + zone + " is not signed; signed zones: " + keys.keySet());
    }
    return zoneKeys;
  }

  /**
   * Whether the hierarchy signed the zone {@code zone}.
   *
   * @param zone the zone's origin
   * @return true if {@link #keys(Name)} has its keys
   */
  public boolean signed(Name zone) {
    return keys.containsKey(zone);
  }

  /**
   * The trust anchor of the signed root: the DS of its KSK (SHA-256), as a resolver's trust
   * anchor file or an rpl scenario's {@code trust-anchor:} line takes it. The KSK itself, for a
   * DNSKEY anchor, is {@code keys(Name.root).ksk()}.
   *
   * @return the DS record, with the root's TTL
   * @throws IllegalStateException if the root is not signed
   */
  public DSRecord trustAnchor() {
    ZoneKeys root = keys.get(Name.root);
    if (root == null) {
      throw new IllegalStateException("the root zone is not signed: give the builder signed(...)");
    }
    return root.ds(root.ksk().getTTL());
  }

  /** {@return every server, in order of first appearance of its address in the zones} */
  public List<AuthServer> servers() {
    return servers;
  }

  /**
   * The server at {@code address}.
   *
   * @param address a server address of the hierarchy
   * @return the server listening there
   * @throws IllegalArgumentException if no server has that address
   */
  public AuthServer server(InetAddress address) {
    return servers.stream().filter(server -> server.address().equals(address)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no server at " + address.getHostAddress()
            + "; servers: " + servers));
  }

  /** The zones as given to the builder, in that order; {@link ZoneExport} writes them out. */
  List<ServedZone> zones() {
    return zones;
  }

  /**
   * The servers authoritative for the zone with origin {@code zone}; empty if none.
   *
   * @param zone the zone's origin
   * @return its servers, in the order of {@link #servers()}
   */
  public List<AuthServer> serversFor(Name zone) {
    return servers.stream().filter(server -> server.zones().contains(zone)).toList();
  }

  /** {@return every query any server recorded since the start or {@link #clearQueries()}, oldest first} */
  public List<RecordedQuery> queries() {
    return queryLog.all();
  }

  /** {@return how many queries all servers recorded since the start or {@link #clearQueries()}} */
  public int queryCount() {
    return queryLog.count();
  }

  /**
   * Waits until the servers have been asked nothing new for 200 ms (at most 10 s): the root's
   * priming goes on beside a cold resolution (RFC 9609 §4) and may still be under way when its
   * answer is out, so a test that clears or counts the queries next waits for it.
   *
   * @throws AssertionError if the servers are still asked after 10 s
   */
  public void settle() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int seen = queryCount();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < Duration.ofMillis(200).toNanos()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the lab's servers were still asked after 10 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while the lab settled", e);
      }
      int now = queryCount();
      if (now != seen) {
        seen = now;
        quietSince = System.nanoTime();
      }
    }
  }

  /** Forgets the recorded queries of every server. */
  public void clearQueries() {
    queryLog.clear();
    servers.forEach(AuthServer::clearQueries);
  }

  /** Closes every socket and stops the event loop, waiting until its threads have ended. */
  @Override
  public void close() {
    sockets.close();
  }

  /** Collects zones and options; {@link #build()} starts the servers. */
  public static final class Builder {
    private final List<ServedZone> zones = new ArrayList<>();
    private final Map<Name, Signing> signings = new LinkedHashMap<>();
    private Signing signAll;
    private int port;

    private Builder() {}

    /**
     * Adds a zone in master-file format; its origin is the {@code $ORIGIN} in effect at the SOA
     * record, or the SOA's absolute owner name. Relative names and {@code $TTL} work as usual.
     * Each {@link ZoneCheck} violation is logged as a warning; the zone is served as it is.
     *
     * @param masterFileText the zone, as a zone file holds it
     * @return this builder
     * @throws IllegalArgumentException if the text is not a zone, has more than 100,000 records
     *     (a lab zone is smaller), or the origin is known already
     */
    public Builder zone(String masterFileText) {
      Objects.requireNonNull(masterFileText, "masterFileText");
      return add(ServedZone.parse(null, masterFileText), masterFileText);
    }

    /**
     * Adds a zone in master-file format with the given (absolute) origin, which relative names in
     * the text are relative to. Each {@link ZoneCheck} violation is logged as a warning; the zone
     * is served as it is.
     *
     * @param origin the zone's origin, absolute
     * @param masterFileText the zone, as a zone file holds it
     * @return this builder
     * @throws IllegalArgumentException if the text is not a zone, has more than 100,000 records
     *     (a lab zone is smaller), or the origin is known already
     */
    public Builder zone(Name origin, String masterFileText) {
      Objects.requireNonNull(masterFileText, "masterFileText");
      return add(ServedZone.parse(Objects.requireNonNull(origin, "origin"), masterFileText),
          masterFileText);
    }

    /**
     * Adds every zone of {@code tree}, in the order it declares them, as {@link #zone(String)}
     * adds master-file text.
     *
     * @param tree the zones, built with the zone DSL
     * @return this builder
     * @throws IllegalArgumentException if a zone's origin is known already
     */
    public Builder zones(ZoneTree tree) {
      Objects.requireNonNull(tree, "tree").masterFiles().values().forEach(this::zone);
      return this;
    }

    private Builder add(ServedZone zone, String text) {
      if (zones.stream().anyMatch(known -> known.origin().equals(zone.origin()))) {
        throw new IllegalArgumentException("zone " + zone.origin() + " was already added");
      }
      warnViolations(zone.origin(), text);
      zones.add(zone);
      return this;
    }

    /** Warns, never refuses: labs build zones that break the CNAME rules on purpose. */
    private static void warnViolations(Name origin, String text) {
      try {
        for (ZoneViolation violation : ZoneCheck.check(origin, text)) {
          log.warn("zone {} breaks a CNAME rule, served as it is: {}", origin, violation);
        }
      } catch (IllegalArgumentException | IllegalStateException e) { // $GENERATE: no lines to give
        log.warn("zone {} was not checked: {}", origin, e.getMessage());
      }
    }

    /**
     * Signs every zone with {@code signing}, but for those given their own with {@link
     * #signed(String, Signing)} or left out with {@link #unsigned(String)}; each signed zone's
     * parent, when signed, publishes its DS.
     *
     * @param signing the keys, chain and validity of the signatures
     * @return this builder
     */
    public Builder signed(Signing signing) {
      this.signAll = Objects.requireNonNull(signing, "signing");
      return this;
    }

    /**
     * Signs the zone {@code origin} with {@code signing}, whatever {@link #signed(Signing)} says.
     *
     * @param origin the zone's origin, which must be added by {@link #build()}
     * @param signing the keys, chain and validity of its signatures
     * @return this builder
     */
    public Builder signed(String origin, Signing signing) {
      signings.put(ZoneSpec.name(origin, Name.root), Objects.requireNonNull(signing, "signing"));
      return this;
    }

    /**
     * Leaves the zone {@code origin} unsigned when {@link #signed(Signing)} signs the others: its
     * delegation is insecure (no DS, and the parent's NSEC or NSEC3 proves it).
     *
     * @param origin the zone's origin, which must be added by {@link #build()}
     * @return this builder
     */
    public Builder unsigned(String origin) {
      signings.put(ZoneSpec.name(origin, Name.root), null);
      return this;
    }

    /** Which zone is signed how: the per-zone choices over the one for all. */
    private Map<Name, Signing> signings() {
      Map<Name, Signing> chosen = new LinkedHashMap<>();
      signings.keySet().stream()
          .filter(origin -> zones.stream().noneMatch(zone -> zone.origin().equals(origin)))
          .findFirst().ifPresent(origin -> {
            throw new IllegalStateException("signed(...) or unsigned(...) names " + origin
                + ", which is not a zone of the hierarchy");
          });
      for (ServedZone zone : zones) {
        Signing signing = signings.containsKey(zone.origin()) ? signings.get(zone.origin()) : signAll;
        if (signing != null) {
          chosen.put(zone.origin(), signing);
        }
      }
      return chosen;
    }

    /**
     * Sets the port all servers listen on. The default, 0, picks a port that is free on every
     * address for UDP and TCP.
     *
     * @param port 0, or 1..65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Binds and starts every server.
     *
     * @return the running hierarchy, which the caller closes
     * @throws IllegalArgumentException if a zone's name servers have no loopback address, or one
     *     that is not loopback
     * @throws IllegalStateException if no zone was given, a zone named for signing is not one, or
     *     an address or the port cannot be bound
     */
    public TestHierarchy build() {
      if (zones.isEmpty()) {
        throw new IllegalStateException("no zones: add at least one with zone(...)");
      }
      return new TestHierarchy(HierarchySigner.sign(zones, signings(), Instant.now()), port);
    }
  }
}
