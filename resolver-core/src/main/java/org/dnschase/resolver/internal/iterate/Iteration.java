package org.dnschase.resolver.internal.iterate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.internal.resolutions.Prefetcher;
import org.dnschase.resolver.internal.servers.ConfiguredZones;
import org.dnschase.resolver.internal.servers.Delegation;
import org.dnschase.resolver.internal.transport.DefaultTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The driver loop: runs a query's state handlers until it finishes. A handler that must wait
 * returns the future to wait for; the loop then returns and is re-entered when that completes,
 * so no thread ever blocks and nothing recurses on the Java stack.
 */
final class Iteration {

  private static final Logger log = LoggerFactory.getLogger(Iteration.class);
  /**
   * The MDC key under which every log line of one resolution carries the same id, that of the
   * question asked, its name-server look-ups' lines included (theirs is in the message).
   */
  static final String QUERY_ID = "dnschase.query";

  private final InitStep init;
  private final PrimeStep prime;
  private final QueryTargetsStep queryTargets;
  private final QueryResponseStep queryResponse;
  private final NameServerAddressStep nameServerAddress;
  private final ValidateStep validate;
  private final TrustChainStep trustChain;
  private final FinishStep finish;
  private final ServiceAliases serviceAliases;
  private final Prefetcher prefetcher;
  private final StaleFallback staleFallback;

  private final ResolverContext context;
  private final Primings primings = new Primings();

  Iteration(ResolverContext context) {
    this.context = context;
    this.prefetcher = new Prefetcher(context.config.prefetch(), context.cache, this::refresh, context.metrics);
    this.staleFallback = new StaleFallback(context, prefetcher::refreshExpired);
    this.init = new InitStep(context, prefetcher, staleFallback);
    this.prime = new PrimeStep(context);
    this.queryTargets = new QueryTargetsStep(context, prefetcher::refreshExpired);
    this.queryResponse = new QueryResponseStep(context, zone -> prefetcher.refreshExpired(zone, Type.DNSKEY));
    this.nameServerAddress = new NameServerAddressStep(context);
    this.validate = new ValidateStep(context, queryResponse);
    this.trustChain = new TrustChainStep(context);
    this.finish = new FinishStep(context);
    this.serviceAliases = new ServiceAliases(context);
  }

  /**
   * Runs {@code q}. A resolution that has to wait (a top-level one: look-ups share its deadline)
   * gets an alarm at its deadline, which completes it then as a TIMEOUT carrying the chain so far,
   * whatever its work is doing; the abandoned work stops at its next step. Before that, at the
   * stale answer timeout, another alarm answers it from stale data if the cache has some (RFC 8767
   * §4); its work goes on then, and what it finds lands in the cache.
   */
  CompletableFuture<Resolution> run(Query q) {
    // the finished work completes the answer itself, with no hand-off between them; the work's own
    // future tells the driver it ended, which the answer does not once an alarm completed it
    CompletableFuture<Resolution> answer = new CompletableFuture<>();
    CompletableFuture<Resolution> work = new CompletableFuture<>();
    advance(q, work, finished -> {
      Resolution resolution = finishRemembered(finished);
      answer.complete(resolution);
      return resolution;
    });
    if (q.depth() > 0 || work.isDone()) {
      return answer;
    }
    long remainingNanos = q.budget().remainingNanos();
    context.deadlines.arm(answer, remainingNanos, () -> timedOut(q, answer));
    long staleNanos = staleFallback.answerTimeoutNanos();
    if (staleNanos > 0 && staleNanos < remainingNanos && !q.isBackground()) {
      context.deadlines.arm(answer, staleNanos, () -> staleAtAnswerTimeout(q));
    }
    return answer;
  }

  /**
   * The resolution {@code q} ended with, remembered by the message cache (if any) before anyone
   * waiting for it can ask again.
   */
  private Resolution finishRemembered(Query q) {
    Resolution resolution = finish.resolution(q);
    context.rememberAnswer(resolution);
    return resolution;
  }

