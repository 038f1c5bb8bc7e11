package org.dnschase.resolver.cache.internal;

import org.dnschase.resolver.cache.TtlCaps;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * Decides the TTL, in seconds, an RRset or a negative answer is cached for, by the cache's
 * {@link TtlCaps}. 0: do not cache.
 */
final class TtlPolicy {

  private final TtlCaps caps;

  TtlPolicy(TtlCaps caps) {
    this.caps = caps;
  }

  TtlCaps caps() {
    return caps;
  }

  /**
   * The minimum TTL over the records and signatures (RFC 2181 §5.2 treats an RRset as having the
   * lowest TTL of its records), raised to the floor and capped. A received 0 (RFC 1035 §3.2.1: do
   * not cache) stays 0 unless a floor was set, which overrides it as it overrides any short TTL.
   */
  long positive(RRset rrset) {
    long ttl = Long.MAX_VALUE;
    for (Record record : rrset.rrs(false)) {
      ttl = Math.min(ttl, caps.positive(record.getTTL()));
    }
    for (RRSIGRecord sig : rrset.sigs()) {
      ttl = Math.min(ttl, caps.positive(sig.getTTL()));
    }
    return ttl == Long.MAX_VALUE ? 0 : ttl;
  }

  /** {@code min(SOA TTL, SOA MINIMUM)}, capped (RFC 2308 §3 and §5). */
  long negative(SOARecord soa) {
    return caps.negative(soa);
  }

  /** A negative answer without SOA has no TTL: the floor, capped; 0 (do not cache) by default. */
  long negativeWithoutSoa() {
    return caps.negativeWithoutSoa();
  }
}
