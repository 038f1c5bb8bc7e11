package org.dnschase.resolver.internal.reply;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.dnschase.resolver.spi.LogText;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * Unbound's {@code private-address} and {@code private-domain}: a record of a reply that points
 * into one of the private netblocks (an A or AAAA record, an SVCB or HTTPS record's address hints)
 * is dropped before anything reads the reply, unless its owner is at or below one of the allowed
 * domains, so a public name cannot lead a client into the local network (DNS rebinding). The rest
 * of its RRset stays.
 */
public final class PrivateAddresses {

  /** No netblock: every reply is used as it came. */
  public static final PrivateAddresses NONE = new PrivateAddresses(List.of(), List.of());

  private static final int[] SECTIONS = {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL};

  /** An address prefix: the network's address and how many leading bits count. */
  private record Netblock(InetAddress network, int length) {
    boolean contains(InetAddress address) {
      return address.getClass() == network.getClass()
          && Address.truncate(address, length).equals(Address.truncate(network, length));
    }
  }

  private final List<Netblock> netblocks;
  private final List<Name> allowedDomains;

  private PrivateAddresses(List<Netblock> netblocks, List<Name> allowedDomains) {
    this.netblocks = netblocks;
    this.allowedDomains = allowedDomains;
  }

  /**
   * @param netblocks addresses or {@code address/length} prefixes, IPv4 or IPv6
   * @param allowedDomains names whose records may point into the netblocks, with their subdomains
   * @throws IllegalArgumentException naming a netblock or domain that does not parse
   */
  public static PrivateAddresses of(Collection<String> netblocks, Collection<String> allowedDomains) {
    List<Netblock> blocks = netblocks.stream().map(PrivateAddresses::netblock).toList();
    List<Name> domains = allowedDomains.stream().map(PrivateAddresses::domain).toList();
    return new PrivateAddresses(blocks, domains);
  }

  /** {@code reply} without the records that point into a netblock; the same message when none does. */
  public Message filter(Message reply) {
    if (netblocks.isEmpty()) {
      return reply;
    }
    Message filtered = null;
    for (int section : SECTIONS) {
      for (Record record : reply.getSection(section)) {
        if (pointsInside(record)) {
          filtered = filtered != null ? filtered : reply.clone();
          filtered.removeRecord(record, section);
        }
      }
    }
    return filtered != null ? filtered : reply;
  }

  private boolean pointsInside(Record record) {
    if (allowedDomains.stream().anyMatch(record.getName()::subdomain)) {
      return false;
    }
    return addressesOf(record).stream().anyMatch(address -> netblocks.stream().anyMatch(block -> block.contains(address)));
  }

  private static List<InetAddress> addressesOf(Record record) {
    List<InetAddress> addresses = new ArrayList<>(1);
    switch (record) {
      case ARecord a -> addresses.add(a.getAddress());
      case AAAARecord aaaa -> addresses.add(aaaa.getAddress());
      case SVCBBase svcb -> {
        try {
          if (svcb.getSvcParamValue(SVCBBase.IPV4HINT) instanceof SVCBBase.ParameterIpv4Hint hint) {
            addresses.addAll(hint.getAddresses());
          }
          if (svcb.getSvcParamValue(SVCBBase.IPV6HINT) instanceof SVCBBase.ParameterIpv6Hint hint) {
            addresses.addAll(hint.getAddresses());
          }
        } catch (UnknownHostException e) {
          // a hint of the wrong length names no address; nothing of it can point inside
        }
      }
      default -> { }
    }
    return addresses;
  }

  private static Netblock netblock(String text) {
    int slash = text.indexOf('/');
    String literal = slash < 0 ? text : text.substring(0, slash);
    try {
      InetAddress network = Address.getByAddress(literal);
      int bits = network.getAddress().length * 8;
      int length = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
      if (length < 0 || length > bits) {
        throw new IllegalArgumentException("private address " + text + ": prefix length must be 0.." + bits);
      }
      return new Netblock(network, length);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("private address " + LogText.escaped(text)
          + " is not an address or address/length", e);
    }
  }

  private static Name domain(String text) {
    try {
      return Name.fromString(text, Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("private domain " + LogText.escaped(text) + " is not a domain name: "
          + LogText.escaped(e.getMessage()), e);
    }
  }
}
