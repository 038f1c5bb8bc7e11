package org.dnschase.resolver;

import java.net.InetAddress;
import java.util.function.Predicate;
import org.dnschase.resolver.internal.assembly.UpstreamOptions;
import org.dnschase.resolver.spi.Transport;

/**
 * The settings of {@link ResolverBuilder} that say how queries reach upstream servers: the port,
 * EDNS, which servers may be asked, NAT64, and the transport or the default one's threads and 0x20.
 * Package-private and sealed to the builder, whose public methods these are (as the JDK's {@code
 * AbstractStringBuilder}'s are {@code StringBuilder}'s): the builder's surface is one type, its
 * source two files of one job each.
 */
abstract sealed class UpstreamSettings permits ResolverBuilder {

  private final UpstreamOptions upstream;

  UpstreamSettings(UpstreamOptions upstream) {
    this.upstream = upstream;
  }

  /**
   * The port upstream servers listen on (default 53), so labs can run unprivileged.
   *
   * @param port the port, 1..65535
   * @return this builder
   */
  public ResolverBuilder upstreamPort(int port) {
    upstream.port(port);
    return builder();
  }

  /**
   * The EDNS0 UDP payload size advertised (default 1232); 0 sends queries without EDNS.
   *
   * @param size 0, or 512..65535 octets
   * @return this builder
   */
  public ResolverBuilder ednsPayloadSize(int size) {
    upstream.ednsPayloadSize(size);
    return builder();
  }

  /**
   * Only servers whose address passes {@code filter} are sent queries; the others count as failed
   * servers, reported under {@code description}. Without a filter (Unbound's do-not-query-localhost)
   * no query goes to this host (loopback, 0.0.0.0/8, ::), a multicast group or 255.255.255.255,
   * except to the servers given here (root hints, forward and stub zones); root hints all on
   * loopback make a lab, whose loopback servers are asked too.
   *
   * @param filter which server addresses may be sent queries
   * @param description the rule in words
   * @return this builder
   */
  public ResolverBuilder upstreamFilter(Predicate<InetAddress> filter, String description) {
    upstream.filter(filter, description);
    return builder();
  }

  /**
   * Sends queries to loopback addresses only: the guard for tests, demos and benchmarks.
   *
   * @return this builder
   */
  public ResolverBuilder loopbackOnly() {
    return upstreamFilter(InetAddress::isLoopbackAddress, "loopback only");
  }

  /**
   * Whether servers are asked over IPv6 (default true). Off, IPv6 addresses of servers are skipped
   * like addresses the upstream filter refuses, for hosts without IPv6 connectivity.
   *
   * @param enabled whether servers are asked over IPv6
   * @return this builder
   */
  public ResolverBuilder ipv6(boolean enabled) {
    upstream.ipv6(enabled);
    return builder();
  }

  /**
   * Reaches IPv4-only servers from an IPv6-only network through a NAT64 translator (Unbound's
   * {@code do-nat64}): each IPv4 server is asked at the IPv6 address that embeds its address in
   * {@code prefix} (RFC 6052 §2.2), e.g. {@value Defaults#NAT64_PREFIX}, the Well-Known Prefix;
   * the upstream filter judges that address. Off by default.
   *
   * @param prefix an IPv6 prefix of length 32, 40, 48, 56, 64 or 96, as {@code "64:ff9b::/96"}
   * @return this builder
   * @throws IllegalArgumentException when {@code prefix} is not such a prefix
   * @throws IllegalStateException when IPv6 is off ({@link #ipv6(boolean)}), or it was set already
   */
  public ResolverBuilder nat64(String prefix) {
    upstream.nat64(prefix);
    return builder();
  }

  /**
   * How queries reach servers. The default is a Netty UDP/TCP transport the resolver owns and
   * closes; a transport given here stays open after the resolver closes.
   *
   * @param queryTransport the transport; the caller closes it
   * @return this builder
   */
  public ResolverBuilder transport(Transport queryTransport) {
    upstream.transport(queryTransport);
    return builder();
  }

  /**
   * Event loop threads of the default transport (default 2).
   *
   * @param threads the number of event loop threads, positive
   * @return this builder
   */
  public ResolverBuilder transportThreads(int threads) {
    upstream.transportThreads(threads);
    return builder();
  }

  /**
   * 0x20 (Unbound's use-caps-for-id), off by default: query names go out in random case and a
   * reply counts only if its question repeats that spelling, one more bit per letter for a spoofer
   * to guess. A server that never repeats the case is asked without it for 15 minutes. Results and
   * cache keys keep the names as asked. Applies to the default transport only.
   *
   * @param enabled whether to randomise the case of query names
   * @return this builder
   */
  public ResolverBuilder caseRandomization(boolean enabled) {
    upstream.caseRandomization(enabled);
    return builder();
  }

  /** The builder these settings are part of: the only subclass, as the class is sealed to it. */
  private ResolverBuilder builder() {
    return (ResolverBuilder) this;
  }
}
