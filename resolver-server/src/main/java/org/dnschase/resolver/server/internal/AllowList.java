package org.dnschase.resolver.server.internal;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.dnschase.resolver.spi.LogText;

/**
 * Which clients may ask: address blocks in CIDR notation, matched by Netty's
 * {@link IpSubnetFilterRule}. Everyone else is answered REFUSED (Unbound's {@code access-control:
 * ... refuse}).
 */
public final class AllowList {

  /** Loopback only, IPv4 and IPv6: the default, as Unbound's. */
  public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

  private final List<IpSubnetFilterRule> blocks;
  private final List<String> texts;

  private AllowList(List<IpSubnetFilterRule> blocks, List<String> texts) {
    this.blocks = blocks;
    this.texts = texts;
  }

  /**
   * Parses address blocks such as {@code 192.0.2.0/24}, {@code 2001:db8::/32} or a single
   * address ({@code 192.0.2.7}, a /32 or /128).
   *
   * @param cidrs the blocks, at least one
   * @return the allow list
   * @throws IllegalArgumentException naming the first block that is not an address literal with a
   *     prefix length that fits it (names are refused: no lookup happens here)
   */
  public static AllowList of(List<String> cidrs) {
    if (cidrs.isEmpty()) {
      throw new IllegalArgumentException("an allow list needs at least one address block");
    }
    return new AllowList(cidrs.stream().map(AllowList::block).toList(), List.copyOf(cidrs));
  }

  private static IpSubnetFilterRule block(String cidr) {
    int slash = cidr.indexOf('/');
    String literal = slash < 0 ? cidr : cidr.substring(0, slash);
    InetAddress address = NetUtil.createInetAddressFromIpAddressString(literal);
    if (address == null) {
      throw new IllegalArgumentException("'" + LogText.escaped(cidr) + "' is not an address block: '"
          + LogText.escaped(literal) + "' is not an IPv4 or IPv6 address");
    }
    int bits = address instanceof Inet4Address ? 32 : 128;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("'" + LogText.escaped(cidr) + "' is not an address block: the prefix length"
            + " must be 0.." + bits);
      }
    }
    return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
  }

  /**
   * Whether {@code client} may ask.
   *
   * @param client the client's address and port
   * @return whether an allowed block holds its address
   */
  public boolean allows(InetSocketAddress client) {
    for (IpSubnetFilterRule block : blocks) {
      if (block.matches(client)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return String.join(", ", texts);
  }
}
