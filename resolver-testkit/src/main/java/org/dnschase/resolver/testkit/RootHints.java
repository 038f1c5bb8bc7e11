package org.dnschase.resolver.testkit;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The root zone's apex NS records and the address records of their hosts, as a resolver's hints
 * file holds them (the shape of IANA's named.root).
 */
record RootHints(List<Record> ns, Map<Name, List<Record>> addresses) {

  /** The hints of the root zone among {@code zones}, or empty ones if there is none. */
  static RootHints of(List<ServedZone> zones, ServerPlan plan) {
    ServedZone root = zones.stream().filter(zone -> zone.origin().equals(Name.root))
        .findFirst().orElse(null);
    if (root == null) {
      return new RootHints(List.of(), Map.of());
    }
    Map<Name, List<Record>> addresses = new LinkedHashMap<>();
    for (Record ns : root.apexNs()) {
      Name host = ((NSRecord) ns).getTarget();
      List<Record> records = plan.addressRecords(host);
      if (!records.isEmpty()) {
        addresses.put(host, records);
      }
    }
    return new RootHints(root.apexNs(), addresses);
  }

  Map<Name, List<InetAddress>> asMap() {
    Map<Name, List<InetAddress>> hints = new LinkedHashMap<>();
    addresses.forEach((host, records) ->
        hints.put(host, records.stream().map(ServedZone::addressOf).toList()));
    return hints;
  }

  String asText() {
    StringBuilder text = new StringBuilder();
    ns.forEach(record -> text.append(record).append('\n'));
    addresses.values().forEach(records -> records.forEach(r -> text.append(r).append('\n')));
    return text.toString();
  }
}
