package org.dnschase.resolver.internal.host;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.host.AddressOrder;
import org.dnschase.resolver.host.HostAddresses;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The outcomes a hosts-file entry stands for: answers with TTL 0 (the file may change at any
 * time, so nothing should keep them) and no query, NODATA for a family it does not list. Their
 * DNSSEC status is given: INSECURE where the resolver validates (local data no chain of trust
 * covers, as Unbound's local data), INDETERMINATE where it does not.
 */
final class HostsAnswers {

  private HostsAnswers() {}

  static HostAddresses addresses(Name name, HostsTable.Addresses listed, AddressOrder order,
      Security security) {
    return new HostAddresses(name, order, HostAddresses.Source.HOSTS_FILE,
        order.asksIpv4() ? family(name, Type.A, listed.ipv4(), security) : null,
        order.asksIpv6() ? family(name, Type.AAAA, listed.ipv6(), security) : null);
  }

  static Resolution pointer(Name reverseName, Name host, Security security) {
    return answer(reverseName, Type.PTR, new RRset(new PTRRecord(reverseName, DClass.IN, 0, host)), security);
  }

  private static Resolution family(Name name, int type, List<InetAddress> addresses, Security security) {
    if (addresses.isEmpty()) {
      return new Resolution.NoData(name, type,
          new Resolution.Negative.Authority(null, List.of(), Duration.ZERO, List.of()), List.of(), Duration.ZERO,
          List.of(), List.of(), 0, security, false);
    }
    RRset rrset = new RRset();
    for (InetAddress address : addresses) {
      rrset.addRR(record(name, address));
    }
    return answer(name, type, rrset, security);
  }

  private static Resolution answer(Name name, int type, RRset rrset, Security security) {
    return new Resolution.Answer(name, type, rrset, List.of(), Duration.ZERO, List.of(), List.of(), 0, security,
        List.of(), false);
  }

  private static Record record(Name name, InetAddress address) {
    return address instanceof Inet4Address
        ? new ARecord(name, DClass.IN, 0, address)
        : new AAAARecord(name, DClass.IN, 0, address);
  }
}
