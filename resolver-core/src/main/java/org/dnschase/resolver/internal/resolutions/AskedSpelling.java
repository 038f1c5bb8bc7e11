package org.dnschase.resolver.internal.resolutions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.internal.chase.DnameSubstitution;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Name;

/**
 * A shared outcome in the spelling one caller asked. Names compare case-insensitively, so callers
 * asking "WWW.Example." and "www.example." share one resolution (coalescing); each must still get
 * its question back as it spelt it: the query name, the owner of the first hop, and the names a
 * DNAME rewrote from it, whose labels below the DNAME's owner keep the asked spelling.
 */
public final class AskedSpelling {

  private AskedSpelling() {}

  /** {@code resolution} as the caller who asked {@code asked} would have got it alone. */
  public static Resolution of(Resolution resolution, Name asked) {
    if (sameSpelling(resolution.qname(), asked)) {
      return resolution;
    }
    List<Hop> chain = respell(resolution.chain(), resolution.qname(), asked);
    return switch (resolution) {
      case Resolution.Answer a -> new Resolution.Answer(asked, a.qtype(), a.rrset(), chain, a.ttl(),
          a.diagnostics(), a.trace(), a.upstreamQueries(), a.security(), a.proof(),
          a.locallyServed());
      case Resolution.NoData n -> new Resolution.NoData(asked, n.qtype(), n.authority(), chain, n.ttl(),
          n.diagnostics(), n.trace(), n.upstreamQueries(), n.security(), n.locallyServed());
      case Resolution.NxDomain x -> new Resolution.NxDomain(asked, x.qtype(), x.authority(), chain, x.ttl(),
          x.diagnostics(), x.trace(), x.upstreamQueries(), x.security(), x.locallyServed());
      case Resolution.Failure f -> new Resolution.Failure(asked, f.qtype(), f.reason(), f.detail(), chain,
          f.stoppedAt(), f.diagnostics(), f.trace(), f.upstreamQueries(), f.security(), f.bogusReason(),
          f.stoppedAtSignatures());
    };
  }

  /**
   * The hops with each name spelt from {@code shared} re-spelt from {@code asked}: the owner of a
   * hop that leaves the name being re-spelt, and a DNAME's target, substituted again. A CNAME's
   * target is the record's own spelling, so the re-spelling stops there.
   */
  private static List<Hop> respell(List<Hop> chain, Name shared, Name asked) {
    List<Hop> respelt = new ArrayList<>(chain.size());
    Name from = shared;
    Name to = asked;
    for (Hop hop : chain) {
      if (to == null || !hop.owner().equals(from)) {
        respelt.add(hop);
        to = null;
        continue;
      }
      Name target = hop.target();
      Name nextTo = null;
      if (hop.kind() == Hop.Kind.DNAME && hop.record() instanceof DNAMERecord dname) {
        Optional<Name> substituted = DnameSubstitution.substitute(to, dname);
        if (substituted.isPresent()) {
          nextTo = substituted.get();
        }
      }
      respelt.add(new Hop(to, hop.kind(), nextTo != null ? nextTo : target, hop.ttl(), hop.zone(), hop.source(),
          hop.record(), hop.signatures()));
      from = target;
      to = nextTo;
    }
    return respelt;
  }

  /** Whether two names are spelt alike, case included (equals ignores case). */
  private static boolean sameSpelling(Name a, Name b) {
    return a == b || Arrays.equals(a.toWire(), b.toWire());
  }
}
