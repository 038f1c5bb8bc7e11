package org.dnschase.resolver;

import java.time.Duration;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.RRsetCacheBuilder;
import org.xbill.DNS.Type;

/**
 * The table of defaults: every number a resolver uses unless told otherwise, each with where it
 * comes from. {@link Budgets#DEFAULTS}, the {@link ResolverBuilder} and the resolver's internals
 * read them here; the cache's own defaults live in resolver-cache, beneath the resolver, and are
 * listed here by reference, so this page shows them all.
 */
public final class Defaults {

  private Defaults() {}

  /* ---- budgets: the limits on one resolution (Budgets) ---- */

  /**
   * 12 hops: a 12-hop chain is answered, a 13th hop fails. Knot Resolver stops after 12 CNAMEs,
   * PowerDNS after 10, Unbound and BIND after 11 restarts (counted per restart, not per hop),
   * dnsjava after 16; real CDN chains reach 9.
   */
  public static final int MAX_HOPS = 12;

  /**
   * 100 queries: Unbound caps queries sent per target list at 32 (MAX_SENT_COUNT) and targets per
   * query with its sub-queries at 64 (MAX_TARGET_COUNT); a cold 12-hop chain across a dozen zones
   * costs about 3 queries a hop, which leaves room for retries.
   */
  public static final int MAX_QUERIES = 100;

  /**
   * 30 referrals per name of the chain: Unbound allows 130 (MAX_REFERRAL_COUNT) over a whole
   * resolution; counted per name, no real name sits below more than about 10 zone cuts.
   */
  public static final int MAX_REFERRALS = 30;

  /** 4 nested name-server look-ups: Unbound's default target-fetch-policy "3 2 1 0 0" nests 4 deep. */
  public static final int MAX_DEPTH = 4;

  /** 10 seconds: about what a stub resolver waits (glibc: 5 s times 2 attempts). */
  public static final Duration DEADLINE = Duration.ofSeconds(10);

  /**
   * 3 seconds at most per server before the next is tried, or the same asked again: the ceiling of
   * the wait each server earns by its replies ({@link Budgets#queryTimeout}). Unbound starts
   * unknown servers at 376 ms and backs off up to 120 s with no deadline above it; RFC 1035
   * §4.2.1 puts the retransmission interval at 2-5 s. A server never asked is waited for 1 s,
   * then 2 s, then 3 s; the query whose wait ran out still listens while the next goes out, so one
   * that answers after 2 s is answered by its first query, 2 s into the {@link #DEADLINE}.
   *
   * <p>A server that times out 3 times in a row, the last time waited for this long, after 3 s of
   * silence at least, is marked down (Unbound marks a server whose wait reached its cap, 120 s):
   * a question only it could answer fails at once, as {@link FailureReason#ALL_SERVERS_FAILED}
   * naming it and when it is asked again (a server answers SERVFAIL with Extended DNS Error 22, No
   * Reachable Authority), rather than waiting for it in vain again. The mark lasts 5 s, then one
   * question at a time asks it, the probe (as Unbound probes such a server); each probe that times
   * out marks it down for twice as long, up to 120 s (Unbound's infra-cache-max-rtt), and a reply
   * ends the mark. A zone's other servers are asked meanwhile, as ever.
   */
  public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(3);

  /**
   * 5 glueless look-ups per delegation (NXNSAttack): the NXNSAttack paper (Afek, Bremler-Barr,
   * Shafir, USENIX Security 2020) proposes MaxFetch(k), resolving only k of a referral's NS names
   * rather than all of them; a referral naming hundreds of glueless servers then costs k look-ups.
   * 5 is our choice of k, the same number as the failed-look-up cap below; PowerDNS Recursor
   * considers at most 13 NS names per delegation (max-ns-per-resolve), a looser bound. A look-up
   * the cache answers asks nobody and is not counted, here or below, as in Unbound. A delegation
   * read from the cache that reaches this limit, or whose names all fail, is asked of its parent
   * zone once more, whose referral and glue may work (Unbound's parent-side fallback).
   */
  public static final int MAX_GLUELESS_PER_DELEGATION = 5;

