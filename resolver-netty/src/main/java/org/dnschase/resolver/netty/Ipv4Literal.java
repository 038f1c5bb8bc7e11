package org.dnschase.resolver.netty;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 literal as the JDK reads one ({@link InetAddress#getByName}, and so Netty's default
 * resolver, which asks it): the dotted quad, and its shortened forms of one to three parts, the
 * last filling the octets left, as BSD's {@code inet_aton} reads them: {@code 127.1} is 127.0.0.1,
 * {@code 10.1.2} is 10.1.0.2, {@code 2130706433} is 127.0.0.1 too. Every part is decimal, leading
 * zeros included ({@code 010.1} is 10.0.0.1, as the JDK reads it, not BSD's octal 8.0.0.1). No
 * such text is a host name a query could find: its last label would be an all-numeric top-level
 * domain, which none is (RFC 3696 §2).
 */
final class Ipv4Literal {

  /** The longest IPv4 literal the JDK reads, as long as 255.255.255.255. */
  private static final int MAX_LENGTH = 15;

  private Ipv4Literal() {}

  /** {@return the IPv4 address {@code text} spells, or null when it spells none} */
  static InetAddress parse(String text) {
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      return null;
    }
    long[] parts = new long[4];
    int count = 0;
    boolean partStarted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        if (!partStarted || count == 3) {
          return null;
        }
        count++;
        partStarted = false;
      } else if (c >= '0' && c <= '9') {
        parts[count] = parts[count] * 10 + (c - '0');
        partStarted = true;
      } else {
        return null;
      }
    }
    if (!partStarted) {
      return null;
    }
    return address(parts, count);
  }

  /** The address of {@code last + 1} parts: each but the last one octet, the last the octets left. */
  private static InetAddress address(long[] parts, int last) {
    byte[] octets = new byte[4];
    for (int i = 0; i < last; i++) {
      if (parts[i] > 0xFF) {
        return null;
      }
      octets[i] = (byte) parts[i];
    }
    int leftBits = 8 * (4 - last);
    if (parts[last] >= 1L << leftBits) {
      return null;
    }
    for (int i = 3; i >= last; i--) {
      octets[i] = (byte) (parts[last] >>> (8 * (3 - i)));
    }
    try {
      return InetAddress.getByAddress(octets);
    } catch (UnknownHostException impossible) { // four octets are always an address
      throw new IllegalStateException(impossible);
    }
  }
}
