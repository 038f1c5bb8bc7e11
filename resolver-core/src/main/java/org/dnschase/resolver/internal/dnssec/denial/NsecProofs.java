package org.dnschase.resolver.internal.dnssec.denial;

import org.dnschase.resolver.internal.dnssec.denial.Denial.BogusReason;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;

/** Denial of existence with NSEC (RFC 4035 §5.4, §5.3.4 and §5.2). */
final class NsecProofs {
  private final DenialRecords records;

  NsecProofs(DenialRecords records) {
    this.records = records;
  }

  /**
   * Name error: an NSEC covers the name, and one covers the wildcard at the closest encloser the
   * first shows (RFC 4035 §5.4).
   */
  Denial nxDomain(Name qname) {
    NSECRecord at = matching(qname);
    if (at != null) {
      return new Denial.Bogus(BogusReason.NAME_EXISTS, "an NSEC is owned by " + qname);
    }
    NSECRecord cover = covering(qname);
    if (cover == null) {
      return notCovered(qname);
    }
    Name encloser = Nsecs.closestEncloser(cover, qname);
    Denial.Bogus wildcard = wildcardDenied(encloser);
    return wildcard != null ? wildcard : new Denial.NxDomain(qname, encloser);
  }

  /**
   * No data: the NSEC at the name lacks the type (and CNAME), or the name is an empty
   * non-terminal, or no closer name exists and the NSEC at the wildcard that would answer lacks
   * the type (RFC 4035 §5.4; RFC 4035 §3.1.3.4 for the wildcard).
   */
  Denial noData(Name qname, int qtype) {
    NSECRecord at = matching(qname);
    if (at != null) {
      Denial.Bogus wrong = TypeMaps.noData(at.getTypes(), qname, qtype);
      return wrong != null ? wrong : new Denial.NoData(qname, qtype, null);
    }
    for (NSECRecord nsec : records.nsec()) {
      if (Nsecs.provesEmptyNonTerminal(nsec, qname)) {
        return new Denial.NoData(qname, qtype, null);
      }
    }
    NSECRecord cover = covering(qname);
    if (cover == null) {
      return new Denial.Bogus(BogusReason.MISSING_PROOF,
          "no NSEC matches " + qname + " or shows it an empty non-terminal");
    }
    Name wildcard = Nsecs.wildcardAt(Nsecs.closestEncloser(cover, qname));
    NSECRecord atWildcard = wildcard == null ? null : matching(wildcard);
    if (atWildcard == null) {
      return new Denial.Bogus(BogusReason.MISSING_PROOF, "an NSEC covers " + qname
          + ", which makes the answer a name error, and none matches its wildcard " + wildcard);
    }
    Denial.Bogus wrong = TypeMaps.noData(atWildcard.getTypes(), wildcard, qtype);
    return wrong != null ? wrong : new Denial.NoData(qname, qtype, wildcard);
  }

  /**
   * A wildcard answer: an NSEC covers the name asked, and the closest encloser it shows is the
   * wildcard's parent, so no closer name could have answered (RFC 4035 §5.3.4).
   */
  Denial wildcardAnswer(Name qname, Name wildcard) {
    Name source = new Name(wildcard, 1);
    NSECRecord cover = covering(qname);
    if (cover == null) {
      return notCovered(qname);
    }
    Name encloser = Nsecs.closestEncloser(cover, qname);
    if (!encloser.equals(source)) {
      return new Denial.Bogus(BogusReason.CLOSER_MATCH_EXISTS, "the NSEC covering " + qname
          + " shows the closest encloser " + encloser + ", not " + source + " of " + wildcard);
    }
    return new Denial.WildcardAnswer(qname, wildcard);
  }

  /** An insecure delegation: the parent's NSEC at the cut lists NS and neither DS nor SOA (§5.2). */
  Denial noDs(Name cut) {
    NSECRecord at = matching(cut);
    if (at == null) {
      return new Denial.Bogus(BogusReason.MISSING_PROOF, "no NSEC at the delegation " + cut);
    }
    return TypeMaps.noDs(at::hasType, cut);
  }

  private Denial.Bogus wildcardDenied(Name encloser) {
    Name wildcard = Nsecs.wildcardAt(encloser);
    if (wildcard == null) {
      return null;
    }
    if (matching(wildcard) != null) {
      return new Denial.Bogus(BogusReason.WILDCARD_NOT_DENIED, "the wildcard " + wildcard + " exists");
    }
    return covering(wildcard) != null ? null
        : new Denial.Bogus(BogusReason.WILDCARD_NOT_DENIED, "no NSEC covers the wildcard " + wildcard);
  }

  private Denial.Bogus notCovered(Name qname) {
    for (NSECRecord nsec : records.nsec()) {
      if (Nsecs.provesEmptyNonTerminal(nsec, qname)) {
        return new Denial.Bogus(BogusReason.NAME_EXISTS,
            "the NSEC at " + nsec.getName() + " shows " + qname + " has a descendant " + nsec.getNext());
      }
    }
    return new Denial.Bogus(BogusReason.NAME_NOT_COVERED, "no NSEC from " + records.zone() + " covers " + qname);
  }

  private NSECRecord matching(Name name) {
    for (NSECRecord nsec : records.nsec()) {
      if (nsec.getName().equals(name)) {
        return nsec;
      }
    }
    return null;
  }

  private NSECRecord covering(Name name) {
    for (NSECRecord nsec : records.nsec()) {
      if (Nsecs.covers(nsec, name, records.zone())) {
        return nsec;
      }
    }
    return null;
  }
}