  /**
   * 5 failed look-ups per resolution: Unbound's answer to NXNSAttack (1.10.1, CVE-2020-12662)
   * stops a resolution once more than 5 name-server target look-ups came back NXDOMAIN
   * (MAX_TARGET_NX, iterator.h). We count every look-up that found no address, not only NXDOMAIN,
   * unless the cache answered it.
   */
  public static final int MAX_FAILED_GLUELESS = 5;

  /**
   * 32 signature verifications per resolution, its DS and DNSKEY look-ups included: Unbound's
   * {@code val-validation-attempts} default, its answer to KeyTrap (CVE-2023-50387), where a zone
   * full of colliding keys and signatures makes one answer cost millions of verifications. An
   * honest chain of 8 zones costs about 2 per zone (its DNSKEY and DS RRsets) and 1 per answer.
   */
  public static final int MAX_SIGNATURE_VERIFICATIONS = 32;

  /**
   * 4 DNSKEYs tried per RRSIG among those with its key tag and algorithm (KeyTrap,
   * CVE-2023-50387): the 16-bit key tag is not unique (RFC 4034 Appendix B), but an honest zone
   * seldom holds two keys with one tag, even during a roll-over, while an attacker's holds
   * hundreds; BIND tries no more after a key fails (max-validation-failures-per-fetch 1), 4 is looser.
   */
  public static final int MAX_KEYS_PER_SIGNATURE = 4;

  /**
   * 20 records of an NS RRset kept from a reply, the first received: Unbound's {@code iter-scrub-ns}
   * default. No zone needs more (the root has 13), and the name servers a reply names each cost
   * work (a look-up, a place in the server selection), so a server cannot make one reply cost
   * thousands.
   */
  public static final int MAX_NAME_SERVERS = 20;

  /**
   * 5 attempts per server address for one question while its exchanges fail (a lost datagram or
   * reply, a broken connection), the first included: Unbound's {@code outbound-msg-retry} default
   * (OUTBOUND_MSG_RETRY, iterator.h), the times it selects one address of a delegation point.
   */
  public static final int MAX_ATTEMPTS_PER_SERVER = 5;

  /**
   * 150 NSEC3 hash iterations: a denial proof over a chain with more is not checked, and the answer
   * is insecure rather than bogus. RFC 9276 §3.2 lets a validator treat any count above 0 so;
   * BIND 9 and Unbound (val-nsec3-keysize-iterations, 150 for every key size) draw the line at 150,
   * which every zone following RFC 9276 (0 iterations) stays far below. Hashing a long name with
   * many iterations was CVE-2023-50868.
   */
  public static final int MAX_NSEC3_ITERATIONS = 150;

  /* ---- the builder's settings (ResolverBuilder) ---- */

  /** DNS Flag Day 2020: 1232 octets avoids IP fragmentation on almost every path. */
  public static final int EDNS_PAYLOAD_SIZE = 1232;

  /** The Well-Known Prefix of NAT64 (RFC 6052 §2.1), Unbound's default {@code nat64-prefix}. */
  public static final String NAT64_PREFIX = "64:ff9b::/96";

  /** The DNS port. */
  public static final int UPSTREAM_PORT = 53;

  /** Chains longer than 8 hops are reported: real CDN chains reach 9, anything longer deserves a look. */
  public static final int LONG_CHAIN_THRESHOLD = 8;

  /** Two event loop threads: DNS exchanges are small; more threads only add contention here. */
  public static final int TRANSPORT_THREADS = 2;

  /** QNAME minimisation on, relaxed (RFC 9156 §3; Unbound, BIND and Knot Resolver have it on). */
  public static final boolean QNAME_MINIMISATION = true;

  /** Minimised questions ask for NS, as Knot Resolver does (RFC 9156 §2.1 weighs NS and A). */
  public static final int MINIMISED_QUESTION_TYPE = Type.NS;

  /** Prefetch off, as Unbound's {@code prefetch: no}: a refresh costs queries nobody asked for. */
  public static final boolean PREFETCH = false;

  /** 0x20 off, as Unbound's {@code use-caps-for-id: no}: some servers do not echo the case. */
  public static final boolean CASE_RANDOMIZATION = false;

