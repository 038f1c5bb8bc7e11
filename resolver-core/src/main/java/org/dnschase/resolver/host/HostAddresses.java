package org.dnschase.resolver.host;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Resolution;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The addresses of one name: the A and AAAA resolutions a host look-up asked for, each with its
 * own chain, and their addresses in the {@link AddressOrder} asked for. Immutable.
 *
 * @param name the absolute name the addresses belong to: the name asked for, or the search
 *     candidate that had addresses ({@link SearchList})
 * @param order which families were asked for, and which comes first
 * @param source where the addresses came from
 * @param ipv4 the A resolution of {@code name}; null when the order asked for IPv6 only
 * @param ipv6 the AAAA resolution of {@code name}; null when the order asked for IPv4 only
 */
public record HostAddresses(Name name, AddressOrder order, Source source,
    Resolution ipv4, Resolution ipv6) {

  /** Where a look-up's answer came from. */
  public enum Source {
    /** The {@link HostsFile}: no query was sent, and the records carry TTL 0. */
    HOSTS_FILE,
    /** The resolver: the cache or an iterative walk. */
    DNS
  }

  /** Checks that exactly the families the order asks for are present. */
  public HostAddresses {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(source, "source");
    if ((ipv4 != null) != order.asksIpv4() || (ipv6 != null) != order.asksIpv6()) {
      throw new IllegalArgumentException(order + " needs " + (order.asksIpv4() ? "an" : "no")
          + " A resolution and " + (order.asksIpv6() ? "an" : "no") + " AAAA resolution");
    }
  }

  /** {@return the resolutions asked for, in the order's family order} */
  public List<Resolution> resolutions() {
    List<Resolution> asked = new ArrayList<>(2);
    if (order == AddressOrder.IPV6_FIRST) {
      asked.add(ipv6);
      asked.add(ipv4);
    } else {
      if (ipv4 != null) {
        asked.add(ipv4);
      }
      if (ipv6 != null) {
        asked.add(ipv6);
      }
    }
    return asked;
  }

  /** {@return every address found, the families in the order asked for, each in the order received} */
  public List<InetAddress> addresses() {
    List<InetAddress> all = new ArrayList<>();
    for (Resolution resolution : resolutions()) {
      all.addAll(addressesOf(resolution));
    }
    return all;
  }

  /** {@return the IPv4 addresses, in the order received; empty when none or not asked} */
  public List<InetAddress> ipv4Addresses() {
    return addressesOf(ipv4);
  }

  /** {@return the IPv6 addresses, in the order received; empty when none or not asked} */
  public List<InetAddress> ipv6Addresses() {
    return addressesOf(ipv6);
  }

  /** {@return whether no address was found} */
  public boolean isEmpty() {
    return addresses().isEmpty();
  }

  /** {@return the address records of the answers, the families in the order asked for} */
  public List<Record> addressRecords() {
    List<Record> all = new ArrayList<>();
    for (Resolution resolution : resolutions()) {
      if (resolution instanceof Resolution.Answer answer) {
        all.addAll(answer.records());
      }
    }
    return all;
  }

  /**
   * The TTL the addresses may be kept for: the minimum over the answers; when no family was
   * answered, the minimum over the outcomes (how long the absence may be kept).
   *
   * @return the TTL
   */
  public Duration ttl() {
    Duration answered = null;
    Duration any = null;
    for (Resolution resolution : resolutions()) {
      any = any == null || resolution.ttl().compareTo(any) < 0 ? resolution.ttl() : any;
      if (resolution instanceof Resolution.Answer) {
        answered = answered == null || resolution.ttl().compareTo(answered) < 0 ? resolution.ttl() : answered;
      }
    }
    return answered != null ? answered : any;
  }

  /** {@return what the resolutions reported, without repeats} */
  public List<Diagnostic> diagnostics() {
    Set<Diagnostic> all = new LinkedHashSet<>();
    resolutions().forEach(resolution -> all.addAll(resolution.diagnostics()));
    return List.copyOf(all);
  }

  private static List<InetAddress> addressesOf(Resolution resolution) {
    if (!(resolution instanceof Resolution.Answer answer)) {
      return List.of();
    }
    List<InetAddress> addresses = new ArrayList<>();
    for (Record record : answer.records()) {
      switch (record) {
        case ARecord a -> addresses.add(a.getAddress());
        case AAAARecord aaaa -> addresses.add(aaaa.getAddress());
        default -> { } // an answer of the asked type holds nothing else
      }
    }
    return List.copyOf(addresses);
  }
}
