package org.dnschase.resolver.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;

/**
 * Proofs from an NSEC chain (RFC 4035 §3.1.3): the NSEC at a name proves its missing types, the
 * NSEC before a missing name in canonical order covers it.
 */
final class NsecDenial implements Denial {
  private final TreeMap<Name, RRset> chain;

  /** @param chain every NSEC RRset of the zone (with its RRSIGs) by owner */
  NsecDenial(Map<Name, RRset> chain) {
    this.chain = new TreeMap<>(chain);
  }

  /** The NSEC at {@code name}, or the one covering it (the last one covers what sorts first). */
  private RRset atOrBefore(Name name) {
    Map.Entry<Name, RRset> entry = chain.floorEntry(name);
    return (entry != null ? entry : chain.lastEntry()).getValue();
  }

  @Override
  public List<RRset> nxDomain(Name qname, Name encloser) {
    return distinct(atOrBefore(qname), atOrBefore(Denial.wildcardAt(encloser)));
  }

  @Override
  public List<RRset> noData(Name qname) {
    return distinct(atOrBefore(qname));
  }

  @Override
  public List<RRset> wildcardAnswer(Name qname, Name encloser) {
    return distinct(atOrBefore(qname));
  }

  @Override
  public List<RRset> wildcardNoData(Name qname, Name encloser) {
    return nxDomain(qname, encloser);
  }

  static List<RRset> distinct(RRset... sets) {
    List<RRset> proof = new ArrayList<>();
    for (RRset set : sets) {
      if (set != null && !proof.contains(set)) {
        proof.add(set);
      }
    }
    return proof;
  }
}
