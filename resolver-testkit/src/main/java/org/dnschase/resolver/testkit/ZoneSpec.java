package org.dnschase.resolver.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * What one zone of a {@link ZoneTree} holds beyond the boilerplate the tree writes itself: its
 * name servers, TTLs and SOA timers, and its own records. Set on the spot, read by {@link
 * ZoneTree.Builder#build()}.
 */
public final class ZoneSpec {

  /** One name server of the zone: its host name and its addresses (empty: found or allocated). */
  record Server(Name host, List<String> addresses, boolean serves) {}

  final Name origin;
  final List<Server> servers = new ArrayList<>();
  final StringBuilder records = new StringBuilder();
  long ttl = 86_400;
  /** The TTL of the delegation in the parent (NS and glue); -1: the parent's default TTL. */
  long delegationTtl = -1;
  long negativeTtl = 3_600;
  /** The SOA RNAME; null: hostmaster at the primary name server's domain or at the zone. */
  Name hostmaster;
  long serial = 1;
  long refresh = 3_600;
  long retry = 600;
  long expire = 86_400;

  ZoneSpec(Name origin) {
    this.origin = origin;
  }

  /**
   * Adds a name server that serves this zone at the given addresses (IPv4 or IPv6 literals, which
   * must be loopback: 127.53.x.y by convention, or ::1). It is in the zone's apex NS set and in
   * the parent's delegation; a host inside the zone gets its address records in the zone, and as
   * glue in the parent.
   *
   * @param host the name server's name, relative to the zone's origin unless absolute
   * @param addresses its addresses; none: the one it has elsewhere in the tree, else the next free
   *     one from 127.53.0.1
   * @return this spec
   * @throws IllegalArgumentException if the host is not a domain name or an address not a literal
   */
  public ZoneSpec server(String host, String... addresses) {
    servers.add(new Server(name(host, origin), addressList(addresses), true));
    return this;
  }

  /**
   * Adds a name server that the parent's delegation lists but the zone's own NS set leaves out,
   * so no server of the testkit answers for the zone there: a dead or lame delegation. A zone
   * with only such servers is a delegation with no zone behind it.
   *
   * @param host the name server's name, relative to the zone's origin unless absolute
   * @param addresses its addresses, written as glue when it is inside the zone; none: as for
   *     {@link #server}
   * @return this spec
   * @throws IllegalArgumentException if the host is not a domain name or an address not a literal
   */
  public ZoneSpec delegatedOnly(String host, String... addresses) {
    servers.add(new Server(name(host, origin), addressList(addresses), false));
    return this;
  }

  /**
   * Sets the zone's default TTL ({@code $TTL}), for its SOA, NS, glue and records; 86400 unless set.
   *
   * @param seconds 0 to 2147483647
   * @return this spec
   */
  public ZoneSpec ttl(long seconds) {
    this.ttl = seconds(seconds, "ttl");
    return this;
  }

  /**
   * The TTL in seconds of this zone's delegation in its parent (the NS records and their glue),
   * where it differs from the parent's default TTL: a short-lived delegation.
   *
   * @param seconds 0 to 2147483647
   * @return this spec
   */
  public ZoneSpec delegationTtl(long seconds) {
    this.delegationTtl = seconds(seconds, "delegationTtl");
    return this;
  }

  /**
   * Sets the SOA MINIMUM: the TTL of the zone's negative answers (RFC 2308 §4); 3600 unless set.
   *
   * @param seconds 0 to 2147483647
   * @return this spec
   */
  public ZoneSpec negativeTtl(long seconds) {
    this.negativeTtl = seconds(seconds, "negativeTtl");
    return this;
  }

  /**
   * The SOA RNAME, the zone administrator's mailbox as a name ({@code hostmaster.example.test.}
   * for hostmaster@example.test); relative names are relative to the zone. By default hostmaster
   * at the domain of the zone's first name server when that is inside the zone, else at the zone.
   *
   * @param mailbox the mailbox as a domain name
   * @return this spec
   */
  public ZoneSpec hostmaster(String mailbox) {
    this.hostmaster = name(mailbox, origin);
    return this;
  }

  /**
   * Sets the SOA serial; 1 unless set.
   *
   * @param serial 0 to 4294967295
   * @return this spec
   */
  public ZoneSpec serial(long serial) {
    if (serial < 0 || serial > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("serial must be 0..4294967295: " + serial);
    }
    this.serial = serial;
    return this;
  }

  /**
   * Sets the SOA timers; 3600, 600 and 86400 unless set.
   *
   * @param refresh REFRESH in seconds
   * @param retry RETRY in seconds
   * @param expire EXPIRE in seconds
   * @return this spec
   */
  public ZoneSpec timers(long refresh, long retry, long expire) {
    this.refresh = seconds(refresh, "refresh");
    this.retry = seconds(retry, "retry");
    this.expire = seconds(expire, "expire");
    return this;
  }

  /**
   * Adds records in master-file format, one or more lines, with names relative to the zone's
   * origin and the zone's default TTL unless a line gives its own. They follow the records the
   * tree writes (SOA, NS, addresses, delegations) in the zone's master file.
   *
   * @param masterFileLines the records, one per line (or grouped with parentheses)
   * @return this spec
   */
  public ZoneSpec records(String masterFileLines) {
    String lines = Objects.requireNonNull(masterFileLines, "masterFileLines");
    records.append(lines.endsWith("\n") || lines.isEmpty() ? lines : lines + "\n");
    return this;
  }

  static Name name(String text, Name origin) {
    try {
      return Name.fromString(Objects.requireNonNull(text, "name"), origin);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a domain name: '" + text + "': " + e.getMessage(), e);
    }
  }

  private static List<String> addressList(String... addresses) {
    for (String address : addresses) {
      ZoneTree.addressRecordType(address);
    }
    return List.of(addresses);
  }

  private static long seconds(long value, String what) {
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(what + " must be 0.." + Integer.MAX_VALUE + " seconds: " + value);
    }
    return value;
  }
}
