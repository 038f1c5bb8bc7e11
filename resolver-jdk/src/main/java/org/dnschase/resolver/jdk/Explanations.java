package org.dnschase.resolver.jdk;

import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.host.HostAddresses;

/** What an {@link java.net.UnknownHostException} says: why the look-up found nothing. */
final class Explanations {

  private Explanations() {}

  /** Why {@code host} has no address: each family's outcome, at the name it was looked up as. */
  static String noAddress(String host, HostAddresses found) {
    return host + ": " + found.describe();
  }

  /** Why {@code address} has no name. */
  static String noName(String address, Resolution found) {
    return address + ": no name (" + found.qname() + " PTR " + HostAddresses.describe(found) + ")";
  }
}
