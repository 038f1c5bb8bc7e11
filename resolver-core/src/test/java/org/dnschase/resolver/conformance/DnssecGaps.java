package org.dnschase.resolver.conformance;

import java.util.Map;
import java.util.Optional;

/**
 * The validator scenarios ({@code rpl-dnssec}) the resolver is known to fail, each with what it
 * lacks; kept apart from {@link KnownGaps} to keep each list short, under the same rule: a listed
 * file runs, is reported skipped with its failures, and fails the build once it passes. The first
 * group are deliberate omissions; the rest name precisely a behaviour the validator does not have
 * yet.
 */
final class DnssecGaps {

  /* ---- deliberate omissions ---- */

  private static final String PARSE_PX =
      "a PX record without its second name: dnsjava, which reads every record for us, refuses record data malformed for its type, so the scripted reply cannot be built";
  private static final String PARSE_BASE64 =
      "an RRSIG whose signature is not base64 (UNUSABLE==): dnsjava, which reads every record for us, refuses it, so the scripted reply cannot be built";
  private static final String REFUSED_ANCHOR =
      "a trust anchor whose DS digest does not fit its digest type (32 octets for SHA-1) is refused when the resolver is built, a caller's mistake reported at once, where Unbound starts and answers SERVFAIL";
  private static final String CONFIG_NO_DATES =
      "validating without checking signature dates (val-override-date: -1): ours always checks them against its clock";
  private static final String CONFIG_PREFETCH_KEY =
      "fetching a zone's DNSKEY as soon as its DS is seen, before it is needed (prefetch-key): ours fetches keys when an RRset needs them";
  private static final String CONFIG_KEYSIZE_ITERATIONS =
      "NSEC3 iteration limits by key size (val-nsec3-keysize-iterations): ours is one limit for every key (Defaults.MAX_NSEC3_ITERATIONS, 150)";
  private static final String CONFIG_HARDEN_GLUE =
      "accepting out-of-bailiwick glue (harden-glue: no): ours always drops it";
  private static final String ANY_ONE_RRSET =
      "an ANY question answered with one RRset of the name, as RFC 8482 §4.1 allows, where Unbound gives every RRset the server sent";
  private static final String CONFIG_NO_AGGRESSIVE =
      "answering without aggressive use of NSEC (aggressive-nsec: no): RFC 8198 is always on here";

  /* ---- behaviours the validator lacks ---- */

