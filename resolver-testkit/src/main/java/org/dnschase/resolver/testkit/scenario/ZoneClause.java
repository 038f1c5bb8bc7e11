package org.dnschase.resolver.testkit.scenario;

import java.net.InetAddress;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * A testbound {@code stub-zone:} or {@code forward-zone:} clause: a zone whose servers are
 * configured rather than found by walking from the root.
 *
 * @param name the zone
 * @param addresses {@code stub-addr} / {@code forward-addr} (a {@code @port} suffix is not allowed)
 * @param hosts {@code stub-host} / {@code forward-host}: server names to look up
 * @param first {@code stub-first} / {@code forward-first}: fall back to the root when they fail
 * @param prime {@code stub-prime}: ask the stub servers for the zone's NS set before using them
 * @param noCache {@code stub-no-cache} / {@code forward-no-cache}: answers from the zone are not cached
 * @param tcpUpstream {@code stub-tcp-upstream} / {@code forward-tcp-upstream}: its servers are asked over TCP only
 * @param line the line the clause starts on
 */
public record ZoneClause(Name name, List<InetAddress> addresses, List<Name> hosts, boolean first,
    boolean prime, boolean noCache, boolean tcpUpstream, int line) {

  /** Copies the addresses and hosts. */
  public ZoneClause {
    addresses = List.copyOf(addresses);
    hosts = List.copyOf(hosts);
  }
}
