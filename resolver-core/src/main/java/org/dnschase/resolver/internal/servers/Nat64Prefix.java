package org.dnschase.resolver.internal.servers;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import org.xbill.DNS.Address;

/**
 * A NAT64 prefix (RFC 6052 §2.2): how a resolver on an IPv6-only network reaches an IPv4-only
 * server, at the IPv6 address that embeds the server's IPv4 address in the prefix, which a NAT64
 * translator (RFC 6146) forwards. Unbound's {@code do-nat64} with {@code nat64-prefix}.
 */
public final class Nat64Prefix {

  /** The prefix lengths RFC 6052 §2.2 defines. */
  private static final Set<Integer> LENGTHS = Set.of(32, 40, 48, 56, 64, 96);
  /** Octet 8 of the address (bits 64 to 71, "u"), left zero for the other lengths (RFC 6052 §2.2). */
  private static final int U_OCTET = 8;

  private final byte[] prefix;
  private final int length;
  private final String text;

  private Nat64Prefix(byte[] prefix, int length, String text) {
    this.prefix = prefix;
    this.length = length;
    this.text = text;
  }

  /**
   * Reads {@code "address/length"}, e.g. {@code "64:ff9b::/96"} (the Well-Known Prefix, RFC 6052
   * §2.1).
   *
   * @throws IllegalArgumentException when it is not an IPv6 prefix of a length RFC 6052 defines
   */
  public static Nat64Prefix parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("a NAT64 prefix needs a length, as in 64:ff9b::/96: " + text);
    }
    InetAddress address;
    int length;
    try {
      address = Address.getByAddress(text.substring(0, slash), Address.IPv6);
      length = Integer.parseInt(text.substring(slash + 1));
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("not an IPv6 prefix: " + text, e);
    }
    if (!LENGTHS.contains(length)) {
      throw new IllegalArgumentException("a NAT64 prefix is /32, /40, /48, /56, /64 or /96 long (RFC 6052 §2.2), not /"
          + length + ": " + text);
    }
    byte[] bytes = Address.truncate(address, length).getAddress();
    if (length == 96 && bytes[U_OCTET] != 0) { // a shorter prefix ends before them
      throw new IllegalArgumentException("bits 64 to 71 of a NAT64 prefix are zero (RFC 6052 §2.2): " + text);
    }
    return new Nat64Prefix(bytes, length, text);
  }

  /**
   * The address to send to for {@code server}: an IPv4 address embedded in the prefix, its four
   * octets around octet 8, which stays zero; an IPv6 address as it is.
   */
  public InetAddress reach(InetAddress server) {
    if (!(server instanceof Inet4Address)) {
      return server;
    }
    byte[] embedded = prefix.clone();
    byte[] ipv4 = server.getAddress();
    int at = length / 8;
    for (byte octet : ipv4) {
      if (at == U_OCTET) {
        at++;
      }
      embedded[at++] = octet;
    }
    try {
      return InetAddress.getByAddress(embedded);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 octets are an IPv6 address", e);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
