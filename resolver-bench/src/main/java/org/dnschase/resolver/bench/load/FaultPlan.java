package org.dnschase.resolver.bench.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.xbill.DNS.Section;

/**
 * Turns a run's faults on in the lab: every server drops a share of the queries and answers a
 * share of the rest late, as a lossy, jittery network would; the flood zone's server answers every
 * query with {@code floodOwners} extra records under distinct owners in the additional section
 * (in its own bailiwick), which arrive over TCP after the truncated UDP reply.
 */
final class FaultPlan {
  private FaultPlan() {}

  /** Sets the faults of {@code options} on the servers of {@code lab}; with none, sets nothing. */
  static void apply(TestHierarchy lab, LoadOptions options) {
    Fault late = options.delayShare() > 0 ? new Fault.Sometimes(options.delayShare(),
        new Fault.Delay(options.delay())) : null;
    Fault lossy = options.drop() > 0 ? new Fault.Sometimes(options.drop(), new Fault.Drop(), late) : late;
    if (lossy != null) {
      lab.servers().forEach(server -> server.setFault(lossy));
    }
    if (options.hostile() > 0) {
      AuthServer flooding = lab.server(address(LoadZones.FLOOD_SERVER));
      flooding.setFault(new Fault.Flood(LoadZones.FLOOD_OWNERS, options.floodOwners(), Section.ADDITIONAL));
    }
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
