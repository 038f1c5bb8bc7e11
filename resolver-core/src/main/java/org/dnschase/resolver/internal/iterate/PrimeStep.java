package org.dnschase.resolver.internal.iterate;

import java.util.function.Supplier;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.internal.servers.Delegation;
import org.dnschase.resolver.internal.servers.ZoneCuts;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * {@link QueryState#PRIME}: asks the root hints for the root NS set (RFC 9609), once for all the
 * queries that need it at the same time; the answer and its addresses land in the cache like any
 * other answer. The query does not wait for it: it asks the hinted servers, the very servers the
 * priming asks, at once, and the priming's query goes out right after the query's own (the driver
 * starts it then: see {@link Iteration}); the queries after it walk from what the priming brought.
 * If priming fails they go on with the bare hints.
 */
final class PrimeStep {

  private final ResolverContext context;
  private final StubPriming stubs;
  /**
   * The root hints as the priming's servers, built when it starts: after the query's own first
   * query, which asks servers of its own built from the same hints (a delegation is one walk's).
   */
  private final Supplier<Delegation> hints;

  PrimeStep(ResolverContext context) {
    this.context = context;
    this.stubs = new StubPriming(context);
    this.hints = this::fromHints;
  }

  Step handle(Query q) {
    if (q.options().cacheOnly()) { // priming would ask the root's (or a stub zone's) servers
      return q.failNotCached(q.delegation() != null ? q.delegation().zone() : Name.root);
    }
    if (q.delegation() != null && q.delegation().toPrime()) {
      return stubs.handle(q);
    }
    // RFC 9609 §3: prime again when the root NS RRset expires; while it lives (even without an
    // address for its servers, which sends every query here) the hints serve (Deckard iter_nottl).
    // Nothing there holds the other queries back until the priming's answer: waiting for it would
    // put a round trip more in sequence before every resolution after a start or a flush.
    if (!q.primeAttempted() && !(context.cache.lookup(Name.root, Type.NS, DClass.IN) instanceof CacheLookup.Hit)) {
      // the root's NS set was just found missing: the walk starts from the hints at once, without
      // looking for it again
      return q.primeBeside(Name.root, hints, fromHints());
    }
    Delegation root = ZoneCuts.closest(context.cache, context.grants, Name.root);
    return q.walkFrom(root != null ? root : fromHints());
  }

  private Delegation fromHints() {
    return Delegation.fromHints(context.config.rootHints());
  }
}
