package org.dnschase.resolver.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Name;

/**
 * One authoritative server of a {@link TestHierarchy}: a loopback address, answering over UDP and
 * TCP on the hierarchy's port for every zone whose NS hosts have that address. It records every
 * query it gets and can be told to misbehave ({@link #setFault}) or to answer from a script
 * ({@link #setDispatcher}). Thread-safe: tests configure it while the event loop serves.
 */
public final class AuthServer {
  private final InetAddress address;
  private final List<Name> zones;
  private final ZoneDispatcher zoneDispatcher;
  private final QueryLog queryLog = new QueryLog();
  private final QueryLog hierarchyLog;
  private final Map<Name, Fault> faultsByName = new ConcurrentHashMap<>();
  private volatile Fault fault;
  private volatile Dispatcher dispatcher;
  private volatile int port;

  AuthServer(InetAddress address, List<ServedZone> zones, QueryLog hierarchyLog) {
    this.address = address;
    this.zones = zones.stream().map(ServedZone::origin).toList();
    this.zoneDispatcher = new ZoneDispatcher(zones);
    this.dispatcher = zoneDispatcher;
    this.hierarchyLog = hierarchyLog;
  }

  /** {@return the loopback address this server listens on} */
  public InetAddress address() {
    return address;
  }

  /** {@return the port this server listens on (UDP and TCP), the same for the whole hierarchy} */
  public int port() {
    return port;
  }

  /** {@return {@link #address()} and {@link #port()} together, e.g. for dnsjava's SimpleResolver} */
  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(address, port);
  }

  /** {@return the origins of the zones this server is authoritative for, in the order they were given} */
  public List<Name> zones() {
    return zones;
  }

  /** {@return every query recorded since the start or the last {@link #clearQueries()}, oldest first} */
  public List<RecordedQuery> queries() {
    return queryLog.all();
  }

  /** {@return how many queries were recorded since the start or the last {@link #clearQueries()}} */
  public int queryCount() {
    return queryLog.count();
  }

  /**
   * Returns the oldest query not taken yet, or null if every recorded query was taken. Does not
   * wait: a query is recorded before its reply is sent, so after a client got its reply the query
   * is here.
   *
   * @return the oldest query not taken yet, or null
   */
  public RecordedQuery takeQuery() {
    return queryLog.take();
  }

  /** Forgets the recorded queries of this server. */
  public void clearQueries() {
    queryLog.clear();
  }

  /**
   * Makes every query to this server meet {@code fault}, except qnames with their own fault.
   *
   * @param fault what every query meets
   */
  public void setFault(Fault fault) {
    this.fault = Objects.requireNonNull(fault, "fault");
  }

  /**
   * Makes queries for exactly {@code qname} (any type) meet {@code fault}.
   *
   * @param qname the query name, matched exactly
   * @param fault what its queries meet
   */
  public void setFault(Name qname, Fault fault) {
    faultsByName.put(Objects.requireNonNull(qname, "qname"), Objects.requireNonNull(fault, "fault"));
  }

  /** Removes every fault: this server answers normally again. */
  public void clearFault() {
    fault = null;
    faultsByName.clear();
  }

  /** {@return the dispatcher that answers from this server's zones, to delegate to from a script} */
  public Dispatcher zoneDispatcher() {
    return zoneDispatcher;
  }

  /**
   * Answers queries with {@code dispatcher}; {@code setDispatcher(zoneDispatcher())} restores.
   *
   * @param dispatcher what answers the queries from now on
   */
  public void setDispatcher(Dispatcher dispatcher) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
  }

  @Override
  public String toString() {
    return "AuthServer[" + address.getHostAddress() + ":" + port + " " + zones + "]";
  }

  Dispatcher dispatcher() {
    return dispatcher;
  }

  /** The fault for {@code qname}, or null to answer normally. */
  Fault faultFor(Name qname) {
    Fault own = faultsByName.get(qname);
    return own != null ? own : fault;
  }

  void record(RecordedQuery query) {
    queryLog.add(query);
    hierarchyLog.add(query);
  }

  void bound(int port) {
    this.port = port;
  }
}
