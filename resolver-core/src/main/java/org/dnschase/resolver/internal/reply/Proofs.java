package org.dnschase.resolver.internal.reply;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.internal.dnssec.denial.Denials;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The DNSSEC records of a reply that prove what it says, as a resolver passes them on to a client
 * that set DO (RFC 4035 §3.1.3, §3.2.1): the authority section's NSEC and NSEC3 RRsets with their
 * RRSIGs, and for a negative answer the SOA's RRSIGs. Taken as the zone's server sent them, after
 * scrubbing; whether they prove anything is the validator's to say, and its verdict goes with the
 * outcome.
 */
public final class Proofs {

  private Proofs() {}

  /**
   * What proves a negative answer (RFC 4035 §3.1.3.1, §3.1.3.2): the SOA's RRSIGs, then the NSEC
   * and NSEC3 records with theirs.
   *
   * @param reply the reply that gave the negative answer
   * @return the records, empty for an unsigned zone
   */
  public static List<Record> negative(ScrubbedReply reply) {
    List<Record> proof = new ArrayList<>();
    RRset soa = reply.authority(Type.SOA);
    if (soa != null) {
      proof.addAll(soa.sigs());
    }
    addDenials(reply, proof);
    return proof;
  }

  /**
   * What proves that {@code answer} was rightly synthesised from a wildcard (RFC 4035 §3.1.3.3):
   * the NSEC and NSEC3 records with their RRSIGs, when a signature of the RRset shows an expansion
   * (it counts fewer labels than the owner has, RFC 4035 §5.3.4); empty otherwise.
   *
   * @param reply the reply that gave the answer
   * @param answer the answer's RRset, with its signatures
   * @return the records, empty for an RRset not synthesised from a wildcard
   */
  public static List<Record> wildcard(ScrubbedReply reply, RRset answer) {
    if (!expanded(answer)) {
      return List.of();
    }
    List<Record> proof = new ArrayList<>();
    addDenials(reply, proof);
    return proof;
  }

  /**
   * The NSEC and NSEC3 records of the reply's authority section with their RRSIGs, whatever they
   * prove: what a reply that gave an alias says beside it, which Unbound passes on with the answer
   * the chain ends in (and its validator uses).
   *
   * @param reply a reply
   * @return the records, empty when it has none
   */
  public static List<Record> denials(ScrubbedReply reply) {
    List<Record> proof = new ArrayList<>();
    addDenials(reply, proof);
    return proof;
  }

  /** Whether a signature of {@code rrset} counts fewer labels than its owner: a wildcard expansion. */
  public static boolean expanded(RRset rrset) {
    for (RRSIGRecord sig : rrset.sigs()) {
      if (Denials.wildcardSource(rrset.getName(), sig) != null) {
        return true;
      }
    }
    return false;
  }

  private static void addDenials(ScrubbedReply reply, List<Record> proof) {
    for (RRset set : reply.authority()) {
      if (set.getType() == Type.NSEC || set.getType() == Type.NSEC3) {
        proof.addAll(set.rrs(false));
        proof.addAll(set.sigs());
      }
    }
  }
}
