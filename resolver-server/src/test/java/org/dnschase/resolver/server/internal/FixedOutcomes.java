package org.dnschase.resolver.server.internal;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.cache.CacheStats;
import org.dnschase.resolver.host.AddressOrder;
import org.dnschase.resolver.host.HostAddresses;
import org.dnschase.resolver.metrics.MetricsSnapshot;
import org.xbill.DNS.Name;

/**
 * A resolver that answers every question at once with the one outcome given for it, whatever its
 * spelling and options, as the resolution cache hands out one outcome per question: the server's
 * side of a warm query, with nothing else moving (no TTL ticking down between two answers).
 */
final class FixedOutcomes implements Resolver {

  private record Question(Name name, int type) {}

  private final Map<Question, Resolution> outcomes = new HashMap<>();
  private Name failing;
  /** The questions whose outcomes wait for {@link #release}, or null when each is answered at once. */
  private Queue<Runnable> held;

  /** Answers {@code outcome} to its own question. */
  FixedOutcomes with(Resolution outcome) {
    outcomes.put(new Question(outcome.qname(), outcome.qtype()), outcome);
    return this;
  }

  /** Fails every question for {@code name} with an exception no resolver should throw: a fault of its own. */
  FixedOutcomes failing(Name name) {
    this.failing = name;
    return this;
  }

  /**
   * From now on holds each question's outcome until {@link #release}, as a resolution that goes
   * upstream ends after its question was asked.
   */
  FixedOutcomes later() {
    this.held = new ConcurrentLinkedQueue<>();
    return this;
  }

  /** {@return how many questions wait for their outcomes} */
  int waiting() {
    return held.size();
  }

  /** Ends the resolutions held, on this thread: each question gets its outcome. */
  void release() {
    for (Runnable next = held.poll(); next != null; next = held.poll()) {
      next.run();
    }
  }

  /** The outcome given for the question, which must be one. */
  Resolution outcome(Name name, int type) {
    Resolution outcome = outcomes.get(new Question(name, type));
    if (outcome == null) {
      throw new IllegalArgumentException("no outcome given for " + name + " " + type);
    }
    return outcome;
  }

  @Override
  public CompletableFuture<Resolution> resolveAsync(Name name, int type, QueryOptions options) {
    if (name.equals(failing)) {
      throw new IllegalStateException("a fault of the resolver's own, asked for " + name);
    }
    Resolution outcome = outcome(name, type);
    if (held == null) {
      return CompletableFuture.completedFuture(outcome);
    }
    CompletableFuture<Resolution> later = new CompletableFuture<>();
    held.add(() -> later.complete(outcome));
    return later;
  }

  @Override
  public CompletableFuture<Resolution> resolveAsync(String name, int type, QueryOptions options) {
    return resolveAsync(Name.fromConstantString(name), type, options);
  }

  // The server asks questions only; the rest of a resolver is not used by what these tests check.
  @Override
  public CompletableFuture<HostAddresses> resolveAddressesAsync(String name, AddressOrder order) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<HostAddresses> resolveAddressesAsync(Name name, AddressOrder order) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<Resolution> resolveReverseAsync(InetAddress address) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CacheStats cacheStats() {
    throw new UnsupportedOperationException();
  }

  @Override
  public MetricsSnapshot metrics() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void invalidateAll() {}

  @Override
  public void invalidate(Name name) {}

  @Override
  public void invalidateNegative() {}

  @Override
  public void close() {}
}
