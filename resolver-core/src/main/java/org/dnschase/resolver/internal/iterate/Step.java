package org.dnschase.resolver.internal.iterate;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.dnschase.resolver.internal.servers.Delegation;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/** What a state handler asks the driver to do next; a handler never blocks. */
sealed interface Step {

  /** Go on at once in {@code state}. */
  record Next(QueryState state) implements Step {}

  /**
   * Wait for {@code reply}, the reply to an upstream query, hand it (or how the exchange failed) to
   * {@code takeIn}, then go on in {@code resumeAt}: the driver does both in the one stage that
   * follows the reply, on the thread that read it.
   */
  record Await(CompletableFuture<Message> reply, BiConsumer<Message, Throwable> takeIn, QueryState resumeAt)
      implements Step {}

  /**
   * Start the priming of {@code zone}, its NS set asked of the servers {@code servers} gives, then go on in
   * {@code resumeAt}: once it ended when {@code waits}, else at once (the priming's answer lands in
   * the cache for the queries after). The driver runs one priming per zone at a time, shared by
   * every query that needs it: a query of its own, with its own budget and journal, so that no
   * resolution's limits, deadline or abandonment cut it short for the others. Each query that saw
   * it end reports it ({@link Query#primingEnded}). The servers are read only when the priming
   * starts: one under way is joined without them, and the root's, which a query goes on beside, is
   * started only once that query's own first query has left.
   */
  record Prime(Name zone, Supplier<Delegation> servers, QueryState resumeAt, boolean waits) implements Step {}

  /**
   * Ask the child question ({@code name}, {@code type}), then go on in {@code resumeAt}, where
   * {@link Query#childOutcome()} holds how the child ended. The driver runs the child, which
   * shares the query's budget and journal; the handler never holds the driver.
   *
   * @param forZone the zone whose name server the child looks up (so that a look-up needing
   *     itself is seen as a cycle), or null when the child is no name-server look-up
   */
  record Spawn(Name name, int type, Name forZone, QueryState resumeAt) implements Step {}
}
