package org.dnschase.resolver.internal.dnssec;

import java.util.List;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;

/** What is known of one zone's keys on the way down a chain of trust (Unbound's key entry). */
public sealed interface KeyEntry {

  Name zone();

  /**
   * The zone's DS records are trusted (validated in its parent, or a trust anchor), its DNSKEY
   * RRset not yet: it is fetched next and checked against them.
   *
   * @param ds the DS records, possibly none for an anchor given as DNSKEYs
   * @param anchorKeys DNSKEYs trusted as they are: an anchor's; none below an anchor
   */
  record TrustedDs(Name zone, List<DSRecord> ds, List<DNSKEYRecord> anchorKeys) implements KeyEntry {
    public TrustedDs {
      ds = List.copyOf(ds);
      anchorKeys = List.copyOf(anchorKeys);
    }
  }

  /** The zone's DNSKEY RRset validated: its keys check the zone's signatures. */
  record Keys(Name zone, List<DNSKEYRecord> keys) implements KeyEntry {
    public Keys {
      keys = List.copyOf(keys);
    }
  }

  /**
   * No key of the zone can be trusted, and neither can any zone below it: an insecure delegation
   * (INSECURE), no anchor or no proof (INDETERMINATE), or a chain that broke (BOGUS, with why).
   */
  record Untrusted(Name zone, Verdict verdict) implements KeyEntry {}
}
