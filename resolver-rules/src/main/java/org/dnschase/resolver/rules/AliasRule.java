package org.dnschase.resolver.rules;

/**
 * The rules an alias must keep, each with the RFC that states it. The resolver reports the ones an
 * answer breaks (as a {@code Diagnostic}), the testkit's zone check the ones a zone file breaks.
 */
public enum AliasRule {
  /**
   * A CNAME beside other data at one name (RFC 1034 §3.6.2, RFC 2181 §10.1). RRSIG and NSEC may
   * stand beside a CNAME (RFC 4035 §2.5); a DNAME is {@link #CNAME_AND_DNAME}; at the apex the SOA
   * and NS are always there, so a CNAME there is {@link #CNAME_AT_APEX} instead.
   */
  CNAME_AND_OTHER_DATA,
  /** A second, different CNAME at one name: an alias has one target (RFC 2181 §10.1). */
  MULTIPLE_CNAMES,
  /** A CNAME at the zone apex, where the SOA and NS must be (RFC 1912 §2.4, RFC 2181 §10.1). */
  CNAME_AT_APEX,
  /** A CNAME and a DNAME at one owner name (RFC 6672 §2.4). */
  CNAME_AND_DNAME,
  /** An NS record whose target owns a CNAME (RFC 2181 §10.3). */
  NS_TARGET_IS_ALIAS,
  /** An MX record whose exchange owns a CNAME (RFC 2181 §10.3). */
  MX_TARGET_IS_ALIAS,
  /** An SRV record whose target owns a CNAME (RFC 2782, "Target"). */
  SRV_TARGET_IS_ALIAS
}
