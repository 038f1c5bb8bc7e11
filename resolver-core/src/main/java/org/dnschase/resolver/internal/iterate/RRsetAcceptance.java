package org.dnschase.resolver.internal.iterate;

import java.util.List;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.cache.ValidationStatus;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;

/**
 * How an RRset of a reply is taken into a query: as the reply's validation lets it be used, its
 * verdict into the chain's, and into the cache at the rank its reply gives it (RFC 2181 §5.4.1).
 * Shared by the reply's own step and the chase through it.
 */
final class RRsetAcceptance {

  private RRsetAcceptance() {
  }

  /** {@code rrset} of the reply as it may be used: see {@link ReplyValidation#used}. */
  static RRset used(ResolverContext context, ReplyValidation validation, RRset rrset) {
    return validation == null ? rrset : validation.used(rrset, context.now());
  }

  /**
   * Uses {@code rrset} of the reply: takes its verdict into the chain's and caches it with that
   * verdict (INDETERMINATE where the resolver does not validate); data found BOGUS is never cached,
   * and ends the query unless checking is disabled, when this returns the failure; else null.
   */
  static Step accept(ResolverContext context, Query q, RRset rrset, TrustRank rank, ReplyValidation validation) {
    return accept(context, q, rrset, List.of(), rank, validation);
  }

  /**
   * {@link #accept} for the final data, cached with the proof of its wildcard expansion, if any;
   * cached as the step ends ({@link AfterSend}), or once the answer is handed over when nothing
   * before that reads it (see {@link Iteration}).
   */
  static Step accept(ResolverContext context, Query q, Outcome.Data data, TrustRank rank, ReplyValidation validation) {
    return accept(context, q, data.rrset(), data.proof(), rank, validation, true);
  }

  /** {@link #accept}, cached with {@code proof}, the records that prove its wildcard expansion. */
  static Step accept(ResolverContext context, Query q, RRset rrset, List<Record> proof, TrustRank rank,
      ReplyValidation validation) {
    return accept(context, q, rrset, proof, rank, validation, false);
  }

  /**
   * {@link #accept}, its caching kept for after the next query's send ({@link AfterSend}) when
   * {@code afterSend}: the verdict is taken now, as it may end the query.
   */
  static Step accept(ResolverContext context, Query q, RRset rrset, List<Record> proof, TrustRank rank,
      ReplyValidation validation, boolean afterSend) {
    Verdict verdict = validation == null ? Verdict.INDETERMINATE : validation.of(rrset);
    Step bogus = q.useVerdict(verdict);
    if (bogus == null && !verdict.isBogus() && context.zones.cached(rrset.getName())) {
      ValidationStatus status = verdict.cached();
      if (afterSend) {
        q.afterSend().defer(() -> context.cache.put(rrset, rank, status, proof));
      } else {
        context.cache.put(rrset, rank, status, proof);
      }
    }
    return bogus;
  }

  /** The rank an answer of {@code reply} is cached at: an authoritative answer's, or a non-authoritative one's. */
  static TrustRank answerRank(ScrubbedReply reply) {
    return reply.authoritative() ? TrustRank.AUTHORITATIVE_ANSWER : TrustRank.NON_AUTHORITATIVE_ANSWER;
  }
}
