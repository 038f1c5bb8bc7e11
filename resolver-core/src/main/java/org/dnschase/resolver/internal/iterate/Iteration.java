package org.dnschase.resolver.internal.iterate;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver loop: runs a query's state handlers until it finishes. A handler that must wait
 * returns the future to wait for; the loop then returns and is re-entered when that completes,
 * so no thread ever blocks and nothing recurses on the Java stack.
 */
final class Iteration {

  private static final Logger log = LoggerFactory.getLogger(Iteration.class);

  private final InitStep init;
  private final PrimeStep prime;
  private final QueryTargetsStep queryTargets;
  private final QueryResponseStep queryResponse;
  private final FinishStep finish;
  private final ServiceAliases serviceAliases;
  private final Prefetcher prefetcher;
  private final StaleFallback staleFallback;

  Iteration(ResolverContext context) {
    this.prefetcher = new Prefetcher(context, this);
    this.staleFallback = new StaleFallback(context.cache);
    this.init = new InitStep(context, prefetcher);
    this.prime = new PrimeStep(context, this);
    this.queryTargets = new QueryTargetsStep(context, this);
    this.queryResponse = new QueryResponseStep(context);
    this.finish = new FinishStep(context);
    this.serviceAliases = new ServiceAliases(context);
  }

  CompletableFuture<Resolution> run(Query q) {
    CompletableFuture<Resolution> done = new CompletableFuture<>();
    advance(q, done);
    return done;
  }

  private void advance(Query q, CompletableFuture<Resolution> done) {
    while (!done.isDone()) {
      if (log.isDebugEnabled()) {
        log.debug("q#{} {} {}", q.id, q.state, q.name);
      }
      if (q.state == QueryState.FINISHED) {
        Optional<Step> alias = serviceAliases.follow(q);
        if (alias.isEmpty()) {
          staleFallback.apply(q);
          done.complete(finish.resolution(q));
          return;
        }
        q.state = ((Step.Next) alias.get()).state();
        continue;
      }
      switch (handle(q)) {
        case Step.Next next -> q.state = next.state();
        case Step.Await await -> {
          q.state = await.resumeAt();
          if (!await.pending().isDone()) {
            await.pending().whenComplete((ignored, error) -> advance(q, done));
            return;
          }
        }
      }
    }
  }

  /** How many background refreshes prefetch has started. */
  long prefetches() {
    return prefetcher.started();
  }

  private Step handle(Query q) {
    try {
      return switch (q.state) {
        case INIT -> init.handle(q);
        case PRIME -> prime.handle(q);
        case QUERY_TARGETS -> queryTargets.handle(q);
        case QUERY_RESPONSE -> queryResponse.handle(q);
        case FINISHED -> throw new IllegalStateException("FINISHED is handled by the loop");
      };
    } catch (RuntimeException e) {
      log.warn("q#{} {} failed on {}", q.id, q.state, q.name, e);
      return q.fail(FailureReason.INTERNAL_ERROR, q.state + ": " + e);
    }
  }
}
