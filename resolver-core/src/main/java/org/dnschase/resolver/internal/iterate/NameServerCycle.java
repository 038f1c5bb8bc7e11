package org.dnschase.resolver.internal.iterate;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A cyclic dependency among name-server look-ups: the name servers on it, and the look-ups as
 * "name (for zone) -> ...".
 */
record NameServerCycle(List<Name> nameServers, String description) {

  /**
   * The cycle closed by looking up {@code nameServer} for {@code zone} from {@code q}, when an
   * enclosing look-up already looks up that name: the new look-up would need itself (tsuNAME).
   */
  static Optional<NameServerCycle> through(Query q, Name nameServer, Name zone) {
    ArrayDeque<String> path = new ArrayDeque<>();
    ArrayDeque<Name> names = new ArrayDeque<>();
    path.addFirst(nameServer + " (for " + zone + ")");
    for (Query ancestor = q; ancestor != null; ancestor = ancestor.parent()) {
      if (ancestor.forZone() == null) {
        continue;
      }
      path.addFirst(ancestor.qname() + " (for " + ancestor.forZone() + ")");
      names.addFirst(ancestor.qname());
      if (ancestor.qname().equals(nameServer) && ancestor.qtype() == Type.A) {
        return Optional.of(new NameServerCycle(List.copyOf(names), String.join(" -> ", path)));
      }
    }
    return Optional.empty();
  }
}