  /** The stale answer to {@code q} at the stale answer timeout, or null to go on waiting. */
  private Resolution staleAtAnswerTimeout(Query q) {
    StaleFallback.Along stale = staleFallback.atAnswerTimeout(q, q.chain().hops());
    return stale == null ? null : finish.resolution(q, stale.outcome(), stale.chain());
  }

  /**
   * What the deadline's timer completes {@code answer}, a resolution still at work, with (on the
   * timer's thread): once it is given, the exchange the work waits for is cancelled, freeing its
   * socket, and the work stops now rather than at that exchange's timeout.
   */
  private Resolution timedOut(Query q, CompletableFuture<Resolution> answer) {
    q.budget().abandon();
    List<Hop> chain = q.chain().hops();
    Name name = chain.isEmpty() ? q.qname() : chain.get(chain.size() - 1).target();
    Outcome.Failed failed = new Outcome.Failed(FailureReason.TIMEOUT, "deadline of " + q.budget().limits().deadline()
        + " passed while resolving " + name + " (" + q.state() + ")");
    StaleFallback.Along stale = staleFallback.atDeadline(q, chain, failed);
    Resolution resolution = finish.resolution(q, stale.outcome(), stale.chain());
    answer.complete(resolution);
    q.budget().cancelAwaited();
    return resolution;
  }

  /**
   * Runs {@code q}'s handlers until it finishes, then completes {@code done} with what {@code
   * ending} makes of it: the public resolution of a top-level query, the query itself for a child,
   * whose parent reads its outcome. The resolution's id is in the MDC meanwhile; what the thread
   * had there is put back.
   */
  private <T> void advance(Query q, CompletableFuture<T> done, Function<Query, T> ending) {
    String outer = MDC.get(QUERY_ID);
    MDC.put(QUERY_ID, Integer.toString(q.resolutionId()));
    try {
      step(q, done, ending);
    } finally {
      if (outer == null) {
        MDC.remove(QUERY_ID);
      } else {
        MDC.put(QUERY_ID, outer);
      }
    }
  }

  private <T> void step(Query q, CompletableFuture<T> done, Function<Query, T> ending) {
    while (!done.isDone()) {
      // a priming it went on beside and saw end is reported and counted as its work, on its own
      // thread (the priming may have ended on another loop's); until then as under way
      if (q.journal().beside() != null) {
        q.journal().takeInEnded(q::primingEnded);
      }
      if (log.isDebugEnabled()) {
        log.debug("q#{} {} {}", q.id(), q.state(), q.name());
      }
      if (q.state() == QueryState.FINISHED) {
        q.exchanges().stopListening();
        startPrimingLeft(q);
        done.complete(ending.apply(q));
        cacheLeft(q); // unless the completion did, right after the answer's hand-over
        if (q.answered()) {
          startAfterAnswer(q);
        }
        return;
      }
      // A resolution ended at its deadline: its look-ups stop here, whatever state they are in.
      Step step = q.budget().abandoned() && q.outcome() == null
          ? q.fail(FailureReason.TIMEOUT, "the resolution ended at its deadline") : handle(q);
      switch (step) {
        case Step.Next next -> q.moveTo(next.state());
        case Step.Await await -> {
          q.moveTo(await.resumeAt());
          startPrimingLeft(q);
          if (!await.reply().isDone()) {
            // taken in and run on in one stage, the reply's only one on its way to the next step
            BiConsumer<Message, Throwable> takeIn = (reply, error) -> {
              try {
                await.takeIn().accept(reply, error);
              } finally {
                advance(q, done, ending);
              }
            };
            Executor after = q.isBackground() ? afterReadyIo(q) : null;
            if (after == null) {
              await.reply().whenComplete(takeIn);
            } else {
              await.reply().whenCompleteAsync(takeIn, after);
            }
            return;
          }
          await.reply().whenComplete(await.takeIn()); // there already: taken in at once
        }
        case Step.Prime priming -> {
          q.moveTo(priming.resumeAt());
          if (!priming.waits()) {
            q.leavePriming(priming);
          } else {
            q.exchanges().stopListening();
            startPrimingLeft(q);
            if (waitsFor(primings.join(priming.zone(), () -> prime(q, priming)).ended(), q::primingEnded, q, done,
                ending)) {
              return;
            }
          }
        }
        case Step.Spawn spawn -> {
          q.exchanges().stopListening(); // the child's deadline cancels only what it waits for
          q.moveTo(spawn.resumeAt());
          startPrimingLeft(q);
          CompletableFuture<Query> child = new CompletableFuture<>();
          advance(q.child(context.nextQueryId(), spawn), child, Function.identity());
          if (waitsFor(child, q::childEnded, q, done, ending)) {
            return;
          }
        }
      }
    }
  }

