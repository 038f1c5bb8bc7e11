package org.dnschase.resolver.internal.assembly;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.internal.servers.Nat64Prefix;
import org.dnschase.resolver.spi.Transport;

/**
 * How queries reach servers: the port and EDNS payload size, which server addresses may be asked
 * (the upstream filter and IPv6), the NAT64 prefix IPv4 servers are reached through, and either a given transport or the settings of the default one
 * (threads, 0x20), which a given transport excludes.
 */
public final class UpstreamOptions {

  /** The upstream filter; shown by its description when set twice. */
  private record Filter(Predicate<InetAddress> test, String description) {
    @Override
    public String toString() {
      return description;
    }
  }

  private final Setting<Integer> port = new Setting<>("upstreamPort");
  private final Setting<Integer> ednsPayloadSize = new Setting<>("ednsPayloadSize");
  private final Setting<Filter> filter = new Setting<>("upstreamFilter");
  private final Setting<Boolean> ipv6 = new Setting<>("ipv6");
  private final Setting<Transport> transport = new Setting<>("transport");
  private final Setting<Integer> transportThreads = new Setting<>("transportThreads");
  private final Setting<Boolean> caseRandomization = new Setting<>("caseRandomization");
  private final Setting<Nat64Prefix> nat64 = new Setting<>("nat64");

  UpstreamOptions() {}

  public void port(int upstreamPort) {
    port.requireUnset();
    if (upstreamPort < 1 || upstreamPort > 65535) {
      throw new IllegalArgumentException("upstreamPort must be 1..65535, was " + upstreamPort);
    }
    port.set(upstreamPort);
  }

  public void ednsPayloadSize(int size) {
    ednsPayloadSize.requireUnset();
    if (size != 0 && (size < 512 || size > 65535)) {
      throw new IllegalArgumentException("ednsPayloadSize must be 0 or 512..65535, was " + size);
    }
    ednsPayloadSize.set(size);
  }

  public void filter(Predicate<InetAddress> test, String description) {
    filter.requireUnset();
    Objects.requireNonNull(test, "filter");
    filter.set(new Filter(test, Objects.requireNonNull(description, "description")));
  }

  public void ipv6(boolean enabled) {
    if (!enabled && nat64.isSet()) {
      throw new IllegalStateException("ipv6(false) leaves no way to the servers that nat64 " + nat64.value()
          + " reaches over IPv6");
    }
    ipv6.set(enabled);
  }

  public void transport(Transport queryTransport) {
    transport.requireUnset();
    if (transportThreads.isSet() || Boolean.TRUE.equals(caseRandomization.value())) {
      throw new IllegalStateException((transportThreads.isSet() ? "transportThreads" : "caseRandomization")
          + " was set: it applies only to the default transport");
    }
    transport.set(Objects.requireNonNull(queryTransport, "queryTransport"));
  }

  public void transportThreads(int threads) {
    transportThreads.requireUnset();
    if (transport.isSet()) {
      throw new IllegalStateException("a transport was given: transportThreads applies only to the default one");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("transportThreads must be positive, was " + threads);
    }
    transportThreads.set(threads);
  }

  public void caseRandomization(boolean enabled) {
    caseRandomization.requireUnset();
    if (enabled && transport.isSet()) {
      throw new IllegalStateException("a transport was given: caseRandomization applies only to the default one");
    }
    caseRandomization.set(enabled);
  }

  int portOrDefault() {
    return port.orElse(Defaults.UPSTREAM_PORT);
  }

  int ednsPayloadSizeOrDefault() {
    return ednsPayloadSize.orElse(Defaults.EDNS_PAYLOAD_SIZE);
  }

  /**
   * Reaches every IPv4 server through the NAT64 {@code prefix}, over IPv6.
   *
   * @throws IllegalArgumentException when {@code prefix} is not a NAT64 prefix (RFC 6052 §2.2)
   * @throws IllegalStateException when IPv6 was turned off
   */
  public void nat64(String prefix) {
    nat64.requireUnset();
    Nat64Prefix parsed = Nat64Prefix.parse(Objects.requireNonNull(prefix, "prefix"));
    if (!asksIpv6()) {
      throw new IllegalStateException("nat64 " + prefix + " reaches IPv4 servers over IPv6, which ipv6(false) turned off");
    }
    nat64.set(parsed);
  }

  /** {@return the NAT64 prefix IPv4 servers are reached through, null when they are asked directly} */
  Nat64Prefix nat64OrNull() {
    return nat64.value();
  }

  boolean asksIpv6() {
    return ipv6.orElse(Defaults.IPV6);
  }

  /**
   * {@return the filter given, else {@link HostLocalAddresses}' with the servers {@code given}
   * exempt (and loopback for a {@code lab}), narrowed to IPv4 when servers are not asked over IPv6}
   */
  Predicate<InetAddress> addressFilter(Set<InetAddress> given, boolean lab) {
    Predicate<InetAddress> test = filter.isSet() ? filter.value().test()
        : HostLocalAddresses.refusedUnless(given, lab);
    return asksIpv6() ? test : test.and(address -> !(address instanceof Inet6Address));
  }

  /** {@return the words for {@link #addressFilter} in reports of refused servers} */
  String addressFilterDescription(boolean lab) {
    String description = filter.isSet() ? filter.value().description()
        : lab ? HostLocalAddresses.LAB_DESCRIPTION : HostLocalAddresses.DESCRIPTION;
    return asksIpv6() ? description : description + ", IPv4 only";
  }

  /** {@return the transport given, else null: the resolver then makes and owns the default one} */
  Transport transportOrNull() {
    return transport.value();
  }

  int transportThreadsOrDefault() {
    return transportThreads.orElse(Defaults.TRANSPORT_THREADS);
  }

  boolean caseRandomizationOrDefault() {
    return caseRandomization.orElse(Defaults.CASE_RANDOMIZATION);
  }
}
