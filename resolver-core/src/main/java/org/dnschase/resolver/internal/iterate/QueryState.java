package org.dnschase.resolver.internal.iterate;

import org.dnschase.resolver.internal.reply.ResponseClassifier;

/**
 * The states of one query, the table of contents of the iterator (after Unbound's
 * {@code iter_state}). Each state has one handler, {@code <State>Step}.
 */
enum QueryState {
  /**
   * Entered at the start and after every CNAME hop that needs a new walk. Answers from the cache
   * if it can (data, a negative entry, or a cached CNAME that is one more hop), else finds the
   * closest zone cut, configured ({@link ConfiguredZones}) or cached, and goes to {@link
   * #QUERY_TARGETS}, or to {@link #PRIME} when not even the root is known.
   */
  INIT,
  /**
   * Entered from {@link #INIT} when the cache holds no root delegation: asks the hints for the
   * root NS set once (shared by concurrent queries), then goes back to {@link #INIT}, or straight
   * to {@link #QUERY_TARGETS} with the bare hints when priming failed. Also entered with a stub
   * zone configured to be primed ({@link StubPriming}): asks its servers for its NS set, then goes
   * to {@link #QUERY_TARGETS} with the servers that set names.
   */
  PRIME,
  /**
   * Entered with a delegation to ask: picks the best untried server by smoothed RTT and sends the
   * query, or first resolves a name server's address (a glueless delegation) as a child query.
   * Fails when every server of the zone has failed.
   */
  QUERY_TARGETS,
  /**
   * Entered when the look-up of a name server's address (a child query) ended: adds what it
   * found to the delegation and goes back to {@link #QUERY_TARGETS}, or first looks up the AAAA
   * of a name server that has no A record, when IPv6 is on.
   */
  NAME_SERVER_ADDRESS,
  /**
   * Entered when a reply (or a timeout) arrives: scrubs it to the zone's bailiwick, classifies
   * it once, caches what it proves and moves on: to {@link #FINISHED} with an answer or negative
   * answer, to {@link #QUERY_TARGETS} after a referral, a lame server or a reply kept as the
   * zone's last resort, to {@link #INIT} after a CNAME that leaves the reply.
   */
  QUERY_RESPONSE,
  /**
   * Entered from {@link #QUERY_TARGETS} when every server of the zone is used up and one of them
   * gave a reply kept as the zone's last resort (an empty NOERROR, or a recursive server's answer
   * from its cache; {@link ResponseClassifier#onlyAsLastResort}): goes on with that reply as
   * {@link #QUERY_RESPONSE} would have.
   */
  LAST_RESORT,
  /**
   * Entered from {@link #QUERY_RESPONSE} when the resolver validates (DNSSEC) and the reply is an
   * answer, an alias or a negative answer: checks its RRsets' signatures with the keys of the zone
   * that signed them before any of them joins the chain or the cache, then goes on as {@link
   * #QUERY_RESPONSE} would have. When a zone's keys are not known yet, fetches the next DS or
   * DNSKEY RRset of the chain of trust as a child query and resumes at {@link #TRUST_CHAIN}.
   */
  VALIDATE,
  /**
   * Entered when the DS or DNSKEY look-up of a chain of trust ended: records what it proved of
   * that zone's keys and goes back to {@link #VALIDATE}.
   */
  TRUST_CHAIN,
  /**
   * Entered when a query of HTTPS or SVCB ended with data: an AliasMode record (RFC 9460 §2.4.2)
   * is followed as a hop, back to {@link #INIT} at its target; other data is final.
   */
  SERVICE_ALIAS,
  /**
   * Entered when a query ended with a failure: a user's resolution that got no answer upstream
   * ends with the data the cache kept past its TTL, if any (RFC 8767); else the failure is final.
   */
  SERVE_STALE,
  /** Terminal: the outcome is final and the resolution is built from the query; no handler runs. */
  FINISHED;

  /**
   * Whether a reply's work kept for after the next query's send ({@link AfterSend}) may still be
   * waiting when this state's handler runs: {@link #QUERY_TARGETS}, which sends that query, and
   * {@link #INIT}, entered so only at an alias's target (see {@link #defersInto}).
   */
  boolean mayFollowDeferredWork() {
    return this == QUERY_TARGETS || this == INIT;
  }

  /**
   * Whether a step of this state that leads to {@code next} leaves the work kept for after the
   * next query's send waiting: into {@link #QUERY_TARGETS}, and from a reply into {@link #INIT} at
   * the target of the alias it followed, whose look-ups read the target and its ancestors only.
   */
  boolean defersInto(QueryState next) {
    return next == QUERY_TARGETS || (this == QUERY_RESPONSE && next == INIT);
  }
}
