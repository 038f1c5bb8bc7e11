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
import org.xbill.DNS.Type;

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

  /**
   * The addresses as {@link #addresses()} lists them, each carrying {@code hostName} as its host
   * name, as the JDK's own resolver names the addresses of the name it was asked, so that {@link
   * InetAddress#getHostName()} gives it back without a reverse look-up.
   *
   * @param hostName the name as the caller asked it
   * @return the addresses, named
   */
  public List<InetAddress> addresses(String hostName) {
    List<InetAddress> named = new ArrayList<>();
    for (InetAddress address : addresses()) {
      try {
        named.add(InetAddress.getByAddress(hostName, address.getAddress()));
      } catch (java.net.UnknownHostException impossible) {
        throw new IllegalStateException("4 or 16 octets are an address", impossible);
      }
    }
    return List.copyOf(named);
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

  /**
   * What the look-up found, in words, for logs and exception messages: for a name without
   * addresses, {@code no such name} when every family was NXDOMAIN, else {@code no address}, then
   * each family's outcome, e.g. {@code no such name (db.corp.test.: A NXDOMAIN; AAAA NXDOMAIN)}.
   *
   * @return the description
   */
  public String describe() {
    List<String> outcomes = new ArrayList<>(2);
    for (Resolution resolution : resolutions()) {
      outcomes.add(Type.string(resolution.qtype()) + " " + describe(resolution));
    }
    String summary = !isEmpty() ? addresses().size() + " addresses"
        : resolutions().stream().allMatch(Resolution.NxDomain.class::isInstance) ? "no such name" : "no address";
    return summary + " (" + name + ": " + String.join("; ", outcomes) + ")";
  }

  /**
   * One outcome in words: {@code NXDOMAIN}, {@code NODATA} (with where an alias chain ended), the
   * failure's reason and detail, or the number of records answered.
   *
   * @param outcome the outcome
   * @return the description
   */
  public static String describe(Resolution outcome) {
    String via = outcome.chain().isEmpty() ? "" : " at " + outcome.finalName() + " after "
        + outcome.chain().size() + (outcome.chain().size() == 1 ? " alias" : " aliases");
    return switch (outcome) {
      case Resolution.Answer answer -> answer.records().size() + " records" + via;
      case Resolution.NoData noData -> "NODATA" + via;
      case Resolution.NxDomain nx -> "NXDOMAIN" + via;
      case Resolution.Failure failure -> "failed, " + failure.reason() + ": " + failure.detail();
    };
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
