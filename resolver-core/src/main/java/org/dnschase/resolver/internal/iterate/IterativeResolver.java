package org.dnschase.resolver.internal.iterate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Transport;
import org.dnschase.resolver.cache.CacheStats;
import org.dnschase.resolver.internal.ResolverConfig;
import org.dnschase.resolver.internal.transport.NettyTransport;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** The {@link Resolver} built by the builder: validates questions and runs each as a query. */
public final class IterativeResolver implements Resolver {

  private final ResolverContext context;
  private final Iteration iteration;
  private final boolean ownsTransport;
  private final SpecialUseAnswers specialUse;
  private final Map<CompletableFuture<Resolution>, Query> running = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public IterativeResolver(ResolverConfig config) {
    this.ownsTransport = config.transport() == null;
    Transport transport = ownsTransport ? new NettyTransport(config.transportThreads()) : config.transport();
    this.context = new ResolverContext(config, transport);
    this.iteration = new Iteration(context);
    this.specialUse = new SpecialUseAnswers(config.specialUseNames());
  }

  @Override
  public CompletableFuture<Resolution> resolveAsync(String name, int type) {
    return resolveAsync(parse(name), type);
  }

  @Override
  public CompletableFuture<Resolution> resolveAsync(Name name, int type) {
    if (!name.isAbsolute()) {
      throw new IllegalArgumentException("name must be absolute (end in a dot): " + name);
    }
    if ((!Type.isRR(type) && type != Type.ANY) || type == Type.OPT) {
      throw new IllegalArgumentException("not a type that can be queried: " + Type.string(type));
    }
    Optional<Resolution> local = specialUse.answer(name, type);
    if (local.isPresent()) {
      return CompletableFuture.completedFuture(local.get());
    }
    Query query = new Query(context.nextQueryId(), name, type, 0,
        new Budget(context.config.budgets(), context.ticker), new Journal(context.config.recordTrace()));
    if (closed) {
      return CompletableFuture.completedFuture(closedFailure(query));
    }
    CompletableFuture<Resolution> result = iteration.run(query);
    if (!result.isDone()) {
      running.put(result, query);
      result.whenComplete((resolution, error) -> running.remove(result));
    }
    return result;
  }

  @Override
  public CacheStats cacheStats() {
    return context.cache.stats().withPrefetches(iteration.prefetches());
  }

  @Override
  public void close() {
    closed = true;
    running.forEach((future, query) -> future.complete(closedFailure(query)));
    if (ownsTransport) {
      context.transport.close();
    }
  }

  private static Resolution closedFailure(Query query) {
    return new Resolution.Failure(query.qname, query.qtype, FailureReason.CLOSED,
        "the resolver was closed", List.of(), List.of(), List.of(), 0);
  }

  private static Name parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("name is empty");
    }
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException("malformed name '" + text + "': " + e.getMessage(), e);
    }
  }
}
