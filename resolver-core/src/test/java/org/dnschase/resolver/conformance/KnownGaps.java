package org.dnschase.resolver.conformance;

import java.util.Map;
import java.util.Optional;

/**
 * The one list of scenarios the resolver is known to fail, each with the behaviour it lacks.
 * Such a case still runs: it is reported as skipped, with the reason and its failures, while it
 * fails; it fails the build as soon as it passes, so the entry goes when the behaviour lands.
 * A reason names what is missing precisely (a feature we deliberately do not have says so);
 * runner problems never belong here. A file is listed for every minimisation mode it runs in.
 */
final class KnownGaps {

  private static final String NXNS_CACHED =
      "Unbound looks up a glueless server's A and AAAA at once, and keeps an NXDOMAIN without SOA in its message cache "
          + "for 5 s (NORR_TTL): the script answers 12 look-up queries for 6 names, then 10 for 5; we deliberately ask the "
          + "AAAA only of a name that exists without an A (an NXDOMAIN for the A denies every type, RFC 8020 §2) and "
          + "cache no NXDOMAIN without its SOA (RFC 2308 §5), so half the script's REPLY steps find no query to answer "
          + "(an NXDOMAIN the cache does answer is not counted against the look-up limits, as in Unbound)";

  private static final String DNAME_TTL0 =
      "a DNAME of TTL 0 serves the answer in hand (both files' first answer passes, TTL 0 and SECURE) and is deliberately not "
          + "cached (RFC 1035 §3.2.1, RFC 2181 §8: a TTL of zero means the record is used for the transaction in progress only), "
          + "so the next name under it is asked of the server again, which the script does not answer; Unbound (since its pull "
          + "request 1411, to spare the DNAME's servers, which no RFC asks for) keeps such a DNAME for synthesis during one "
          + "more second of its whole-second clock";
  private static final String QMIN_TIMEOUT =
      "minimising a question of another type than A, Unbound asks the full name with type A first (hiding the type from a server "
          + "that might delegate the last label) and asks the real type after three time-outs of it; we deliberately follow "
          + "RFC 9156 §3 (once the name asked is the whole QNAME, it is asked with the original QTYPE), so the script's dropped A queries never come";
  private static final String SCRUB_CNAME =
      "Unbound keeps nothing of an answer after its first CNAME or DNAME and asks again for every hop, even one in the same zone; "
          + "we deliberately use an in-zone chain as the authoritative server gives it (RFC 1034 §4.3.2 step 3a has it include "
          + "the chain's targets in its zone; DESIGN, Chains inside one zone), one query for N hops, while records that do not "
          + "belong to the chain, or lie outside the zone asked, are scrubbed as in Unbound (RFC 2181 §5.4.1)";
  private static final String MESSAGE_CACHE =
      "Unbound's message refers to the zone's SOA RRset in its RRset cache, so a cached NXDOMAIN shows the SOA of a later reply "
          + "(serial 17, TTL 10) although the NXDOMAIN itself expires 5 s sooner; ours deliberately shows the SOA that proved it, "
          + "with the time the NXDOMAIN has left (RFC 2308 §5): a longer TTL would promise more than is cached";

  /** File name to the behaviour it lacks. */
  private static final Map<String, String> BY_FILE = Map.ofEntries(
      Map.entry("iter_dname_ttl0.rpl", DNAME_TTL0),
      Map.entry("iter_dname_ttl0_grace.rpl", DNAME_TTL0),
      Map.entry("iter_nxns_cached.rpl", NXNS_CACHED),
      Map.entry("iter_resolve_minimised_timeout.rpl", QMIN_TIMEOUT),
      Map.entry("iter_scrub_cname_an.rpl", SCRUB_CNAME),
      Map.entry("iter_scrub_dname_insec.rpl", SCRUB_CNAME),
      Map.entry("ttl_msg.rpl", MESSAGE_CACHE));

  private KnownGaps() {}

  static Optional<String> of(ScenarioCase scenario) {
    return Optional.ofNullable(BY_FILE.get(scenario.fileName())).or(() -> DnssecGaps.of(scenario));
  }
}
