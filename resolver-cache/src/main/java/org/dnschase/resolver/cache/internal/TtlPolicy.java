package org.dnschase.resolver.cache.internal;

import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/** Decides the TTL, in seconds, an RRset or a negative answer is cached for. 0: do not cache. */
final class TtlPolicy {

  /** TTLs with the top bit set count as 0 (RFC 2181 §8). */
  private static final long MAX_VALID_TTL = 0x7FFF_FFFFL;

  private final long minTtl;
  private final long maxTtl;
  private final long maxNegativeTtl;

  TtlPolicy(long minTtl, long maxTtl, long maxNegativeTtl) {
    this.minTtl = minTtl;
    this.maxTtl = maxTtl;
    this.maxNegativeTtl = maxNegativeTtl;
  }

  /**
   * The minimum TTL over the records and signatures (RFC 2181 §5.2 treats an RRset as having the
   * lowest TTL of its records), raised to the floor and capped. A received 0 stays 0: RFC 1035
   * §3.2.1 says such data must not be cached, and a floor should not override that.
   */
  long positive(RRset rrset) {
    long ttl = MAX_VALID_TTL;
    for (Record record : rrset.rrs(false)) {
      ttl = Math.min(ttl, valid(record.getTTL()));
    }
    for (RRSIGRecord sig : rrset.sigs()) {
      ttl = Math.min(ttl, valid(sig.getTTL()));
    }
    return ttl == 0 ? 0 : Math.min(Math.max(ttl, minTtl), maxTtl);
  }

  /** {@code min(SOA TTL, SOA MINIMUM)}, capped (RFC 2308 §3 and §5). */
  long negative(SOARecord soa) {
    long ttl = Math.min(valid(soa.getTTL()), valid(soa.getMinimum()));
    return Math.min(ttl, maxNegativeTtl);
  }

  /** A negative answer without SOA has no TTL: the floor, capped; 0 (do not cache) by default. */
  long negativeWithoutSoa() {
    return Math.min(minTtl, maxNegativeTtl);
  }

  private static long valid(long ttl) {
    return ttl > MAX_VALID_TTL || ttl < 0 ? 0 : ttl;
  }
}
