package org.dnschase.resolver.internal.dnssec.denial;

import java.util.function.Function;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Type;

/**
 * Checks what an answer's validated NSEC or NSEC3 records prove: pure functions of the name, the
 * type and the records, whose signatures the caller has verified. NSEC is tried first when both
 * kinds came; a proof by either is enough. Thread-safe and immutable.
 */
public final class Denials {
  private final int maxNsec3Iterations;

  /**
   * @param maxNsec3Iterations the most NSEC3 hash iterations a proof is checked with; a chain with
   *     more makes the answer insecure (RFC 9276 §3.2)
   */
  public Denials(int maxNsec3Iterations) {
    if (maxNsec3Iterations < 0) {
      throw new IllegalArgumentException("maxNsec3Iterations must not be negative, was " + maxNsec3Iterations);
    }
    this.maxNsec3Iterations = maxNsec3Iterations;
  }

  /** The most NSEC3 hash iterations a proof is checked with. */
  int maxNsec3Iterations() {
    return maxNsec3Iterations;
  }

  /**
   * Whether the records prove that {@code qname} does not exist (an NXDOMAIN answer).
   *
   * @param qname the name asked for
   * @param records the answer's NSEC or NSEC3 records, of the zone that signed them
   * @return {@link Denial.NxDomain} if they do
   */
  public Denial nxDomain(Name qname, DenialRecords records) {
    return prove("NXDOMAIN " + qname, records, nsec -> nsec.nxDomain(qname), nsec3 -> nsec3.nxDomain(qname));
  }

  /**
   * Whether the records prove that {@code qname} has no {@code qtype} (a NODATA answer), the name
   * itself or the wildcard that would answer for it; for DS at a delegation, the parent's records.
   *
   * @param qname the name asked for
   * @param qtype the type asked for
   * @param records the answer's NSEC or NSEC3 records, of the zone that signed them
   * @return {@link Denial.NoData} if they do
   */
  public Denial noData(Name qname, int qtype, DenialRecords records) {
    return prove("NODATA " + qname + "/" + Type.string(qtype), records,
        nsec -> nsec.noData(qname, qtype), nsec3 -> nsec3.noData(qname, qtype));
  }

  /**
   * Whether the records prove that no name closer to {@code qname} than {@code wildcard} exists, so
   * the wildcard rightly answered for it ({@link #wildcardSource} finds the wildcard).
   *
   * @param qname the name asked for
   * @param wildcard the source of synthesis, {@code *.} a strict ancestor of {@code qname}
   * @param records the answer's NSEC or NSEC3 records, of the zone that signed them
   * @return {@link Denial.WildcardAnswer} if they do
   * @throws IllegalArgumentException if {@code wildcard} cannot have answered for {@code qname}
   */
  public Denial wildcardAnswer(Name qname, Name wildcard, DenialRecords records) {
    if (!wildcard.isWild() || qname.labels() < wildcard.labels() || !qname.subdomain(new Name(wildcard, 1))
        || qname.equals(wildcard)) {
      throw new IllegalArgumentException(wildcard + " cannot have answered for " + qname);
    }
    return prove("wildcard " + wildcard + " for " + qname, records,
        nsec -> nsec.wildcardAnswer(qname, wildcard), nsec3 -> nsec3.wildcardAnswer(qname, wildcard));
  }

  /**
   * Whether the parent's records prove that the delegation at {@code cut} has no DS, which makes
   * the zone below insecure; an opt-out NSEC3 covering it gives {@link Denial.Insecure} instead.
   *
   * @param cut the delegation point, from a referral
   * @param records the referral's NSEC or NSEC3 records, of the parent zone
   * @return {@link Denial.NoDs} if they do
   */
  public Denial noDs(Name cut, DenialRecords records) {
    return prove("no DS at " + cut, records, nsec -> nsec.noDs(cut), nsec3 -> nsec3.noDs(cut));
  }

  /**
   * The wildcard an RRset was synthesised from, told by its RRSIG's label count, which counts the
   * owner's labels without the root and a leading {@code *} (RFC 4034 §3.1.3, RFC 4035 §5.3.4).
   *
   * @param owner the owner of the answer's RRset (the name asked for)
   * @param rrsig a validated RRSIG of that RRset
   * @return {@code *.} the source of synthesis, or null when the RRset was not synthesised (a label
   *     count above the owner's is the signature check's to reject)
   */
  public static Name wildcardSource(Name owner, RRSIGRecord rrsig) {
    int labels = owner.labels() - 1 - (owner.isWild() ? 1 : 0);
    int signed = rrsig.getLabels();
    return signed >= labels ? null : owner.wild(owner.labels() - 1 - signed);
  }

  private Denial prove(String what, DenialRecords records, Function<NsecProofs, Denial> byNsec,
      Function<Nsec3Proofs, Denial> byNsec3) {
    if (records.isEmpty()) {
      return records.missing(what);
    }
    Denial nsec = records.nsec().isEmpty() ? null : byNsec.apply(new NsecProofs(records));
    if (nsec instanceof Denial.Proven || records.nsec3().isEmpty()) {
      return nsec;
    }
    Nsec3Chain chain = Nsec3Chain.of(records);
    Denial nsec3 = chain.unusable(maxNsec3Iterations, what);
    if (nsec3 == null) {
      nsec3 = byNsec3.apply(new Nsec3Proofs(chain, records.zone()));
    }
    return nsec == null || !(nsec3 instanceof Denial.Bogus) ? nsec3 : nsec;
  }
}
