package org.dnschase.resolver.internal.iterate;

import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.xbill.DNS.RRset;
import org.xbill.DNS.SOARecord;

/** How a query ended, before {@link FinishStep} turns it into a public {@code Resolution}. */
sealed interface Outcome {

  /** The final RRset, from the cache or a server. */
  record Data(RRset rrset, Hop.Source source) implements Outcome {}

  /** NXDOMAIN or NODATA, with the SOA that proves it (null when the server sent none). */
  record Negative(boolean nxDomain, SOARecord soa) implements Outcome {}

  /** The resolution could not finish. */
  record Failed(FailureReason reason, String detail) implements Outcome {}
}
