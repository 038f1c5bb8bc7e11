package org.dnschase.resolver.cache.internal;

import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import org.dnschase.resolver.cache.CacheLookup;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/** Test records, all in class IN. Names must be absolute (end in a dot). */
public final class Records {

  private Records() {}

  public static Name name(String name) {
    return Name.fromConstantString(name);
  }

  public static ARecord a(String owner, long ttl, String address) {
    try {
      return new ARecord(name(owner), DClass.IN, ttl, Address.getByAddress(address));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }

  public static AAAARecord aaaa(String owner, long ttl, String address) {
    try {
      return new AAAARecord(name(owner), DClass.IN, ttl, Address.getByAddress(address));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }

  public static CNAMERecord cname(String owner, long ttl, String target) {
    return new CNAMERecord(name(owner), DClass.IN, ttl, name(target));
  }

  /** The SOA of {@code zone} with the given TTL and MINIMUM, the two that set a negative TTL. */
  public static SOARecord soa(String zone, long ttl, long minimum) {
    return new SOARecord(
        name(zone), DClass.IN, ttl, name("ns1." + zone), name("hostmaster." + zone),
        2024_01_01_01L, 7200, 3600, 1_209_600, minimum);
  }

  /** An RRSIG over {@code covered} at {@code owner}; its signature bytes are zeros. */
  public static RRSIGRecord signature(String owner, int covered, long ttl) {
    Instant signed = Instant.parse("2024-01-01T00:00:00Z");
    return new RRSIGRecord(
        name(owner), DClass.IN, ttl, covered, 13, ttl, signed.plus(Duration.ofDays(30)), signed,
        12345, name("example."), new byte[64]);
  }

  public static RRset rrset(Record... records) {
    return new RRset(records);
  }

  /** The hit's RRset; fails the test with what was found instead when it is not a hit. */
  public static RRset hitRRset(CacheLookup lookup) {
    if (lookup instanceof CacheLookup.Hit hit) {
      return hit.rrset();
    }
    throw new AssertionError("expected a hit but was " + lookup);
  }

  /** The hit's remaining TTL, checked to be the same on every record. */
  public static long hitTtl(CacheLookup lookup) {
    RRset rrset = hitRRset(lookup);
    long ttl = rrset.getTTL();
    for (Record record : rrset.rrs(false)) {
      if (record.getTTL() != ttl) {
        throw new AssertionError("records disagree on the TTL: " + rrset);
      }
    }
    return ttl;
  }

  public static CacheLookup.NegativeHit negative(CacheLookup lookup) {
    if (lookup instanceof CacheLookup.NegativeHit negative) {
      return negative;
    }
    throw new AssertionError("expected a negative hit but was " + lookup);
  }
}
