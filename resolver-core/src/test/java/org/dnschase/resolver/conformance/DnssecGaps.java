package org.dnschase.resolver.conformance;

import java.util.Map;
import java.util.Optional;

/**
 * The validator scenarios ({@code rpl-dnssec}) the resolver is known to fail, each with what it
 * lacks; kept apart from {@link KnownGaps} to keep each list short, under the same rule: a listed
 * file runs, is reported skipped with its failures, and fails the build once it passes. Each is a
 * deliberate omission: an option we do not offer, a record dnsjava refuses, or a behaviour chosen
 * on purpose where Unbound does otherwise.
 */
final class DnssecGaps {

  private static final String PARSE_PX =
      "a PX record without its second name: dnsjava, which reads every record for us, refuses record data malformed for its type, so the scripted reply cannot be built";
  private static final String PARSE_BASE64 =
      "an RRSIG whose signature is not base64 (UNUSABLE==): dnsjava, which reads every record for us, refuses it, so the scripted reply cannot be built";
  private static final String REFUSED_ANCHOR =
      "a trust anchor whose DS digest does not fit its digest type (32 octets for SHA-1) is refused when the resolver is built, a caller's mistake reported at once, where Unbound starts and answers SERVFAIL";
  private static final String CONFIG_NO_DATES =
      "validating without checking signature dates (val-override-date: -1): ours always checks them against its clock";
  private static final String CONFIG_KEYSIZE_ITERATIONS =
      "NSEC3 iteration limits by key size (val-nsec3-keysize-iterations): ours is one limit for every key (Defaults.MAX_NSEC3_ITERATIONS, 150)";
  private static final String CONFIG_HARDEN_GLUE =
      "accepting out-of-bailiwick glue (harden-glue: no): ours always drops it";
  private static final String ANY_ONE_RRSET =
      "an ANY question is answered with one RRset of the name, deliberately: RFC 8482 §4.1 allows it, and a Resolution.Answer holds the one final RRset of a chain, where Unbound gives every RRset the server sent";
  private static final String QMIN_NS_QUERY =
      "QNAME minimisation (RFC 9156), which the resolver does by default, asks example.com.'s server about the next label, which "
          + "this script, written for a resolver that sends the full name there, has no entry for: Deckard's own test server answers "
          + "such a query SERVFAIL and fails the scenario (\"the scenario does not define all necessary answers\"), and so does the "
          + "runner; the file passes with minimisation off";

  private static final String CNAME_QUESTION_NOT_CHASED =
      "a CNAME question is answered by the CNAME, NOERROR, deliberately: RFC 1034 §3.6.2 does not restart a query that "
          + "matches the CNAME, so the NXDOMAIN of the target that a server adds beside it (www4.example.com. and "
          + "cup.h-dname.example.com. to foo.net.) answers another question (RFC 6604 §2.1: the rcode is the last query "
          + "cycle's, and a CNAME question has no cycle past the CNAME), where Unbound passes it on; and the A question "
          + "www5.example.com. asks its target of foo.net.'s own servers (RFC 2181 §5.4.1: foo.net.'s records in example.com.'s "
          + "reply are not that server's to give), which send a proof that does not cover it (BOGUS), where Unbound answers "
          + "with the first reply's proof";
  private static final String PREFETCH_UNCHECKED_KEY =
      "a client's DNSKEY question that finds the keys the validator fetched due for a refresh starts a prefetch, as every due "
          + "hit does (prefetch: yes), deliberately; the refresh starts at the closest delegation that outlives the keys "
          + "(Unbound's leeway rule, as iter_prefetch_ns and iter_prefetch_change2 show it), and here every delegation up to the "
          + "root expires with them, so at the root hints, which the script does not answer for that name: Unbound sends no "
          + "query at all, as it answers a message its validator fetched, kept unchecked, through validation, a path that "
          + "starts no prefetch";

  /** File name to the behaviour it lacks. */
  private static final Map<String, String> BY_FILE = Map.ofEntries(
      Map.entry("val_any.rpl", ANY_ONE_RRSET),
      Map.entry("val_any_cap.rpl", ANY_ONE_RRSET),
      Map.entry("val_any_cname.rpl", ANY_ONE_RRSET),
      Map.entry("val_canon_short_px.rpl", PARSE_PX),
      Map.entry("val_cnameqtype_qmin.rpl", CNAME_QUESTION_NOT_CHASED),
      Map.entry("val_cnametocnamewctoposwc.rpl", CONFIG_NO_DATES),
      Map.entry("val_deleg_nons.rpl [qmin on]", QMIN_NS_QUERY),
      Map.entry("val_keyprefetch_verify.rpl", PREFETCH_UNCHECKED_KEY),
      Map.entry("val_minimal_baddsdigesttype.rpl", REFUSED_ANCHOR),
      Map.entry("val_nsec3_iter_high.rpl", CONFIG_KEYSIZE_ITERATIONS),
      Map.entry("val_nsec3_nods_badsig.rpl [qmin on]", QMIN_NS_QUERY),
      Map.entry("val_nsec3_optout_ns_ad.rpl", CONFIG_HARDEN_GLUE),
      Map.entry("val_nsec3_wcany.rpl", ANY_ONE_RRSET),
      Map.entry("val_unknown_algorithm_insecure.rpl", PARSE_BASE64)
  );

  private DnssecGaps() {}

  /** The gap of a file in every mode, or of the file in one mode only ({@code "f.rpl [qmin on]"}). */
  static Optional<String> of(ScenarioCase scenario) {
    String mode = scenario.fileName() + " [qmin " + (scenario.qnameMinimisation() ? "on" : "off") + "]";
    return Optional.ofNullable(BY_FILE.getOrDefault(mode, BY_FILE.get(scenario.fileName())));
  }
}
