package org.dnschase.resolver.internal.dnssec.denial;

import java.util.Objects;
import org.dnschase.resolver.Security;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * What a set of validated NSEC or NSEC3 records proves about a name (RFC 4035 §5.4, RFC 5155 §8):
 * a proof of the kind asked for, an answer that is insecure though signed (opt-out, NSEC3
 * parameters this resolver does not take on), or bogus with the reason the proof fails. The
 * {@link #security()} of each is what the validator gives the answer the proof belongs to.
 */
public sealed interface Denial {

  /** {@return the status of the answer this proof belongs to} */
  Security security();

  /** A proof this resolver accepts: the answer is secure. */
  sealed interface Proven extends Denial {
    @Override
    default Security security() {
      return Security.SECURE;
    }
  }

  /**
   * The name does not exist, nor does a wildcard that could have answered for it (RFC 4035 §5.4,
   * RFC 5155 §8.4).
   *
   * @param qname the name proven not to exist
   * @param closestEncloser its closest encloser, whose wildcard is proven absent too
   */
  record NxDomain(Name qname, Name closestEncloser) implements Proven {
    /** Checks the names. */
    public NxDomain {
      Objects.requireNonNull(qname, "qname");
      Objects.requireNonNull(closestEncloser, "closestEncloser");
    }
  }

  /**
   * The name exists (or is an empty non-terminal) without the type asked for (RFC 4035 §5.4, RFC
   * 5155 §8.5-8.6), or the wildcard that would answer for it has no such type (RFC 5155 §8.7).
   *
   * @param qname the name asked for
   * @param qtype the type proven absent
   * @param wildcard the wildcard proven to have no data of that type, or null when the name itself
   *     has none
   */
  record NoData(Name qname, int qtype, Name wildcard) implements Proven {
    /** Checks the name. */
    public NoData {
      Objects.requireNonNull(qname, "qname");
    }

    @Override
    public String toString() {
      return "NoData[" + qname + "/" + Type.string(qtype) + (wildcard == null ? "" : " via " + wildcard) + "]";
    }
  }

  /**
   * A positive answer synthesised from a wildcard, with the proof that no closer name could have
   * answered (RFC 4035 §5.3.4, RFC 5155 §8.8).
   *
   * @param qname the name asked for
   * @param wildcard the wildcard the answer was synthesised from (the source of synthesis)
   */
  record WildcardAnswer(Name qname, Name wildcard) implements Proven {
    /** Checks the names. */
    public WildcardAnswer {
      Objects.requireNonNull(qname, "qname");
      Objects.requireNonNull(wildcard, "wildcard");
    }
  }

  /**
   * The delegation at {@code cut} is proven to have no DS (RFC 4035 §5.2, RFC 5155 §8.9): the proof
   * is secure and the zone below it is insecure.
   *
   * @param cut the delegation point
   */
  record NoDs(Name cut) implements Proven {
    /** Checks the name. */
    public NoDs {
      Objects.requireNonNull(cut, "cut");
    }
  }

  /**
   * The records are signed but prove nothing this resolver can vouch for: the answer is insecure,
   * not bogus.
   *
   * @param reason why
   * @param detail what was seen, for the log and the failure's detail
   */
  record Insecure(InsecureReason reason, String detail) implements Denial {
    /** Checks the reason. */
    public Insecure {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public Security security() {
      return Security.INSECURE;
    }
  }

  /**
   * The records do not prove what the answer claims.
   *
   * @param reason which part of the proof is missing or wrong
   * @param detail the names involved, for the log and the failure's detail
   */
  record Bogus(BogusReason reason, String detail) implements Denial {
    /** Checks the reason. */
    public Bogus {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public Security security() {
      return Security.BOGUS;
    }
  }

  /** Why signed denial records leave an answer insecure. */
  enum InsecureReason {
    /**
     * The NSEC3 covering the next closer name has the opt-out flag: an unsigned delegation may
     * exist there (RFC 5155 §9.2: no AD bit).
     */
    OPT_OUT,
    /**
     * The NSEC3 chain uses more hash iterations than the resolver's limit (RFC 9276 §3.2; the
     * hashing cost is CVE-2023-50868).
     */
    ITERATIONS_ABOVE_LIMIT,
    /** Every NSEC3 record uses a hash algorithm this resolver does not know (RFC 5155 §8.1). */
    UNSUPPORTED_HASH_ALGORITHM
  }

  /** Why a denial proof fails. */
  enum BogusReason {
    /** No NSEC or NSEC3 record came with the answer. */
    MISSING_PROOF,
    /** The records' owners lie outside the zone that signed them, so none can speak for the name. */
    WRONG_OWNER,
    /** No record covers the name whose absence is claimed. */
    NAME_NOT_COVERED,
    /** A record shows the name exists (matches it, or names a descendant of it). */
    NAME_EXISTS,
    /** No record proves the absence of the wildcard at the closest encloser. */
    WILDCARD_NOT_DENIED,
    /** NSEC3: no record matches an ancestor of the name (RFC 5155 §8.3). */
    NO_CLOSEST_ENCLOSER,
    /** NSEC3: the next closer name is not covered (RFC 5155 §8.3). */
    NEXT_CLOSER_NOT_COVERED,
    /** The record at the name lists the type (or a CNAME) whose absence is claimed. */
    TYPE_EXISTS,
    /**
     * The record belongs to the other side of a zone cut: the parent's record at a delegation
     * proves only the absence of DS, the child's apex record cannot prove it.
     */
    WRONG_SIDE_OF_CUT,
    /** The name is not a delegation point (no NS, or an SOA, in the record's type map). */
    NOT_A_DELEGATION,
    /** A closer name than the wildcard's parent exists, so the wildcard could not answer. */
    CLOSER_MATCH_EXISTS,
    /** An insecure delegation was claimed where the covering NSEC3 has no opt-out flag. */
    NO_OPT_OUT
  }
}