  private static final String DO_OUTPUT =
      "the AD bit and the RRSIG, NSEC and NSEC3 records a DO=1 client is owed with a validated answer (RFC 4035 §3.2.1-3.2.3): an outcome carries no signatures or proofs to the response";
  private static final String NEGATIVE_NO_SOA =
      "a signed zone's NODATA with neither SOA nor NSEC is let through INDETERMINATE, where it is BOGUS (RFC 4035 §5.4)";
  private static final String DS_FROM_NEGATIVE_CACHE =
      "a DS question whose absence a referral's NSEC proved, asked after an NXDOMAIN of the zone: Unbound's negative cache answers it NODATA with that zone's SOA, ours asks the server, which the script does not answer";
  private static final String DS_AT_ALIAS =
      "a DS question at a name the cache holds a CNAME for is answered with the CNAME, where Unbound asks the zone's servers and passes on their NODATA";
  private static final String NODATA_NOT_AA_NO_SOA =
      "a NODATA without AA and without SOA, proven by its signed NSEC, is taken as a lame server's reply, where Unbound takes it as NODATA and validates the proof";
  private static final String ANY_AT_ALIAS =
      "an ANY question at an alias: the CNAME is followed, where QTYPE * matches the CNAME and ends there (RFC 1034 §4.3.2 step 3a)";
  private static final String UNSIGNED_CHILD_SOA =
      "an unsigned SOA of a child zone, served by the parent's server after a signed NSEC of the same server proved the delegation insecure, is checked with the parent's keys and found BOGUS, where Unbound walks to the child's absent DS";
  private static final String NX_DNSKEY_ANCHOR =
      "a CNAME into a zone whose trust anchor is a DNSKEY (a ZSK, no DS), ending in its NXDOMAIN: the answer ends without AD, not SECURE";
  private static final String BOGUS_EDE_AND_CACHE =
      "a wildcard answer without its proof is BOGUS with EDE 12 (NSEC Missing) where Unbound gives 6 (DNSSEC Bogus), and BOGUS data is not cached, so the RD=0 question after it finds nothing where Unbound answers SERVFAIL from its bogus cache";
  private static final String OVERREACHING_NSEC =
      "an NXDOMAIN proven by an NSEC that overreaches (its owner above the zone that signed it, or its span past its zone) is taken as SECURE, where it is BOGUS";
  private static final String WILDCARD_DNAME =
      "a DNAME expanded from a wildcard is taken as SECURE, where RFC 6672 §3.3 leaves a wildcard DNAME undefined and Unbound finds it BOGUS";
  private static final String FORWARD_UNDER_ANCHOR =
      "a forward or stub zone below a configured trust anchor is INSECURE here (split DNS), where Unbound validates it from that anchor";
  private static final String SPURIOUS_NS =
      "an unsigned NS RRset beside a signed answer is passed on in the authority section, where Unbound drops what did not validate";
  private static final String WILDCARD_AUTHORITY =
      "a wildcard answer is given without the zone's NS RRset and its glue in the authority and additional sections, which Unbound passes on";
  private static final String CACHED_REFERRAL =
      "an RD=0 question answered from cached delegation data: no referral is built from the cache, and the AD bit is not given for it";
  private static final String QMIN_NS_QUERY =
      "with QNAME minimisation on, a minimised NS question for the delegated name is sent to the parent's server, which the script (written for a validator that asks the full name there) does not answer";
  private static final String DNAME_QMIN =
      "a DNAME answer to a minimised question is not taken as the answer for the names below it, so the DNAME and its synthesis are asked again and fail";
  private static final String EMPTY_NONTERMINAL_DS =
      "DS look-ups for every label of a long name with empty non-terminals between signed zones exhaust the query budget";
  private static final String DNSKEY_FAILURE_EDE =
      "a zone whose DNSKEY look-up failed answers with EDE 9 (DNSKEY Missing) and the failed DS look-up's reason, where Unbound gives EDE 23 (Network Error)";
  private static final String UNSIGNED_CNAME =
      "an unsigned CNAME from a signed zone, answered with its in-zone target, is not found BOGUS (RFC 4035 §5.3: no signature)";

