package org.dnschase.resolver.internal.iterate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.zones.SpecialUseName;
import org.dnschase.resolver.cache.TtlCaps;
import org.dnschase.resolver.internal.message.RRsets;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SOARecord;

/**
 * One zone the resolver serves itself, with the data Unbound gives its default local zones: an
 * SOA and an NS set at the apex, the loopback addresses' PTR records in their reverse zones, and
 * for {@code localhost.} the loopback addresses, which every name below it has too (Unbound's
 * redirect zone). TTLs are Unbound's, capped as the cache would keep them: no answer promises
 * more than the cache keeps.
 */
final class ServedZone {

  /** Unbound's TTL for all its default local data, and its SOA's MINIMUM (RFC 6303 §3's too). */
  private static final long LOCAL_TTL = 10_800;
  private static final Name LOCALHOST = Name.fromConstantString("localhost.");
  private static final Name NOBODY = Name.fromConstantString("nobody.invalid.");

  private final Name apex;
  /** Whether every name below the apex holds the apex's data, as Unbound's {@code redirect} zones. */
  private final boolean redirect;
  private final List<Record> data;
  /** The SOA that comes with a negative answer, its TTL the negative TTL (RFC 2308 §3). */
  private final SOARecord negativeSoa;

  private ServedZone(Name apex, boolean redirect, List<Record> data, SOARecord negativeSoa) {
    this.apex = apex;
    this.redirect = redirect;
    this.data = data;
    this.negativeSoa = negativeSoa;
  }

  /** The zones {@code special} serves, with their data under {@code caps}. */
  static List<ServedZone> of(SpecialUseName special, TtlCaps caps) {
    long ttl = caps.positive(LOCAL_TTL);
    List<ServedZone> zones = new ArrayList<>();
    for (Name apex : special.zones()) {
      SOARecord soa = new SOARecord(apex, DClass.IN, LOCAL_TTL, LOCALHOST, NOBODY, 1, 3600, 1200, 604_800, LOCAL_TTL);
      List<Record> data = new ArrayList<>(List.of(RRsets.withTtl(soa, ttl), new NSRecord(apex, DClass.IN, ttl, LOCALHOST)));
      for (InetAddress loopback : loopbacks()) {
        Name reverse = ReverseMap.fromAddress(loopback);
        if (special == SpecialUseName.LOCALHOST) {
          data.add(loopback.getAddress().length == 4 ? new ARecord(apex, DClass.IN, ttl, loopback)
              : new AAAARecord(apex, DClass.IN, ttl, loopback));
        } else if (special == SpecialUseName.LOOPBACK_REVERSE && reverse.subdomain(apex)) {
          data.add(new PTRRecord(reverse, DClass.IN, ttl, LOCALHOST));
        }
      }
      zones.add(new ServedZone(apex, special == SpecialUseName.LOCALHOST, List.copyOf(data),
          RRsets.withTtl(soa, caps.negative(soa))));
    }
    return zones;
  }

  Name apex() {
    return apex;
  }

  SOARecord negativeSoa() {
    return negativeSoa;
  }

  /** The records of {@code type} this zone holds at {@code name}, owned by {@code name}; null when none. */
  RRset find(Name name, int type) {
    Name owner = redirect ? apex : name;
    RRset found = null;
    for (Record record : data) {
      if (record.getType() == type && record.getName().equals(owner)) {
        found = found == null ? new RRset() : found;
        found.addRR(record.withName(name));
      }
    }
    return found;
  }

  /** Whether {@code name} exists in this zone: it holds data, or is above names that do (an empty non-terminal, RFC 4592 §2.2.2). */
  boolean holds(Name name) {
    if (redirect) {
      return true;
    }
    for (Record record : data) {
      if (record.getName().subdomain(name)) {
        return true;
      }
    }
    return false;
  }

  private static List<InetAddress> loopbacks() {
    try {
      return List.of(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}),
          InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a literal address is always valid", e);
    }
  }

  @Override
  public String toString() {
    return "served zone " + apex;
  }
}