  /**
   * Where a background query (a priming, a refresh) takes its reply in: on the event loop it runs
   * on, after the other sockets the loop found ready with that reply. One nobody waits for (the
   * root's priming beside the walk that started it, a refresh) does so once no reply is due on the
   * loop, before it sleeps ({@link DefaultTransport#unhurriedLoopTasks}): the root's priming reply,
   * which lands right after the walk's first referral, is taken in once the walk's answer has left
   * (a short walk's) rather than while the next zone's reply is due; only the queries after it read
   * what it caches (a walk that takes the root's servers from the hints meanwhile asks the servers
   * the priming asks). One that others wait for (a stub zone's priming) as a task of the loop. Null off
   * an event loop (the JDK's sockets, a transport of one's own that completes replies elsewhere):
   * taken in where the reply completes, as any other.
   */
  private Executor afterReadyIo(Query q) {
    return q.awaited() ? DefaultTransport.loopTasks(context.transport)
        : DefaultTransport.unhurriedLoopTasks(context.transport);
  }

  /**
   * Told that the user's question {@code q} has been answered: the work it left for after the
   * answer starts on the callback executor, from a task queued there after the answer's completion
   * or with it (an answer completed at once is queued there only once its future is returned), so
   * a caller running that executor in order sees its answer first.
   */
  void answered(Query q) {
    execute(() -> {
      q.afterAnswer().markAnswered();
      startAfterAnswer(q);
    });
  }

  /**
   * Runs the caching {@code q}'s last step left for after its answer ({@link #handle}), if it is
   * still left: the resolution's completion runs it right after the answer's hand-over, before the
   * resolution cache keeps the outcome, which reads it; the query's own thread runs it once it
   * finishes when the resolution was answered before (at its deadline). The answer has gone by
   * then, so a failure here can no longer change it: it is logged.
   */
  void cacheLeft(Query q) {
    Runnable caching = q.afterAnswer().takeCaching();
    if (caching == null) {
      return;
    }
    try {
      caching.run();
    } catch (RuntimeException e) {
      log.warn("q#{} caching after the answer failed on {}", q.id(), q.name(), e);
    }
  }

  /**
   * Starts the work {@code q} left for after its answer (refreshes of the data it was answered
   * from) on the callback executor.
   */
  private void startAfterAnswer(Query q) {
    q.afterAnswer().take().forEach(this::execute);
  }

  private void execute(Runnable work) {
    try {
      context.config.callbackExecutor().execute(work);
    } catch (RejectedExecutionException shutDown) {
      // the resolver is closing: a refresh has no one left to serve
    }
  }

  /**
   * Starts, or joins, the priming {@code q} goes on beside without waiting for it (the root's: it
   * asks the hinted servers itself), if one is left: right after the query's own first send, before
   * it waits for anything or ends. Sent first, the priming's query (and then its reply's step, its
   * reply arriving first) delayed the question's, which is all the resolution waits for.
   */
  private void startPrimingLeft(Query q) {
    Step.Prime left = q.takePrimingLeft();
    if (left == null || primedSince(left.zone())) {
      return;
    }
    Primings.Priming primed = primings.join(left.zone(), () -> prime(q, left));
    if (primed.ended().isDone()) {
      q.primingEnded(primed.ended().join());
    } else {
      q.journal().goOnBeside(primed);
    }
  }

  /**
   * Whether {@code zone}'s NS set is cached by now: a priming that another resolution started
   * after this one chose to prime has ended, and another would only ask for it again.
   */
  private boolean primedSince(Name zone) {
    return context.cache.lookup(zone, Type.NS, DClass.IN) instanceof CacheLookup.Hit;
  }

