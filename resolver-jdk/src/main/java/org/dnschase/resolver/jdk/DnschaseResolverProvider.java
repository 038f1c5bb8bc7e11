package org.dnschase.resolver.jdk;

import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;

/**
 * The JDK's name service through dnschase (JEP 418): with this module's jar on the class path,
 * {@code InetAddress.getByName}, {@code getAllByName} and {@code getCanonicalHostName}, and every
 * library built on them, resolve names iteratively from the root with dnschase's cache.
 *
 * <p>Configured by system properties, read at the first look-up:
 * <ul>
 *   <li>{@code dnschase.enabled}: {@code false} hands every look-up to the JDK's built-in
 *       resolver; default {@code true}.
 *   <li>{@code dnschase.rootHints}: a root hints file (master-file format); default the IANA roots.
 *   <li>{@code dnschase.upstreamPort}: the port servers are asked on; default 53.
 *   <li>{@code dnschase.loopbackOnly}: {@code true} sends queries to loopback addresses only.
 *   <li>{@code dnschase.forwardZones}: zones whose names are asked of recursive servers instead
 *       of walked from the root, e.g. {@code cluster.local=system,corp.example=10.1.1.53:53}:
 *       zones separated by commas, servers by semicolons, each an address with an optional port
 *       ({@code [v6]:port} for IPv6), a host name, or {@code system}, the name servers of the
 *       resolv.conf file; an address without a port is asked on the upstream port.
 *   <li>{@code dnschase.stubZones}: zones walked from the given authoritative servers, in the
 *       same form.
 *   <li>{@code dnschase.hostsFile}: a hosts file consulted first and polled for changes; default
 *       {@code /etc/hosts} when it exists; an empty value for none.
 *   <li>{@code dnschase.resolvConf}: where search domains and ndots come from; default {@code
 *       /etc/resolv.conf} when it exists; an empty value for none.
 *   <li>{@code dnschase.searchDomains} (separated by commas or spaces) and {@code dnschase.ndots}:
 *       override the resolv.conf's.
 *   <li>{@code dnschase.trustAnchors}: a file of DNSSEC trust anchors (DS or DNSKEY records, as
 *       Unbound's {@code trust-anchor-file}), which turns validation on; by default the resolver
 *       validates from the root's built-in keys exactly when no root hints are given. Names under
 *       a forward or stub zone stay INSECURE under the built-in keys, so split DNS such as {@code
 *       cluster.local=system} keeps resolving; anchors given here cover the forward zones below
 *       them, whose parents then prove them unsigned (INSECURE) or signed.
 *   <li>{@code dnschase.validation}: {@code false} switches validation off, {@code true} on from
 *       the root's built-in keys even with root hints given; unset, the default above. False with
 *       trust anchors given is a conflict.
 * </ul>
 *
 * <p>{@code localhost} and this machine's own name are answered by the built-in resolver, as
 * without the provider; a name under {@code localhost} is the loopback addresses, without a query
 * (RFC 6761 §6.3). A look-up that finds no address throws an {@link
 * java.net.UnknownHostException} saying why (NXDOMAIN, NODATA, or the failure and its reason),
 * and no look-up waits longer than the resolver's deadline. A malformed property or file makes
 * every look-up fail with an {@code UnknownHostException} naming the property, the file and the
 * line; it is logged once.
 */
public final class DnschaseResolverProvider extends InetAddressResolverProvider {

  /** Called by the {@link java.util.ServiceLoader}. */
  public DnschaseResolverProvider() {}

  /**
   * The resolver the JDK uses from now on: dnschase's, or the built-in one when {@code
   * dnschase.enabled} is {@code false}.
   *
   * @param configuration the JDK's built-in resolver and the machine's own name
   * @return the resolver
   */
  @Override
  public InetAddressResolver get(Configuration configuration) {
    String enabled = System.getProperty(ProviderSettings.PREFIX + "enabled");
    boolean on;
    try {
      on = ProviderSettings.enabled(enabled);
    } catch (IllegalArgumentException e) {
      return new DnschaseInetAddressResolver(configuration, () -> {
        throw e;
      });
    }
    return on ? new DnschaseInetAddressResolver(configuration,
        () -> ProviderSettings.read(System::getProperty)) : configuration.builtinResolver();
  }

  /** {@return "dnschase"} */
  @Override
  public String name() {
    return "dnschase";
  }
}
