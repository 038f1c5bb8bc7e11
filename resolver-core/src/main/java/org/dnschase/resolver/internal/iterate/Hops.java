package org.dnschase.resolver.internal.iterate;

import java.time.Duration;
import java.util.Optional;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.internal.chase.DnameSubstitution;
import org.dnschase.resolver.internal.message.RRsets;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;

/** Makes the hop an alias RRset causes, wherever the RRset came from (cache or reply). */
final class Hops {

  private Hops() {}

  static Hop cname(Name name, RRset cname, Name zone, Hop.Source source) {
    return new Hop(name, Hop.Kind.CNAME, RRsets.cnameTarget(cname), Duration.ofSeconds(cname.getTTL()),
        zone, source, cname.first(), cname.sigs());
  }

  /**
   * The CNAME a DNAME synthesises for {@code name}, with the DNAME's TTL (RFC 6672 §3.1), or
   * empty when the rewritten name would be longer than 255 octets (YXDOMAIN).
   */
  static Optional<Hop> dname(Name name, RRset dname, Name zone, Hop.Source source) {
    DNAMERecord record = (DNAMERecord) dname.first();
    return DnameSubstitution.substitute(name, record).map(target ->
        new Hop(name, Hop.Kind.DNAME, target, Duration.ofSeconds(dname.getTTL()), zone, source, record,
            dname.sigs()));
  }

  static String yxDomainDetail(Name name, RRset dname) {
    return "substituting " + name + " by " + dname.first() + " makes a name longer than 255 octets";
  }
}
