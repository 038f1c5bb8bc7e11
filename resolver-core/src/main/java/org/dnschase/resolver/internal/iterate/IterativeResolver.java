package org.dnschase.resolver.internal.iterate;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.cache.CacheStats;
import org.dnschase.resolver.host.AddressOrder;
import org.dnschase.resolver.host.HostAddresses;
import org.dnschase.resolver.internal.host.AddressLookup;
import org.dnschase.resolver.internal.host.PolledHostsFile;
import org.dnschase.resolver.internal.ResolverConfig;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.dnschase.resolver.internal.resolutions.AskedSpelling;
import org.dnschase.resolver.internal.resolutions.ResolutionCache;
import org.dnschase.resolver.internal.servers.ServerSelector;
import org.dnschase.resolver.internal.transport.DefaultTransport;
import org.dnschase.resolver.internal.transport.loops.SpinWindows;
import org.dnschase.resolver.metrics.MetricsSnapshot;
import org.dnschase.resolver.spi.Transport;
import org.xbill.DNS.Name;

/** The {@link Resolver} built by the builder: validates questions and runs each as a query. */
public final class IterativeResolver implements Resolver {

  private final ResolverContext context;
  private final Iteration iteration;
  private final boolean ownsTransport;
  private final SpecialUseAnswers specialUse;
  private final ResolutionCache resolutions;
  private final AddressLookup hostLookups;
  private final ResolverMetrics metrics;
  /** Resolutions in flight by question: concurrent identical questions share one (coalescing). */
  private final Map<Question, CompletableFuture<Resolution>> inFlight = new ConcurrentHashMap<>();
  /** Run by the cache's invalidateAll, whoever calls it: what was learnt beside the cache goes too. */
  private final Runnable forgetAll;
  private volatile boolean closed;
  /** The bound on resolutions under way; null when there is none. */
  private final ResolutionSlots slots;
  /**
   * Whether the callback executor runs what it is given on the thread that gives it (the server's
   * {@code Runnable::run}): an asynchronous caller's callbacks then run on the thread that ends the
   * resolution, and are handed the outcome before the resolution cache keeps it (see {@link #iterate}).
   */
  private final boolean inlineCallbacks;

  public IterativeResolver(ResolverConfig config) {
    // Read first: a hosts file that fails the build must fail it before sockets are opened.
    PolledHostsFile hosts = config.hostsFile() != null ? new PolledHostsFile(config.hostsFile(), config.ticker()) : null;
    this.ownsTransport = config.transport() == null;
    this.metrics = config.recordMetrics() ? ResolverMetrics.recording(config.ticker()) : ResolverMetrics.disabled();
    ServerSelector selector = new ServerSelector(config.cache().maximumBytes() / ServerSelector.BUDGET_SHARE);
    Transport transport = ownsTransport ? new DefaultTransport(config.transportThreads(), config.caseRandomization(),
        metrics, server -> selector.spinWindowNanos(server, SpinWindows.CAP_NANOS), config.budgets().deadline())
        : config.transport();
    this.context = new ResolverContext(config, transport, selector, metrics);
    this.iteration = new Iteration(context);
    this.slots = config.maxResolutionsInFlight() == 0 ? null
        : new ResolutionSlots(config.maxResolutionsInFlight(), config.jostleAfter().toNanos());
    this.specialUse = new SpecialUseAnswers(config);
    this.resolutions = new ResolutionCache(config.cache(), config.prefetch(), config.longChainThreshold(), metrics);
    this.forgetAll = () -> {
      resolutions.invalidateAll();
      context.invalidateStores();
    };
    this.hostLookups = new AddressLookup(this::resolveAsync, hosts, config.searchList(),
        context.validating() ? Security.INSECURE : Security.INDETERMINATE);
    config.cache().addInvalidationListener(forgetAll);
    this.inlineCallbacks = runsInline(config.callbackExecutor());
    context.deadlines.start();
  }

  /** Whether {@code executor} ran a task given to it on the thread that gave it, before returning. */
  private static boolean runsInline(Executor executor) {
    Thread giver = Thread.currentThread();
    boolean[] ranHere = new boolean[1];
    try {
      executor.execute(() -> ranHere[0] = Thread.currentThread() == giver);
    } catch (RejectedExecutionException shutDown) {
      return false;
    }
    return ranHere[0];
  }

  @Override
  public CompletableFuture<HostAddresses> resolveAddressesAsync(String name, AddressOrder order) {
    return hostLookups.lookup(name, order);
  }

  @Override
  public CompletableFuture<HostAddresses> resolveAddressesAsync(Name name, AddressOrder order) {
    return hostLookups.lookup(name, order);
  }

  @Override
  public CompletableFuture<Resolution> resolveReverseAsync(InetAddress address) {
    return hostLookups.reverse(address);
  }

