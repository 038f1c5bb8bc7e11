package org.dnschase.resolver.internal.reply;

/** What a scrubbed reply means for the query that asked (Unbound's {@code response_type}). */
public enum ResponseType {
  /** The answer section holds the queried type at the queried name. */
  ANSWER,
  /** The queried name is an alias: a CNAME at it, possibly with the chain that follows in the same reply. */
  CNAME,
  /** The queried name is below a DNAME: it is rewritten (RFC 6672), possibly with more aliases in the same reply. */
  DNAME,
  /** A delegation to a zone strictly below the asked zone and at or above the name. */
  REFERRAL,
  /** The name does not exist (RFC 2308 §2.1). */
  NXDOMAIN,
  /** The name exists without data of the type (RFC 2308 §2.2). */
  NODATA,
  /** The server does not serve the zone: REFUSED, SERVFAIL, NOTIMP, an upward or sideways referral, or a non-authoritative reply that is not a referral. */
  LAME,
  /** A reply with nothing usable (FORMERR or another rcode); try another server. */
  THROWAWAY
}
