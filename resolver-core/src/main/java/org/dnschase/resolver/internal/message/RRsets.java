package org.dnschase.resolver.internal.message;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/** Reads values out of dnsjava RRsets; no caching and no decisions here. */
public final class RRsets {

  private RRsets() {}

  /** The targets of an NS RRset, in order. */
  public static List<Name> nameServers(RRset ns) {
    List<Name> names = new ArrayList<>(ns.size());
    for (Record record : ns.rrs(false)) {
      if (record instanceof NSRecord nsRecord) {
        names.add(nsRecord.getTarget());
      }
    }
    return names;
  }

  /** The addresses in an A or AAAA RRset, in order. */
  public static List<InetAddress> addresses(RRset set) {
    List<InetAddress> addresses = new ArrayList<>(set.size());
    for (Record record : set.rrs(false)) {
      if (record instanceof ARecord a) {
        addresses.add(a.getAddress());
      } else if (record instanceof AAAARecord aaaa) {
        addresses.add(aaaa.getAddress());
      }
    }
    return addresses;
  }

  /** The target of a CNAME RRset (one record by RFC 2181 §10.1; the first if a zone has more). */
  public static Name cnameTarget(RRset cname) {
    return ((CNAMERecord) cname.first()).getTarget();
  }

  /** The SOA record of an RRset, or null for none. */
  public static SOARecord soa(RRset set) {
    return set != null && set.first() instanceof SOARecord soa ? soa : null;
  }

  /** Whether two RRsets hold the same records, whatever their TTLs and order. */
  public static boolean sameRecords(RRset a, RRset b) {
    return a.size() == b.size() && new HashSet<>(a.rrs(false)).equals(new HashSet<>(b.rrs(false)));
  }

  /** A copy of {@code set} whose records and signatures all carry {@code ttl}. */
  public static RRset withTtl(RRset set, long ttl) {
    RRset copy = new RRset();
    for (Record record : set.rrs(false)) {
      copy.addRR(Sections.withTtl(record, ttl));
    }
    for (RRSIGRecord sig : set.sigs()) {
      copy.addRR(Sections.withTtl(sig, ttl));
    }
    return copy;
  }

  /** {@code record} with TTL {@code ttl}; itself when it has it. */
  @SuppressWarnings("unchecked") // a record read back from its own wire form has its own class
  public static <T extends Record> T withTtl(T record, long ttl) {
    return (T) Sections.withTtl(record, ttl);
  }

  /** The records of {@code rrset} that are of {@code kind}, in order. */
  public static <T extends Record> List<T> records(RRset rrset, Class<T> kind) {
    List<T> records = new ArrayList<>(rrset.size());
    for (Record record : rrset.rrs(false)) {
      if (kind.isInstance(record)) {
        records.add(kind.cast(record));
      }
    }
    return records;
  }

  /** RFC 2308 §5: a negative answer lives min(SOA TTL, SOA MINIMUM) seconds. */
  public static long negativeTtl(SOARecord soa) {
    return soa == null ? 0 : Math.min(soa.getTTL(), soa.getMinimum());
  }
}
