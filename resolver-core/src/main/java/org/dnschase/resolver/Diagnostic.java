package org.dnschase.resolver;

import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * A rule violation or oddity seen during a resolution. A diagnostic never turns an answer into a
 * failure by itself: it reports what the zones or servers did.
 *
 * @param kind what was seen
 * @param name the name it concerns
 * @param detail a human-readable account, naming the records or servers involved
 */
public record Diagnostic(Kind kind, Name name, String detail) {

  /** The kinds of violation the resolver reports. */
  public enum Kind {
    /** A CNAME beside other data at one name (RFC 1034 §3.6.2, RFC 2181 §10.1); the CNAME was used. */
    CNAME_AND_OTHER_DATA,
    /** A CNAME at a zone apex, where SOA and NS must live (RFC 1912 §2.4, RFC 2181 §10.1). */
    CNAME_AT_APEX,
    /** A CNAME and a DNAME at one owner name (RFC 6672 §2.4). */
    CNAME_AND_DNAME,
    /** An NS target that is an alias (RFC 2181 §10.3); the resolver followed it. */
    NS_TARGET_IS_ALIAS,
    /** An MX target that is an alias (RFC 2181 §10.3). */
    MX_TARGET_IS_ALIAS,
    /** A chain longer than the resolver's long-chain threshold: legal, but slow and fragile. */
    LONG_CHAIN,
    /**
     * A server's CNAME beside a DNAME disagreed with the DNAME's substitution (RFC 6672 §3.2);
     * the resolver's own synthesis was used.
     */
    DNAME_SYNTHESIS_MISMATCH,
    /** Records outside the answering server's zone were dropped (bailiwick, RFC 2181 §5.4.1). */
    OUT_OF_BAILIWICK_DROPPED,
    /** A server answered lame for a zone it was delegated (REFUSED, SERVFAIL, no authority). */
    LAME_SERVER,
    /** A server did not answer in time. */
    SERVER_TIMEOUT,
    /** A server's address was refused by the resolver's upstream filter. */
    UPSTREAM_NOT_ALLOWED,
    /** A reply could not be used (unparseable, or mismatched ID or question). */
    BAD_REPLY,
    /**
     * No server answered, so the answer is cached data past its TTL, served with TTL 30 s
     * (serve-stale, RFC 8767); the detail names the failure it stands in for.
     */
    STALE_ANSWER
  }

  public Diagnostic {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
  }
}
