package org.dnschase.resolver;

import java.util.Objects;
import org.dnschase.resolver.rules.AliasRule;
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

  /**
   * What a diagnostic reports: a broken {@link AliasRule} (a {@link Violation}), the same rules the
   * testkit's zone check finds in zone files, or an {@link Oddity} of the chain or the servers.
   * Both print as their constant's name ({@code CNAME_AT_APEX}, {@code LAME_SERVER}), and a switch
   * over the two with patterns is exhaustive.
   */
  public sealed interface Kind permits Violation, Oddity {
    /**
     * The name of the rule or of the oddity, as its enum constant spells it.
     *
     * @return e.g. {@code CNAME_AT_APEX}
     */
    String name();
  }

  /**
   * A broken alias rule, seen in an answer: the resolver followed the alias anyway.
   *
   * @param rule which rule
   */
  public record Violation(AliasRule rule) implements Kind {
    /** Checks that the rule is there. */
    public Violation {
      Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String name() {
      return rule.name();
    }

    @Override
    public String toString() {
      return rule.name();
    }
  }

  /** What the resolver reports besides broken alias rules: about the chain and the servers. */
  public enum Oddity implements Kind {
    /** A chain longer than the resolver's long-chain threshold: legal, but slow and fragile. */
    LONG_CHAIN,
    /**
     * A server's CNAME beside a DNAME disagreed with the DNAME's substitution (RFC 6672 §3.2);
     * the resolver's own synthesis was used.
     */
    DNAME_SYNTHESIS_MISMATCH,
    /** Records outside the answering server's zone were dropped (bailiwick, RFC 2181 §5.4.1). */
    OUT_OF_BAILIWICK_DROPPED,
    /**
     * Records of another class than the question's (CH, ANY, NONE, class 0 in answer to IN) were
     * dropped: a reply speaks only of the class asked (RFC 1035 §4.1.1, RFC 6895 §3.2).
     */
    OTHER_CLASS_DROPPED,
    /**
     * An RRset of more records than the resolver accepts was dropped; bounding it bounds the work
     * a reply costs (BIND's max-records-per-type, CVE-2024-1737).
     */
    OVERSIZED_RRSET_DROPPED,
    /** A server answered lame for a zone it was delegated (REFUSED, SERVFAIL, no authority). */
    LAME_SERVER,
    /** A server did not answer in time. */
    SERVER_TIMEOUT,
    /** A server's address was refused by the resolver's upstream filter. */
    UPSTREAM_NOT_ALLOWED,
    /**
     * A reply could not be used: unparseable, another ID or question, or an RCODE of no use to a
     * query (NOTAUTH, BADVERS, a YXDOMAIN without its DNAME).
     */
    BAD_REPLY,
    /**
     * A server answered NXDOMAIN with data for the very name it says does not exist, a
     * contradiction: the rcode was taken (RFC 1035 §4.1.1; RFC 6604 §3 has it speak for the last
     * name of the chain), as Unbound takes it, and the data neither answered nor cached.
     */
    NXDOMAIN_WITH_DATA,
    /**
     * No server answered, so the answer is cached data past its TTL, served with TTL 30 s
     * (serve-stale, RFC 8767); the detail names the failure it stands in for.
     */
    STALE_ANSWER
  }

  /** Checks that every component is there. */
  public Diagnostic {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * A diagnostic of a broken alias rule.
   *
   * @param rule which rule
   * @param name the name it concerns
   * @param detail a human-readable account, naming the records or servers involved
   */
  public Diagnostic(AliasRule rule, Name name, String detail) {
    this(new Violation(rule), name, detail);
  }
}
