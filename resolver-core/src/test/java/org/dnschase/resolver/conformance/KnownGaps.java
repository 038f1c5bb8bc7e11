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

  private static final String DNAME_TTL0 =
      "a signed DNAME of TTL 0 is not kept, so the next name under it is asked of the server again, which the script does not answer (Unbound uses the DNAME it just validated)";
  private static final String NXNS_CACHED =
      "a delegation whose name servers were all found NXDOMAIN ends at the glueless limit (5 of 12 looked up), cached NXDOMAINs counted, where Unbound does not count what its cache answers and tries the rest";
  private static final String RRSIG_QUESTION =
      "a question for type RRSIG: dnsjava's RRset, which carries every answer's data here, holds RRSIGs only as the signatures of the RRset they cover, never as data, so no Resolution can hold an RRSIG answer (the reply reads as a NODATA without proof, BOGUS), where Unbound answers them unvalidated; and a cached NS set from a referral is not replaced by the zone's own";
  private static final String DNAME_UNSIGNED_TARGET =
      "a signed DNAME whose reply carries an unsigned A for the synthesised target: the A is found BOGUS and the answer fails, where Unbound drops the unsigned RRset and asks for the target anew";
  private static final String SECURE_NXDOMAIN_MINIMISED =
      "RFC 8020 with QNAME minimisation: a validated NXDOMAIN for a minimised ancestor does not end the question; the full name is asked again (relaxed minimisation), which the script does not answer";

  private static final String AUTH_ZONE =
      "auth zones (auth-zone: local authoritative data), a feature we deliberately do not have";
  private static final String GHOST_TIME_WINDOW =
      "a zone's own NS set in the authority section of an answer to a query sent while its delegation lived, arriving after it expired, "
          + "is cached afresh and keeps the zone alive; Unbound judges an NS set against its cache as of the time the query started "
          + "(qstarttime), where the same NS set is still cached and is not renewed, so the zone's withdrawal shows once it expires";
  private static final String QMIN_TIMEOUT =
      "minimising an AAAA question, Unbound asks A for the full name first and falls back to AAAA when those queries time out; we ask AAAA at once, so the scenario's drop-and-time-out script never runs";
  private static final String SCRUB_CNAME =
      "Unbound's scrubbing of the records after the first CNAME or DNAME of an authoritative answer, which we deliberately do not do: "
          + "an in-zone chain is used as it is, one query for N hops (DESIGN, Chains inside one zone), where Unbound asks again for every hop";
  private static final String MESSAGE_CACHE =
      "Unbound's message refers to the zone's SOA RRset in its RRset cache, so a cached NXDOMAIN shows the SOA of a later reply "
          + "(serial 17, TTL 10) although the NXDOMAIN itself expires 5 s sooner; ours deliberately shows the SOA that proved it, "
          + "with the time the NXDOMAIN has left (RFC 2308 §5): a longer TTL would promise more than is cached";

  /** File name to the behaviour it lacks. */
  private static final Map<String, String> BY_FILE = Map.ofEntries(
      Map.entry("iter_dname_ttl0.rpl", DNAME_TTL0),
      Map.entry("iter_dname_ttl0_grace.rpl", DNAME_TTL0),
      Map.entry("iter_fwdstubauth.rpl", AUTH_ZONE),
      Map.entry("iter_ghost_timewindow.rpl", GHOST_TIME_WINDOW),
      Map.entry("iter_nxns_cached.rpl", NXNS_CACHED),
      Map.entry("iter_nxns_fallback.rpl", NXNS_CACHED),
      Map.entry("iter_resolve_minimised_timeout.rpl", QMIN_TIMEOUT),
      Map.entry("iter_scrub_cname_an.rpl", SCRUB_CNAME),
      Map.entry("iter_scrub_dname_insec.rpl", SCRUB_CNAME),
      Map.entry("iter_scrub_dname_rev.rpl", DNAME_UNSIGNED_TARGET),
      Map.entry("iter_scrub_dname_sec.rpl", DNAME_UNSIGNED_TARGET),
      Map.entry("iter_validate_extradata.rpl", RRSIG_QUESTION),
      Map.entry("stop_nxdomain_minimised.rpl", SECURE_NXDOMAIN_MINIMISED),
      Map.entry("ttl_msg.rpl", MESSAGE_CACHE));

  private KnownGaps() {}

  static Optional<String> of(ScenarioCase scenario) {
    return Optional.ofNullable(BY_FILE.get(scenario.fileName())).or(() -> DnssecGaps.of(scenario));
  }
}
