package org.dnschase.resolver.internal.dnssec.denial;

import org.dnschase.resolver.internal.dnssec.denial.Denial.BogusReason;
import org.dnschase.resolver.internal.dnssec.denial.Denial.InsecureReason;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Denial of existence with NSEC3 (RFC 5155 §8.3-8.9), over one answer's usable chain. */
final class Nsec3Proofs {
  private final Nsec3Chain chain;
  private final Name zone;

  Nsec3Proofs(Nsec3Chain chain, Name zone) {
    this.chain = chain;
    this.zone = zone;
  }

  /** The outcome of looking for a closest encloser proof. */
  private sealed interface EncloserProof {}

  /** The closest encloser proof (§8.3): an ancestor matched, the next closer name covered. */
  private record ClosestEncloser(Name encloser, Name nextCloser, NSEC3Record cover) implements EncloserProof {
    boolean optOut() {
      return (cover.getFlags() & NSEC3Record.Flags.OPT_OUT) != 0;
    }
  }

  /** No closest encloser proof, and why. */
  private record NoEncloser(Denial.Bogus why) implements EncloserProof {}

  /** Name error (§8.4): the closest encloser proof, and the wildcard at the encloser covered. */
  Denial nxDomain(Name qname) {
    if (chain.matching(qname) != null) {
      return new Denial.Bogus(BogusReason.NAME_EXISTS, "an NSEC3 matches " + qname);
    }
    EncloserProof proof = closestEncloser(qname);
    if (proof instanceof NoEncloser none) {
      return none.why;
    }
    ClosestEncloser ce = (ClosestEncloser) proof;
    Name wildcard = Nsecs.wildcardAt(ce.encloser);
    if (wildcard != null && chain.matching(wildcard) != null) {
      return new Denial.Bogus(BogusReason.WILDCARD_NOT_DENIED, "the wildcard " + wildcard + " exists");
    }
    if (wildcard != null && chain.covering(wildcard) == null) {
      return new Denial.Bogus(BogusReason.WILDCARD_NOT_DENIED, "no NSEC3 covers the wildcard " + wildcard);
    }
    return ce.optOut() ? optOut(ce) : new Denial.NxDomain(qname, ce.encloser);
  }

  /**
   * No data: the NSEC3 matching the name lacks the type (§8.5, an empty non-terminal included);
   * for DS without a match, an opt-out NSEC3 covers the next closer name (§8.6, insecure); else
   * the NSEC3 matching the wildcard at the closest encloser lacks the type (§8.7), insecure when
   * the NSEC3 covering the next closer name opts out: an unsigned delegation may be there, whose
   * data the wildcard does not speak for (§9.2: no AD).
   */
  Denial noData(Name qname, int qtype) {
    NSEC3Record at = chain.matching(qname);
    if (at != null) {
      Denial.Bogus wrong = TypeMaps.noData(at.getTypes(), qname, qtype);
      return wrong != null ? wrong : new Denial.NoData(qname, qtype, null);
    }
    EncloserProof proof = closestEncloser(qname);
    if (proof instanceof NoEncloser none) {
      return none.why;
    }
    ClosestEncloser ce = (ClosestEncloser) proof;
    if (qtype == Type.DS) {
      return optOutOnly(ce);
    }
    Name wildcard = Nsecs.wildcardAt(ce.encloser);
    NSEC3Record atWildcard = wildcard == null ? null : chain.matching(wildcard);
    if (atWildcard == null) {
      // an empty non-terminal made only by unsigned delegations has no NSEC3 of its own (§7.2.3)
      return ce.optOut() ? optOut(ce) : new Denial.Bogus(BogusReason.MISSING_PROOF,
          "no NSEC3 matches " + qname + " or the wildcard " + wildcard);
    }
    Denial.Bogus wrong = TypeMaps.noData(atWildcard.getTypes(), wildcard, qtype);
    if (wrong != null) {
      return wrong;
    }
    return ce.optOut() ? optOut(ce) : new Denial.NoData(qname, qtype, wildcard);
  }

