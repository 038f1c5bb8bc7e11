package org.dnschase.resolver.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.xbill.DNS.Rcode;

/**
 * The server's own counters, named as {@code unbound-control stats} names them where Unbound
 * has the counter. The resolver's counters (cache hits, upstream queries) are the resolver's.
 */
public final class ServerStats {

  private final LongAdder udpQueries = new LongAdder();
  private final LongAdder tcpQueries = new LongAdder();
  private final LongAdder ignored = new LongAdder();
  private final LongAdder unwanted = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder overloaded = new LongAdder();
  private final LongAdder tcpConnections = new LongAdder();
  private final LongAdder tcpRefused = new LongAdder();
  private final LongAdder tcpEvicted = new LongAdder();
  /** By rcode; BADVERS (16) is the largest the server sends. */
  private final LongAdder[] rcodes = new LongAdder[Rcode.BADVERS + 1];
  private final IntSupplier outstanding;

  /**
   * Counters that report {@code outstanding} as the resolutions under way.
   *
   * @param outstanding the resolutions under way now
   */
  public ServerStats(IntSupplier outstanding) {
    this.outstanding = outstanding;
    for (int i = 0; i < rcodes.length; i++) {
      rcodes[i] = new LongAdder();
    }
  }

  void query(boolean overTcp) {
    (overTcp ? tcpQueries : udpQueries).increment();
  }

  void ignored() {
    ignored.increment();
  }

  void unwanted() {
    unwanted.increment();
  }

  void rateLimited() {
    rateLimited.increment();
  }

  void overloaded() {
    overloaded.increment();
  }

  /** A TCP connection accepted. */
  public void tcpConnection() {
    tcpConnections.increment();
  }

  /** A TCP connection closed at once: as many were open as the server takes, each owed an answer. */
  void tcpRefused() {
    tcpRefused.increment();
  }

  /** An idle TCP connection closed to make room for a new one. */
  void tcpClosedForRoom() {
    tcpEvicted.increment();
  }

  void answered(int rcode) {
    rcodes[Math.min(rcode, rcodes.length - 1)].increment();
  }

  /**
   * The counters now, in a fixed order.
   *
   * @return name to value
   */
  public Map<String, Long> snapshot() {
    Map<String, Long> all = new LinkedHashMap<>();
    all.put("total.num.queries", udpQueries.sum() + tcpQueries.sum());
    all.put("num.query.udp", udpQueries.sum());
    all.put("num.query.tcp", tcpQueries.sum());
    all.put("num.query.ignored", ignored.sum());
    all.put("unwanted.queries", unwanted.sum());
    all.put("num.query.ratelimited", rateLimited.sum());
    all.put("total.requestlist.exceeded", overloaded.sum());
    all.put("total.requestlist.current.all", (long) outstanding.getAsInt());
    all.put("num.tcp.connections", tcpConnections.sum());
    all.put("num.tcp.refused", tcpRefused.sum());
    all.put("num.tcp.evicted", tcpEvicted.sum());
    for (int rcode = 0; rcode < rcodes.length; rcode++) {
      long count = rcodes[rcode].sum();
      if (count > 0 || rcode <= Rcode.REFUSED) {
        all.put("num.answer.rcode." + Rcode.string(rcode), count);
      }
    }
    return all;
  }
}
