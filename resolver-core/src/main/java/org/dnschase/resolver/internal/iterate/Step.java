package org.dnschase.resolver.internal.iterate;

import java.util.concurrent.CompletableFuture;

/** What a state handler asks the driver to do next; a handler never blocks. */
sealed interface Step {

  /** Go on at once in {@code state}. */
  record Next(QueryState state) implements Step {}

  /** Wait for {@code pending}, then go on in {@code resumeAt}; the handler stored what it needs in the query. */
  record Await(CompletableFuture<?> pending, QueryState resumeAt) implements Step {}
}
