package org.dnschase.resolver.internal.iterate;

import java.util.List;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.reply.Proofs;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/** How a query ended, before {@link FinishStep} turns it into a public {@code Resolution}. */
sealed interface Outcome {

  /**
   * The final RRset, from the cache or a server, with the NSEC or NSEC3 records that prove a
   * wildcard expansion (see {@link Proofs#wildcard}).
   */
  record Data(RRset rrset, Hop.Source source, List<Record> proof) implements Outcome {

    Data(RRset rrset, Hop.Source source) {
      this(rrset, source, List.of());
    }

    static Data fromReply(RRset rrset, Hop.Source source, ScrubbedReply reply) {
      return new Data(rrset, source, Proofs.wildcard(reply, rrset));
    }
  }

  /**
   * NXDOMAIN or NODATA, with the SOA that proves it (null when the server sent none), the zone's
   * NS records the server sent beside it (none from the cache), and its DNSSEC proof (see {@link
   * Proofs#negative}).
   */
  record Negative(boolean nxDomain, SOARecord soa, List<Record> nameServers, List<Record> proof) implements Outcome {

    static Negative fromCache(CacheLookup.NegativeHit hit) {
      return new Negative(hit.kind() == CacheLookup.NegativeHit.Kind.NXDOMAIN, hit.soa(), List.of(), hit.proof());
    }

    static Negative fromReply(boolean nxDomain, SOARecord soa, ScrubbedReply reply) {
      return new Negative(nxDomain, soa, soa == null ? List.of() : reply.nameServersOf(soa.getName()),
          Proofs.negative(reply));
    }
  }

  /**
   * The name servers the query needed depend on themselves (tsuNAME, RFC 9520), now or a moment
   * ago; a parent that looked up one of them notes it as the reason its zone cannot be reached.
   */
  record CyclicDependency(String detail) implements Outcome {}

  /**
   * The resolution could not finish; {@code stoppedAt} is the record it could not follow, or null,
   * with the RRSIGs that came with it; {@code bogusReason} says why the data was BOGUS, exactly for
   * {@link FailureReason#DNSSEC_BOGUS}.
   */
  record Failed(FailureReason reason, String detail, Record stoppedAt, BogusReason bogusReason,
      List<Record> stoppedAtSignatures) implements Outcome {

    Failed(FailureReason reason, String detail, Record stoppedAt, BogusReason bogusReason) {
      this(reason, detail, stoppedAt, bogusReason, List.of());
    }

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