  /**
   * A wildcard answer (§8.8): the next closer name below the wildcard's parent is covered, so no
   * closer name could have answered.
   */
  Denial wildcardAnswer(Name qname, Name wildcard) {
    Name source = new Name(wildcard, 1);
    Name nextCloser = new Name(qname, qname.labels() - source.labels() - 1);
    if (chain.matching(nextCloser) != null) {
      return new Denial.Bogus(BogusReason.CLOSER_MATCH_EXISTS, "an NSEC3 matches " + nextCloser
          + ", closer to " + qname + " than " + wildcard);
    }
    NSEC3Record cover = chain.covering(nextCloser);
    if (cover == null) {
      return new Denial.Bogus(BogusReason.NEXT_CLOSER_NOT_COVERED,
          "no NSEC3 covers " + nextCloser + ", the next closer name of " + qname + " below " + source);
    }
    ClosestEncloser ce = new ClosestEncloser(source, nextCloser, cover);
    return ce.optOut() ? optOut(ce) : new Denial.WildcardAnswer(qname, wildcard);
  }

  /**
   * An insecure delegation: the NSEC3 matching the cut lists NS and neither DS nor SOA, or an
   * opt-out NSEC3 covers the next closer name (§8.9 and §8.6; insecure, §9.2).
   */
  Denial noDs(Name cut) {
    NSEC3Record at = chain.matching(cut);
    if (at != null) {
      return TypeMaps.noDs(at::hasType, cut);
    }
    return switch (closestEncloser(cut)) {
      case ClosestEncloser ce -> optOutOnly(ce);
      case NoEncloser none -> none.why;
    };
  }

  /**
   * Finds the closest provable encloser of {@code name} (§8.3): walks up from its parent to the
   * apex until an NSEC3 matches, then requires the next closer name covered. The matched ancestor
   * must not be a delegation point or a DNAME owner: nothing below those is this zone's.
   *
   * @return the {@link ClosestEncloser}, or why there is none
   */
  private EncloserProof closestEncloser(Name name) {
    if (!name.subdomain(zone) || name.equals(zone)) {
      return new NoEncloser(new Denial.Bogus(BogusReason.NO_CLOSEST_ENCLOSER, name + " is not below the zone " + zone));
    }
    Name nextCloser = name;
    Name candidate = new Name(name, 1);
    NSEC3Record match = chain.matching(candidate);
    while (match == null && !candidate.equals(zone)) {
      nextCloser = candidate;
      candidate = new Name(candidate, 1);
      match = chain.matching(candidate);
    }
    if (match == null) {
      return new NoEncloser(new Denial.Bogus(BogusReason.NO_CLOSEST_ENCLOSER, "no NSEC3 matches an ancestor of " + name));
    }
    if (match.hasType(Type.DNAME) || (match.hasType(Type.NS) && !match.hasType(Type.SOA))) {
      return new NoEncloser(new Denial.Bogus(BogusReason.WRONG_SIDE_OF_CUT, "the closest encloser "
          + candidate + " of " + name + " is a delegation point or DNAME owner"));
    }
    NSEC3Record cover = chain.covering(nextCloser);
    if (cover == null) {
      return new NoEncloser(new Denial.Bogus(BogusReason.NEXT_CLOSER_NOT_COVERED,
          "no NSEC3 covers " + nextCloser + ", the next closer name below " + candidate));
    }
    return new ClosestEncloser(candidate, nextCloser, cover);
  }

  private static Denial optOutOnly(ClosestEncloser ce) {
    return ce.optOut() ? optOut(ce) : new Denial.Bogus(BogusReason.NO_OPT_OUT,
        "the NSEC3 covering " + ce.nextCloser + " has no opt-out flag, and none matches the name");
  }

  private static Denial optOut(ClosestEncloser ce) {
    return new Denial.Insecure(InsecureReason.OPT_OUT,
        "an opt-out NSEC3 covers " + ce.nextCloser + " below " + ce.encloser);
  }
}
