package org.dnschase.resolver.internal.iterate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.reply.ResponseType;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * What DNSSEC validation keeps for one query: whether its replies are validated at all, the reply
 * being validated between QUERY_RESPONSE and the step that reads it, the weakest verdict over the
 * data used so far, the proofs of its wildcard-expanded hops, and the key look-ups started for it. One per query, never shared with its
 * child queries, whose verdicts come back through {@link ChildOutcome}.
 */
final class QueryValidation {

  /** Whether its replies are validated when the resolver validates: all but a priming's. */
  private final boolean enabled;
  private ReplyValidation pending;
  /** Volatile, as the deadline's timer reads it. */
  private volatile Verdict verdict = Verdict.SECURE;
  private int keyFetches;
  /** The names a DS look-up of this query proved to be no zone cut; rarely more than one or two. */
  private final Set<Name> notCuts = new HashSet<>(2);
  /** The proofs of the chain's wildcard-expanded hops, in order; replaced whole, as the deadline's timer reads it. */
  private volatile List<Record> hopProofs = List.of();

  QueryValidation(boolean enabled) {
    this.enabled = enabled;
  }

  /** Whether the query's replies are validated when the resolver validates (a priming's are not). */
  boolean enabled() {
    return enabled;
  }

  /** The reply being validated; null outside VALIDATE and TRUST_CHAIN. */
  ReplyValidation pending() {
    return pending;
  }

  /** The weakest verdict over the data used so far: the chain's, once the query ended. */
  Verdict verdict() {
    return verdict;
  }

  /** Takes {@code used} into the chain's verdict: the chain is as strong as its weakest part. */
  void note(Verdict used) {
    verdict = verdict.weakest(used);
  }

  /**
   * Keeps the NSEC or NSEC3 records that prove a hop of the chain was rightly expanded from a
   * wildcard (RFC 4035 §3.1.3.3), for the answer's proof; nothing for a hop that was not.
   */
  void noteHopProof(List<Record> proof) {
    if (!proof.isEmpty()) {
      List<Record> all = new ArrayList<>(hopProofs);
      all.addAll(proof);
      hopProofs = List.copyOf(all);
    }
  }

  /** The proofs of the chain's wildcard-expanded hops, in order. */
  List<Record> hopProofs() {
    return hopProofs;
  }

  /** Counts one more DS or DNSKEY look-up; returns how many were started. */
  int countKeyFetch() {
    return ++keyFetches;
  }

  /** Notes that {@code name} is proven to be no zone cut: its DS look-up denied the DS and an NS there. */
  void noteNotCut(Name name) {
    notCuts.add(name);
  }

  /** Whether a DS look-up of this query proved {@code name} to be no zone cut. */
  boolean notCut(Name name) {
    return notCuts.contains(name);
  }

  /** Holds {@code reply}, classified as {@code type}, until it is validated. */
  void start(ScrubbedReply reply, ResponseType type) {
    pending = new ReplyValidation(reply, type);
  }

  /** The reply that was validated, handed over once: what was found is in its verdicts. */
  ReplyValidation take() {
    ReplyValidation done = pending;
    pending = null;
    return done;
  }
}