  /**
   * Tells {@code q} how {@code other} (its child, or a priming) ended, now if it has, and then
   * returns false: the loop goes on. Else returns true, and {@code q} is run on from where it
   * stands once {@code other} ends, after being told.
   */
  private <T> boolean waitsFor(CompletableFuture<Query> other, Consumer<Query> tell, Query q,
      CompletableFuture<T> done, Function<Query, T> ending) {
    if (other.isDone()) {
      tell.accept(other.join());
      return false;
    }
    other.thenAccept(ended -> {
      tell.accept(ended);
      advance(q, done, ending);
    });
    return true;
  }

  /**
   * A refresh of (name, type), a query of its own. That of data that has expired or is fetched
   * ahead of need (a null {@code leeway}) starts at INIT, which finds the closest zone cut,
   * configured or cached. A prefetch's starts at the closest zone cut that outlives the data it
   * replaces ({@link ConfiguredZones#refreshCut}), or at the root hints, instead of INIT, which
   * would answer it from the very entry it is to replace.
   */
  private CompletableFuture<Resolution> refresh(Name name, int type, Duration leeway) {
    Delegation cut = null;
    if (leeway != null) {
      cut = context.zones.refreshCut(context.cache, name, leeway.toSeconds());
      cut = cut != null ? cut : Delegation.fromHints(context.config.rootHints());
    }
    int id = context.nextQueryId();
    return run(Query.background(id, name, type,
        new Budget(context.config.budgets(), context.ticker), new Journal(false), cut, id));
  }

  /**
   * Starts the priming {@code priming} asks for, a query of its own: its NS set from its servers.
   * Its journal traces, whoever waits for it, so that a traced resolution can show it; its log
   * lines go under the id of {@code starter}'s resolution.
   */
  private Primings.Priming prime(Query starter, Step.Prime priming) {
    // No longer than the resolution that starts it has left: one started late would otherwise
    // keep that resolution waiting past its deadline for the priming's own.
    Duration left = Duration.ofNanos(Math.min(context.config.budgets().deadline().toNanos(),
        starter.budget().remainingNanos()));
    Query query = Query.priming(context.nextQueryId(), priming.zone(),
        new Budget(context.config.budgets().withDeadline(left), context.ticker), new Journal(true), priming.servers().get(),
        starter.resolutionId(), priming.waits());
    CompletableFuture<Query> primed = new CompletableFuture<>();
    advance(query, primed, Function.identity());
    return new Primings.Priming(query, primed);
  }

  private Step handle(Query q) {
    try {
      QueryState handled = q.state();
      if (!handled.mayFollowDeferredWork()) {
        q.afterSend().run();
      }
      Step step = switch (handled) {
        case INIT -> init.handle(q);
        case PRIME -> prime.handle(q);
        case QUERY_TARGETS -> queryTargets.handle(q);
        case QUERY_RESPONSE -> queryResponse.handle(q);
        case LAST_RESORT -> queryResponse.lastResort(q);
        case NAME_SERVER_ADDRESS -> nameServerAddress.handle(q);
        case VALIDATE -> validate.handle(q);
        case TRUST_CHAIN -> trustChain.handle(q);
        case SERVICE_ALIAS -> serviceAliases.handle(q);
        case SERVE_STALE -> staleFallback.handle(q);
        case FINISHED -> throw new IllegalStateException("FINISHED is terminal");
      };
      // Only the next query's send goes ahead of a reply's deferred work (AfterSend), and the answer
      // of a caller who takes it first, when finishing reads nothing that work writes: a step that
      // leads anywhere else has it done before the driver moves on.
      if (step instanceof Step.Next next && next.state() == QueryState.FINISHED && q.afterAnswer().handedOverFirst()
          && !finish.readsCache(q) && context.messages == null) {
        q.afterAnswer().leaveCaching(q.afterSend().take());
      } else if (!(step instanceof Step.Next next && handled.defersInto(next.state()))) {
        q.afterSend().run();
      }
      return step;
    } catch (RuntimeException e) {
      log.warn("q#{} {} failed on {}", q.id(), q.state(), q.name(), e);
      return q.fail(FailureReason.INTERNAL_ERROR, q.state() + ": " + e);
    }
  }
}