  /**
   * NS sets beside answers dropped, as Unbound's {@code iter-scrub-promiscuous: yes} since 1.24.1:
   * an unsolicited NS set can take over a zone (CVE-2025-11411).
   */
  public static final boolean CACHE_ANSWER_NAME_SERVERS = false;

  /**
   * Glue for servers outside the delegated zone used as the referral gives it, as Unbound's
   * {@code harden-unverified-glue: no}: scrubbing already keeps only what the delegating zone may
   * speak for, and looking each such name up costs a query per referral.
   */
  public static final boolean VERIFY_GLUE = false;

  /** Servers are asked over IPv6 as well as IPv4: root and TLD servers all have both. */
  public static final boolean IPV6 = true;

  /** Traces off: a trace costs an event per cache hit and exchange. */
  public static final boolean RECORD_TRACE = false;

  /** Metrics and Flight Recorder events on: a counter costs a striped increment per event. */
  public static final boolean RECORD_METRICS = true;

  /* ---- fixed rules ---- */

  /**
   * 5 seconds: how long a question whose servers all failed (or a name-server look-up that ran
   * into a cyclic dependency) stays failed, asked of nobody meanwhile. RFC 9520 §3.2 says a
   * resolution failure is to be cached for at least 1 second; 5 is Unbound's ({@code NORR_TTL}),
   * long enough to spare a failing server a storm, short enough to notice its repair soon.
   */
  public static final Duration FAILURE_TTL = Duration.ofSeconds(5);

  /**
   * 60 seconds: how long a zone whose keys did not validate stays BOGUS before its keys are
   * fetched again, and a question answered BOGUS is answered so again without a walk, Unbound's
   * {@code val-bogus-ttl}: long enough that a broken zone does not cost a fetch per question,
   * short enough that a repaired one recovers quickly.
   */
  public static final Duration BOGUS_TTL = Duration.ofSeconds(60);

  /**
   * A cached entry is due for prefetch in the last 1/10 of its TTL, Unbound's share; the rule is
   * the cache's ({@link CacheLookup.Hit#prefetchDue()}).
   */
  public static final int PREFETCH_DUE_DIVISOR = CacheLookup.PREFETCH_DUE_DIVISOR;

  /* ---- the cache's, from resolver-cache (RRsetCacheBuilder) ---- */

  /** The cache's byte budget: {@link RRsetCacheBuilder#DEFAULT_MAXIMUM_BYTES}. */
  public static final long CACHE_MAXIMUM_BYTES = RRsetCacheBuilder.DEFAULT_MAXIMUM_BYTES;

  /** The cap on positive TTLs: {@link RRsetCacheBuilder#DEFAULT_MAX_TTL}. */
  public static final Duration MAX_TTL = RRsetCacheBuilder.DEFAULT_MAX_TTL;

  /** The cap on negative TTLs: {@link RRsetCacheBuilder#DEFAULT_MAX_NEGATIVE_TTL}. */
  public static final Duration MAX_NEGATIVE_TTL = RRsetCacheBuilder.DEFAULT_MAX_NEGATIVE_TTL;

  /** The floor for positive TTLs: {@link RRsetCacheBuilder#DEFAULT_MIN_TTL}. */
  public static final Duration MIN_TTL = RRsetCacheBuilder.DEFAULT_MIN_TTL;

  /** How long data is kept past its TTL once serve-stale is on: {@link RRsetCacheBuilder#DEFAULT_STALE_WINDOW}. */
  public static final Duration STALE_WINDOW = RRsetCacheBuilder.DEFAULT_STALE_WINDOW;

  /** The TTL of a stale answer: {@link RRsetCache#STALE_TTL}. */
  public static final Duration STALE_TTL = RRsetCache.STALE_TTL;

  /**
   * 1.8 seconds: how long a question whose data has expired waits for upstream before it is
   * answered from the stale data, once serve-stale is on: RFC 8767 §5's client response timer
   * ("1.8 seconds ... just under the common timeout of 2 seconds" of stub resolvers).
   */
  public static final Duration STALE_ANSWER_TIMEOUT = Duration.ofMillis(1800);
}