  @Override
  public CompletableFuture<Resolution> resolveAsync(String name, int type, QueryOptions options) {
    Name parsed = Questions.parse(name, type);
    Objects.requireNonNull(options, "options");
    return hostLookups.searches() ? hostLookups.searched(name, candidate -> resolveAsync(candidate, type, options))
        : resolveAsync(parsed, type, options);
  }

  @Override
  public Resolution resolve(String name, int type, QueryOptions options) {
    Name parsed = Questions.parse(name, type);
    Objects.requireNonNull(options, "options");
    return hostLookups.searches() ? resolveAsync(name, type, options).join() : resolve(parsed, type, options);
  }

  /** Without a future when no iteration is needed: a warm chain is answered on the caller's thread. */
  @Override
  public Resolution resolve(Name name, int type, QueryOptions options) {
    Questions.check(name, type);
    Objects.requireNonNull(options, "options");
    Resolution now = answerAtOnce(name, type, options);
    return now != null ? now : iterate(name, type, options, false).join();
  }

  @Override
  public CompletableFuture<Resolution> resolveAsync(Name name, int type, QueryOptions options) {
    Questions.check(name, type);
    Objects.requireNonNull(options, "options");
    Resolution now = answerAtOnce(name, type, options);
    if (now != null) {
      return CompletableFuture.completedFuture(now);
    }
    // callbacks that run inline need no hand-off, and take the outcome before the cache keeps it
    return inlineCallbacks ? iterate(name, type, options, true) : offTransport(iterate(name, type, options, false));
  }

  /**
   * The outcome, completed on the callback executor: a caller's callbacks must never run on (and
   * so never block) the event loop that the replies they may wait for arrive on.
   */
  private CompletableFuture<Resolution> offTransport(CompletableFuture<Resolution> outcome) {
    CompletableFuture<Resolution> result = new CompletableFuture<>();
    outcome.whenComplete((resolution, error) -> {
      Runnable complete = () -> {
        if (error != null) {
          result.completeExceptionally(error);
        } else {
          result.complete(resolution);
        }
      };
      try {
        context.config.callbackExecutor().execute(complete);
      } catch (RejectedExecutionException shutDown) {
        complete.run(); // better here than never
      }
    });
    return result;
  }

  /** Whether a question with {@code options} records its trace, this resolver's default applied. */
  private boolean tracing(QueryOptions options) {
    return options.trace() == QueryOptions.Trace.RESOLVER_DEFAULT ? context.config.recordTrace()
        : options.trace() == QueryOptions.Trace.ON;
  }

  /**
   * The outcomes of a checked question that need no iteration: a resolution-cache hit, a BOGUS
   * answer given a moment ago (to a question that wants checking), a special-use name's, a closed
   * resolver's. Null when the question must be iterated. The
   * resolution cache goes first because the special-use names cost a look-up per label, and it
   * only holds iterated outcomes, so never a special-use name's. Each outcome is counted where it
   * is found: a hit by the resolution cache, the others here.
   */
  private Resolution answerAtOnce(Name name, int type, QueryOptions options) {
    Resolution whole = closed || context.messages != null && !context.messages.remembers(name, type) ? null
        : resolutions.lookup(name, type, tracing(options));
    if (whole != null) {
      return whole;
    }
    Resolution bogus = closed || context.bogusAnswers == null || options.checkingDisabled() ? null
        : context.bogusAnswers.recent(name, type);
    if (bogus != null) {
      return metrics.answered(AskedSpelling.of(bogus, name), false);
    }
    Optional<Resolution> local = specialUse.answer(name, type);
    if (local.isPresent()) {
      return metrics.answered(local.get(), false);
    }
    return closed ? metrics.answered(closedFailure(name, type), false) : null;
  }

