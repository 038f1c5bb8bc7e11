package org.dnschase.resolver.internal.iterate;

import java.util.List;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution.BogusReason;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/** How a query ended, before {@link FinishStep} turns it into a public {@code Resolution}. */
sealed interface Outcome {

  /** The final RRset, from the cache or a server. */
  record Data(RRset rrset, Hop.Source source) implements Outcome {}

  /**
   * NXDOMAIN or NODATA, with the SOA that proves it (null when the server sent none) and the
   * zone's NS records the server sent beside it (none from the cache).
   */
  record Negative(boolean nxDomain, SOARecord soa, List<Record> nameServers) implements Outcome {

    static Negative fromCache(CacheLookup.NegativeHit hit) {
      return new Negative(hit.kind() == CacheLookup.NegativeHit.Kind.NXDOMAIN, hit.soa(), List.of());
    }

    static Negative fromReply(boolean nxDomain, SOARecord soa, ScrubbedReply reply) {
      return new Negative(nxDomain, soa, soa == null ? List.of() : reply.nameServersOf(soa.getName()));
    }
  }

  /**
   * The name servers the query needed depend on themselves (tsuNAME, RFC 9520), now or a moment
   * ago; a parent that looked up one of them notes it as the reason its zone cannot be reached.
   */
  record CyclicDependency(String detail) implements Outcome {}

  /**
   * The resolution could not finish; {@code stoppedAt} is the record it could not follow, or null;
   * {@code bogusReason} says why the data was BOGUS, exactly for {@link FailureReason#DNSSEC_BOGUS}.
   */
  record Failed(FailureReason reason, String detail, Record stoppedAt, BogusReason bogusReason) implements Outcome {

    Failed(FailureReason reason, String detail, Record stoppedAt) {
      this(reason, detail, stoppedAt, null);
    }

    Failed(FailureReason reason, String detail) {
      this(reason, detail, null, null);
    }

    /** The data validated as {@code verdict}, BOGUS. */
    static Failed bogus(Verdict verdict) {
      return new Failed(FailureReason.DNSSEC_BOGUS, verdict.detail(), null, verdict.reason());
    }
  }
}
