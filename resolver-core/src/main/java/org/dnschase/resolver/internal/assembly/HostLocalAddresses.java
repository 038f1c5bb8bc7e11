package org.dnschase.resolver.internal.assembly;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The default upstream filter: no query to an address no remote name server has, as Unbound's
 * do-not-query-localhost (on by default) refuses 127.0.0.0/8 and ::1. A referral's glue, or an NS
 * name's address, is the network's word: one naming this host would have the resolver query its
 * own services, itself included (a query loop), and one naming a group or the link would reach
 * every host there. Refused: loopback; 0.0.0.0/8 and :: ("this host", RFC 1122 §3.2.1.3, RFC 4291
 * §2.5.2), which Linux delivers to this host; multicast (RFC 5771, RFC 4291 §2.7); the limited
 * broadcast 255.255.255.255 (RFC 919 §7). The servers the resolver was given (root hints,
 * forward and stub zones) are asked wherever they are: a forwarder on this host is configured,
 * not referred to. A root on this host's loopback makes a lab of it, whose tree is all there: its
 * loopback servers are asked too.
 */
final class HostLocalAddresses {

  static final String DESCRIPTION = "not this host, multicast or broadcast, unless configured";
  static final String LAB_DESCRIPTION = "not 0.0.0.0, ::, multicast or broadcast, unless configured";

  private HostLocalAddresses() {}

  /** The filter that refuses these addresses, except {@code given} and, for a lab, loopback. */
  static Predicate<InetAddress> refusedUnless(Set<InetAddress> given, boolean lab) {
    return address -> given.contains(address) || !refused(address) || (lab && address.isLoopbackAddress());
  }

  /** Whether root hints make a lab: all their addresses on this host's loopback. */
  static boolean lab(List<InetAddress> roots) {
    return roots.stream().allMatch(InetAddress::isLoopbackAddress);
  }

  static boolean refused(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return true;
    }
    byte[] octets = address.getAddress();
    return address instanceof Inet4Address
        && (octets[0] == 0 || (octets[0] & octets[1] & octets[2] & octets[3]) == (byte) 0xff);
  }
}
