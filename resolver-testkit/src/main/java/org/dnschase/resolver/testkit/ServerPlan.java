package org.dnschase.resolver.testkit;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Who serves what, read from the zone data itself: a zone is served at the addresses of the hosts
 * in its apex NS RRset, those addresses being the A/AAAA records of the host names found in any of
 * the zones (glue or authoritative data).
 */
final class ServerPlan {
  private final List<ServedZone> zones;

  ServerPlan(List<ServedZone> zones) {
    this.zones = List.copyOf(zones);
  }

  /**
   * Every server address with the zones it serves, in order of first appearance.
   *
   * @throws IllegalArgumentException naming the zone if a name server address is not loopback or
   *     none of its name servers has an address
   */
  Map<InetAddress, List<ServedZone>> serversByAddress() {
    Map<InetAddress, List<ServedZone>> plan = new LinkedHashMap<>();
    for (ServedZone zone : zones) {
      for (InetAddress address : addressesOf(zone)) {
        plan.computeIfAbsent(address, a -> new ArrayList<>()).add(zone);
      }
    }
    return plan;
  }

  private Set<InetAddress> addressesOf(ServedZone zone) {
    Set<InetAddress> addresses = new LinkedHashSet<>();
    for (Name host : zone.nameServers()) {
      for (Record record : addressRecords(host)) {
        InetAddress address = ServedZone.addressOf(record);
        if (!address.isLoopbackAddress()) {
          throw new IllegalArgumentException("zone " + zone.origin() + ": name server " + host
              + " has address " + address.getHostAddress()
              + ", which is not loopback; the testkit serves only on 127.0.0.0/8 and ::1");
        }
        addresses.add(address);
      }
    }
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("zone " + zone.origin() + ": none of its name servers "
          + zone.nameServers() + " has an A or AAAA record in the given zones (records outside"
          + " a zone's origin are dropped); give one a loopback address such as 127.53.0.1");
    }
    return addresses;
  }

  /** The A and AAAA records of {@code host} in all zones, one per address, first seen first. */
  List<Record> addressRecords(Name host) {
    Map<InetAddress, Record> byAddress = new LinkedHashMap<>();
    for (ServedZone zone : zones) {
      for (Record record : zone.addressRecords(host)) {
        byAddress.putIfAbsent(ServedZone.addressOf(record), record);
      }
    }
    return List.copyOf(byAddress.values());
  }
}
