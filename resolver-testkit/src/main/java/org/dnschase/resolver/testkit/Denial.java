package org.dnschase.resolver.testkit;

import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.RRset;

/**
 * The NSEC or NSEC3 records (with their RRSIGs) that prove what a signed zone does not hold, for
 * the authority section of a reply to a query with DO set (RFC 4035 §3.1.3, RFC 5155 §7.2). Each
 * method returns the RRsets of one proof, without duplicates.
 */
sealed interface Denial permits NsecDenial, Nsec3Denial {

  /** {@code qname} does not exist, nor does a wildcard at its closest encloser {@code encloser}. */
  List<RRset> nxDomain(Name qname, Name encloser);

  /** {@code qname} exists (or is an empty non-terminal) without the type asked for. */
  List<RRset> noData(Name qname);

  /** {@code qname} does not exist, so the wildcard at {@code encloser} answered for it. */
  List<RRset> wildcardAnswer(Name qname, Name encloser);

  /** As {@link #wildcardAnswer}, and the wildcard has no data of the type asked for. */
  List<RRset> wildcardNoData(Name qname, Name encloser);

  /** The delegation at {@code cut} has no DS: it is insecure (RFC 4035 §3.1.4, RFC 5155 §7.2.7). */
  default List<RRset> noDs(Name cut) {
    return noData(cut);
  }

  /** {@code *.encloser}: the wildcard that would answer below the closest encloser. */
  static Name wildcardAt(Name encloser) {
    try {
      return Name.concatenate(WILDCARD, encloser);
    } catch (NameTooLongException e) {
      throw new IllegalArgumentException("no wildcard fits below " + encloser, e);
    }
  }

  /** The label {@code *}, relative. */
  Name WILDCARD = Name.fromConstantString("*");
}
