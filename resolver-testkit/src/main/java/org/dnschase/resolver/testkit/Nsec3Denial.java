package org.dnschase.resolver.testkit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;

/**
 * Proofs from an NSEC3 chain (RFC 5155 §7.2): the NSEC3 whose owner is the hash of a name matches
 * it; the one before a hash in the chain's order covers it. A missing name needs the closest
 * encloser proof: the encloser matched and the next closer name covered (§7.2.1).
 */
final class Nsec3Denial implements Denial {
  private final Nsec3Hashing hashing;
  /** The chain by hash, in base32hex, which sorts as the hashes do. */
  private final TreeMap<String, RRset> chain;

  /** @param chain every NSEC3 RRset of the zone (with its RRSIGs) by its owner's first label */
  Nsec3Denial(Nsec3Hashing hashing, Map<String, RRset> chain) {
    this.hashing = hashing;
    this.chain = new TreeMap<>(chain);
  }

  private RRset matching(Name name) {
    return chain.get(hashing.label(name));
  }

  private RRset covering(Name name) {
    Map.Entry<String, RRset> entry = chain.lowerEntry(hashing.label(name));
    return (entry != null ? entry : chain.lastEntry()).getValue();
  }

  /**
   * The closest provable encloser at or above {@code name}: the first with an NSEC3 of its own,
   * which with opt-out may be above the encloser the zone data shows.
   */
  private Name provable(Name name) {
    Name candidate = name;
    while (matching(candidate) == null && candidate.labels() > 1) {
      candidate = new Name(candidate, 1);
    }
    return candidate;
  }

  private List<RRset> closestEncloserProof(Name qname, Name encloser, RRset... more) {
    Name provable = provable(encloser);
    Name nextCloser = new Name(qname, qname.labels() - provable.labels() - 1);
    RRset[] sets = new RRset[2 + more.length];
    sets[0] = matching(provable);
    sets[1] = covering(nextCloser);
    System.arraycopy(more, 0, sets, 2, more.length);
    return NsecDenial.distinct(sets);
  }

  @Override
  public List<RRset> nxDomain(Name qname, Name encloser) {
    return closestEncloserProof(qname, encloser, covering(Denial.wildcardAt(provable(encloser))));
  }

  @Override
  public List<RRset> noData(Name qname) {
    RRset match = matching(qname);
    // no NSEC3 of its own: an opt-out span covers it (RFC 5155 §7.2.4 for DS)
    return match != null ? List.of(match) : closestEncloserProof(qname, new Name(qname, 1));
  }

  @Override
  public List<RRset> wildcardAnswer(Name qname, Name encloser) {
    Name nextCloser = new Name(qname, qname.labels() - encloser.labels() - 1);
    return NsecDenial.distinct(covering(nextCloser));
  }

  @Override
  public List<RRset> wildcardNoData(Name qname, Name encloser) {
    return closestEncloserProof(qname, encloser, matching(Denial.wildcardAt(encloser)));
  }
}
