package org.dnschase.resolver.testkit;

import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * One CNAME rule a zone file breaks, as {@link ZoneCheck} found it.
 *
 * @param line the 1-based line where the offending record starts: for two records at one name
 *     that may not stand together, the later one (the {@code detail} names the earlier one's
 *     line); for a target that is an alias, the record whose target it is
 * @param kind which rule
 * @param name the owner name of the record at {@code line}
 * @param detail what is wrong, for people: the types, targets and lines involved
 */
public record ZoneViolation(int line, Kind kind, Name name, String detail) {

  /** The rules a zone is checked against, each with the RFC that states it. */
  public enum Kind {
    /**
     * A CNAME beside other data at one name (RFC 1034 §3.6.2, RFC 2181 §10.1). RRSIG and NSEC
     * may stand beside a CNAME (RFC 4035 §2.5); a DNAME is {@link #CNAME_AND_DNAME}; at the apex
     * the SOA and NS are always there, so a CNAME there is {@link #CNAME_AT_APEX} instead.
     */
    CNAME_AND_OTHER_DATA,
    /** A second, different CNAME at one name: an alias has one target (RFC 2181 §10.1). */
    MULTIPLE_CNAMES,
    /** A CNAME at the zone apex, where the SOA and NS must be (RFC 1912 §2.4, RFC 2181 §10.1). */
    CNAME_AT_APEX,
    /** A CNAME and a DNAME at one owner name (RFC 6672 §2.4). */
    CNAME_AND_DNAME,
    /** An NS record whose target, inside this zone, owns a CNAME (RFC 2181 §10.3). */
    NS_TARGET_IS_ALIAS,
    /** An MX record whose exchange, inside this zone, owns a CNAME (RFC 2181 §10.3). */
    MX_TARGET_IS_ALIAS,
    /** An SRV record whose target, inside this zone, owns a CNAME (RFC 2782, "Target"). */
    SRV_TARGET_IS_ALIAS
  }

  /** Checks that every component is there and the line is a real one. */
  public ZoneViolation {
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1 or more: " + line);
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@code line 12: CNAME_AND_OTHER_DATA www.example. (A beside the CNAME at line 11)}. */
  @Override
  public String toString() {
    return "line " + line + ": " + kind + " " + name + " (" + detail + ")";
  }
}