  /**
   * Coalesces with an identical question in flight, or iterates, then keeps the outcome. The
   * outcome is handed over once the resolution cache keeps it, so that whoever saw it and asks again
   * finds it there; or, {@code beforeKept}, to this iteration's caller first, whose callbacks run on
   * this thread (the server's answer goes out) before the store, which decides nothing of this
   * answer, and before the caching of the last reply, when finishing reads nothing of it ({@link
   * Iteration#cacheLeft}). The question stays in flight until both are done: asked again from those
   * callbacks, or from a thread they woke, it joins this iteration rather than starting one that
   * would ask again for what the last reply brought; and its removal (a look-up and a write in a
   * shared map) waits with them until the answer has gone. Those who joined it get it once kept.
   */
  private CompletableFuture<Resolution> iterate(Name name, int type, QueryOptions options, boolean beforeKept) {
    Question question = new Question(name, type, options);
    CompletableFuture<Resolution> flight = new CompletableFuture<>();
    CompletableFuture<Resolution> shared = inFlight.putIfAbsent(question, flight);
    if (shared != null) {
      // The key ignores case: a caller who spelt the name otherwise gets the outcome in its spelling.
      return shared.thenApply(resolution -> metrics.answered(AskedSpelling.of(resolution, name), true));
    }
    CompletableFuture<Resolution> first = beforeKept ? new CompletableFuture<>() : null;
    ResolverMetrics.Flight metered = metrics.resolutionStarted();
    ResolutionSlots.Admission admission = slots == null ? null : slots.admit(context.ticker.read());
    // Without a slot, the cache alone may answer: no upstream work is started.
    boolean refused = admission != null && admission.slot() == null && !options.cacheOnly();
    Query query = new Query(context.nextQueryId(), name, type, refused ? options.withCacheOnly(true) : options,
        new Budget(context.config.budgets(), context.ticker), new Journal(tracing(options)));
    if (first != null) {
      query.afterAnswer().handOverFirst();
    }
    CompletableFuture<Resolution> run = iteration.run(query);
    if (admission != null && admission.slot() != null) {
      admission.slot().onJostledOut(() -> {
        query.budget().abandon();
        run.complete(overloaded(name, type, "pushed out of its slot by a newer question after "
            + (context.ticker.read() - admission.slot().takenAtNanos()) / 1_000_000 + " ms"));
        query.budget().cancelAwaited(); // its exchange's socket is freed now, not at its timeout
      });
    }
    if (admission != null && admission.jostledOut() != null) {
      admission.jostledOut().jostleOut();
    }
    run.whenComplete((resolution, error) -> {
      if (admission != null && admission.slot() != null) {
        slots.release(admission.slot());
      }
      if (resolution != null) {
        if (first == null) {
          resolutions.store(resolution);
        }
        if (context.bogusAnswers != null && !options.checkingDisabled()) {
          context.bogusAnswers.remember(resolution);
        }
      }
      Resolution outcome = resolution != null ? resolution : new Resolution.Failure(name, type,
          FailureReason.INTERNAL_ERROR, String.valueOf(error), List.of(), null, List.of(), List.of(), 0,
              Security.INDETERMINATE, null, List.of());
      if (refused && outcome instanceof Resolution.Failure failure && failure.reason() == FailureReason.NOT_CACHED) {
        outcome = overloaded(name, type, "not in the cache, and no slot was free to resolve it");
      }
      if (first != null) {
        metered.handedOver();
        first.complete(outcome); // the caller's callbacks run here: the server's answer goes out
        metered.finished(outcome);
        iteration.cacheLeft(query); // the last reply's caching, which the store reads
        if (resolution != null) {
          resolutions.store(resolution);
        }
      } else {
        metered.finished(outcome);
      }
      inFlight.remove(question, flight);
      flight.complete(outcome);
      iteration.answered(query);
    });
    // Each caller gets its own future, so one caller cancelling cannot cancel the others.
    return first != null ? first : flight.copy();
  }

  /** The failure of a question the bound on resolutions under way turned away, or pushed out. */
  private Resolution overloaded(Name name, int type, String why) {
    return new Resolution.Failure(name, type, FailureReason.OVERLOADED, "overloaded: " + why + " ("
        + context.config.maxResolutionsInFlight() + " resolutions under way at most)", List.of(), null, List.of(),
        List.of(), 0, Security.INDETERMINATE, null, List.of());
  }

  @Override
  public CacheStats cacheStats() {
    return metrics.withResolutionCacheHits(context.cache.stats()).withPrefetches(metrics.prefetches());
  }

  @Override
  public MetricsSnapshot metrics() {
    return metrics.snapshot(context.cache.stats(), resolutions.entries(), resolutions.estimatedBytes());
  }

  @Override
  public void invalidateAll() {
    context.cache.invalidateAll();
  }

  @Override
  public void invalidate(Name name) {
    context.cache.invalidate(name);
  }

  @Override
  public void invalidateNegative() {
    context.cache.invalidateNegative();
  }

  @Override
  public void close() {
    closed = true;
    context.cache.removeInvalidationListener(forgetAll);
    inFlight.forEach((question, flight) -> flight.complete(closedFailure(question.name(), question.type())));
    context.deadlines.close();
    if (ownsTransport) {
      context.transport.close();
    }
  }

  private static Resolution closedFailure(Name name, int type) {
    return new Resolution.Failure(name, type, FailureReason.CLOSED,
        "the resolver was closed", List.of(), null, List.of(), List.of(), 0, Security.INDETERMINATE, null,
        List.of());
  }

  /**
   * A question as the coalescing key; dnsjava names compare and hash case-insensitively. The
   * options are part of it: a cache-only question must not wait for one that goes upstream, nor a
   * traced one share an untraced outcome. Its equals and hashCode are written out: a record's
   * generated ones are bootstrapped at their first call, which a fresh JVM's first look-up would
   * pay for.
   */
  private record Question(Name name, int type, QueryOptions options) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Question that && type == that.type && name.equals(that.name)
          && options.equals(that.options);
    }

    @Override
    public int hashCode() {
      return (31 * name.hashCode() + type) * 31 + options.hashCode();
    }
  }
}