  /** File name to the behaviour it lacks. */
  private static final Map<String, String> BY_FILE = Map.ofEntries(
      Map.entry("nsec3_aggr_cache.rpl", DO_OUTPUT),
      Map.entry("nsec3_wildcard_no_data_response.rpl", DO_OUTPUT),
      Map.entry("nsec_aggr_cache.rpl", DO_OUTPUT),
      Map.entry("nsec_cross_zone.rpl", DO_OUTPUT),
      Map.entry("nsec_name_error_response.rpl", DO_OUTPUT),
      Map.entry("nsec_no_data_response.rpl", DO_OUTPUT),
      Map.entry("nsec_wildcard_answer_response.rpl", DO_OUTPUT),
      Map.entry("nsec_wildcard_no_data_response.rpl", DO_OUTPUT),
      Map.entry("val_ad_qtype_ds.rpl", DO_OUTPUT),
      Map.entry("val_anchor_nx.rpl", DO_OUTPUT),
      Map.entry("val_anchor_nx_nosig.rpl", DO_OUTPUT),
      Map.entry("val_ans_dsent.rpl", DO_OUTPUT),
      Map.entry("val_ans_nx.rpl", DO_OUTPUT),
      Map.entry("val_any.rpl", ANY_ONE_RRSET),
      Map.entry("val_any_cap.rpl", ANY_ONE_RRSET),
      Map.entry("val_any_cname.rpl", ANY_AT_ALIAS),
      Map.entry("val_canon_short_px.rpl", PARSE_PX),
      Map.entry("val_cname_new_signer.rpl", DO_OUTPUT),
      Map.entry("val_cname_to_unsigned.rpl", DO_OUTPUT),
      Map.entry("val_cname_trust_domains.rpl", DO_OUTPUT),
      Map.entry("val_cnameinsectopos.rpl", DO_OUTPUT),
      Map.entry("val_cnamenx_dblnsec.rpl", DO_OUTPUT),
      Map.entry("val_cnamenx_rcodenx.rpl", NX_DNSKEY_ANCHOR),
      Map.entry("val_cnameother.rpl", DO_OUTPUT),
      Map.entry("val_cnameqtype.rpl", DO_OUTPUT),
      Map.entry("val_cnameqtype_qmin.rpl", DNAME_QMIN),
      Map.entry("val_cnametocloser.rpl", DO_OUTPUT),
      Map.entry("val_cnametocloser_nosig.rpl", UNSIGNED_CNAME),
      Map.entry("val_cnametocnamewctoposwc.rpl", CONFIG_NO_DATES),
      Map.entry("val_cnametodname.rpl", DO_OUTPUT),
      Map.entry("val_cnametodnametocnametopos.rpl", DO_OUTPUT),
      Map.entry("val_cnametoinsecure.rpl", DO_OUTPUT),
      Map.entry("val_cnametonodata.rpl", NODATA_NOT_AA_NO_SOA),
      Map.entry("val_cnametonsec.rpl", UNSIGNED_CHILD_SOA),
      Map.entry("val_cnametonx.rpl", NX_DNSKEY_ANCHOR),
      Map.entry("val_cnametooptin.rpl", UNSIGNED_CHILD_SOA),
      Map.entry("val_cnametopos.rpl", DO_OUTPUT),
      Map.entry("val_cnametoposnowc.rpl", BOGUS_EDE_AND_CACHE),
      Map.entry("val_cnametoposwc.rpl", DO_OUTPUT),
      Map.entry("val_cnamewctonodata.rpl", NODATA_NOT_AA_NO_SOA),
      Map.entry("val_cnamewctonx.rpl", NX_DNSKEY_ANCHOR),
      Map.entry("val_cnamewctoposwc.rpl", DO_OUTPUT),
      Map.entry("val_deleg_nons.rpl [qmin on]", QMIN_NS_QUERY),
      Map.entry("val_dname.rpl", DO_OUTPUT),
      Map.entry("val_dname_bogus.rpl", DO_OUTPUT),
      Map.entry("val_dnameqtype.rpl", DO_OUTPUT),
      Map.entry("val_dnameqtype_qmin.rpl", DNAME_QMIN),
      Map.entry("val_dnametoolong.rpl", DO_OUTPUT),
      Map.entry("val_dnametopos.rpl", DO_OUTPUT),
      Map.entry("val_dnametoposwc.rpl", DO_OUTPUT),
      Map.entry("val_dnamewc.rpl", WILDCARD_DNAME),
      Map.entry("val_ds_afterprime.rpl", DO_OUTPUT),
      Map.entry("val_ds_cname.rpl", NEGATIVE_NO_SOA),
      Map.entry("val_ds_cnamesub.rpl", DO_OUTPUT),
      Map.entry("val_dsnsec.rpl", DO_OUTPUT),
      Map.entry("val_entds.rpl", EMPTY_NONTERMINAL_DS),
      Map.entry("val_failure_dnskey.rpl", DNSKEY_FAILURE_EDE),
      Map.entry("val_fwdds.rpl", FORWARD_UNDER_ANCHOR),
      Map.entry("val_keyprefetch.rpl", CONFIG_PREFETCH_KEY),
      Map.entry("val_keyprefetch_verify.rpl", CONFIG_PREFETCH_KEY),
      Map.entry("val_mal_wc.rpl", DO_OUTPUT),
      Map.entry("val_minimal_baddsdigesttype.rpl", REFUSED_ANCHOR),
      Map.entry("val_minimal_noerror.rpl", DO_OUTPUT),
      Map.entry("val_negcache_ds.rpl", DO_OUTPUT),
      Map.entry("val_negcache_dssoa.rpl", DS_FROM_NEGATIVE_CACHE),
      Map.entry("val_negcache_nta.rpl", DO_OUTPUT),
      Map.entry("val_negcache_nxdomain.rpl", DO_OUTPUT),
      Map.entry("val_negcache_ttl.rpl", DO_OUTPUT),
      Map.entry("val_nodata.rpl", NODATA_NOT_AA_NO_SOA),
      Map.entry("val_nodatawc.rpl", NODATA_NOT_AA_NO_SOA),
      Map.entry("val_nodatawc_one.rpl", NODATA_NOT_AA_NO_SOA),
      Map.entry("val_nsec3_b1_nameerror.rpl", DO_OUTPUT),
      Map.entry("val_nsec3_b21_nodataent.rpl", DO_OUTPUT),
      Map.entry("val_nsec3_b2_nodata.rpl", DO_OUTPUT),
      Map.entry("val_nsec3_b4_wild.rpl", DO_OUTPUT),
      Map.entry("val_nsec3_b5_wcnodata.rpl", DO_OUTPUT),
      Map.entry("val_nsec3_cname_ds.rpl", DO_OUTPUT),
      Map.entry("val_nsec3_cname_par.rpl", DO_OUTPUT),
      Map.entry("val_nsec3_cname_sub.rpl", DO_OUTPUT),
      Map.entry("val_nsec3_iter_high.rpl", CONFIG_KEYSIZE_ITERATIONS),
      Map.entry("val_nsec3_nods_badsig.rpl [qmin on]", QMIN_NS_QUERY),
      Map.entry("val_nsec3_nods_negcache.rpl", DO_OUTPUT),
      Map.entry("val_nsec3_optout_ad.rpl", DO_OUTPUT),
      Map.entry("val_nsec3_optout_ns_ad.rpl", CONFIG_HARDEN_GLUE),
      Map.entry("val_nsec3_wcany.rpl", ANY_ONE_RRSET),
      Map.entry("val_nx_failwc.rpl", DO_OUTPUT),
      Map.entry("val_nx_overreach.rpl", OVERREACHING_NSEC),
      Map.entry("val_pos_truncns.rpl", DO_OUTPUT),
      Map.entry("val_positive.rpl", DO_OUTPUT),
      Map.entry("val_positive_wc.rpl", WILDCARD_AUTHORITY),
      Map.entry("val_qds_badanc.rpl", DO_OUTPUT),
      Map.entry("val_qds_oneanc.rpl", DO_OUTPUT),
      Map.entry("val_qds_twoanc.rpl", DO_OUTPUT),
      Map.entry("val_refer_unsignadd.rpl", CACHED_REFERRAL),
      Map.entry("val_referd.rpl", CACHED_REFERRAL),
      Map.entry("val_referglue.rpl", CACHED_REFERRAL),
      Map.entry("val_referral_nods.rpl", DO_OUTPUT),
      Map.entry("val_root_ds.rpl", DO_OUTPUT),
      Map.entry("val_rrsig.rpl", DO_OUTPUT),
      Map.entry("val_secds.rpl", DO_OUTPUT),
      Map.entry("val_spurious_ns.rpl", SPURIOUS_NS),
      Map.entry("val_stubds.rpl", FORWARD_UNDER_ANCHOR),
      Map.entry("val_twocname.rpl", DO_OUTPUT),
      Map.entry("val_unalgo_anchor.rpl", DO_OUTPUT),
      Map.entry("val_unalgo_ds.rpl", DO_OUTPUT),
      Map.entry("val_unknown_algorithm_insecure.rpl", PARSE_BASE64),
      Map.entry("val_unsec_cname.rpl", DS_AT_ALIAS),
      Map.entry("val_unsecds_qtypeds.rpl", DO_OUTPUT),
      Map.entry("val_wcnsec_nods.rpl", CONFIG_NO_AGGRESSIVE),
      Map.entry("val_wild_pos.rpl", DO_OUTPUT),
      Map.entry("val_wild_pos_multi.rpl", DO_OUTPUT)
  );

  private DnssecGaps() {}

  /** The gap of a file in every mode, or of the file in one mode only ({@code "f.rpl [qmin on]"}). */
  static Optional<String> of(ScenarioCase scenario) {
    String mode = scenario.fileName() + " [qmin " + (scenario.qnameMinimisation() ? "on" : "off") + "]";
    return Optional.ofNullable(BY_FILE.getOrDefault(mode, BY_FILE.get(scenario.fileName())));
  }
}
