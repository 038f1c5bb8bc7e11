package org.dnschase.resolver.host;

/**
 * Which address families a host look-up asks for, and which comes first in {@link
 * HostAddresses#addresses()}: what a JDK {@code LookupPolicy} or a caller asks for.
 */
public enum AddressOrder {
  /** A and AAAA, IPv4 addresses first: the JDK's default ({@code java.net.preferIPv6Addresses=false}). */
  IPV4_FIRST(true, true),
  /** A and AAAA, IPv6 addresses first ({@code java.net.preferIPv6Addresses=true}). */
  IPV6_FIRST(true, true),
  /** A only ({@code java.net.preferIPv4Stack=true}): AAAA is not asked. */
  IPV4_ONLY(true, false),
  /** AAAA only: A is not asked. */
  IPV6_ONLY(false, true);

  private final boolean ipv4;
  private final boolean ipv6;

  AddressOrder(boolean ipv4, boolean ipv6) {
    this.ipv4 = ipv4;
    this.ipv6 = ipv6;
  }

  /** {@return whether A records are asked for} */
  public boolean asksIpv4() {
    return ipv4;
  }

  /** {@return whether AAAA records are asked for} */
  public boolean asksIpv6() {
    return ipv6;
  }

  /**
   * The order the JDK's own system properties ask for: {@link #IPV4_ONLY} under {@code
   * java.net.preferIPv4Stack=true}, {@link #IPV6_FIRST} under {@code
   * java.net.preferIPv6Addresses=true}, and also under {@code =system}, where the JDK leaves the
   * order to the operating system (RFC 6724's default policy puts IPv6 first), {@link #IPV4_FIRST}
   * otherwise.
   *
   * @return the order the JVM's properties ask for, read now
   */
  public static AddressOrder jdkDefault() {
    if (Boolean.parseBoolean(System.getProperty("java.net.preferIPv4Stack"))) {
      return IPV4_ONLY;
    }
    String preferIpv6 = System.getProperty("java.net.preferIPv6Addresses", "false");
    return preferIpv6.equalsIgnoreCase("true") || preferIpv6.equalsIgnoreCase("system")
        ? IPV6_FIRST : IPV4_FIRST;
  }
}
