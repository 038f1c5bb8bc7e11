package org.dnschase.resolver.internal.iterate;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dnschase.resolver.internal.servers.ConfiguredZones;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * {@link QueryState#PRIME} for a stub zone configured with {@code prime} (Unbound's
 * {@code stub-prime}): asks its servers for the zone's NS set, once for all the queries that need
 * it at the same time. The answer and its addresses land in the cache like any other answer, and
 * the query walks from the servers it names; when priming brings no usable NS set, from the
 * servers configured.
 */
final class StubPriming {

  private final ResolverContext context;
  private final Iteration iteration;
  private final Map<Name, CompletableFuture<?>> priming = new HashMap<>();

  StubPriming(ResolverContext context, Iteration iteration) {
    this.context = context;
    this.iteration = iteration;
  }

  Step handle(Query q) {
    ConfiguredZones.Zone zone = q.delegation().configuredZone();
    if (!q.primeAttempted()) {
      return q.awaitPriming(shared(q, zone));
    }
    return q.walkFrom(context.zones.primed(context.cache, zone));
  }

  private synchronized CompletableFuture<?> shared(Query q, ConfiguredZones.Zone zone) {
    CompletableFuture<?> running = priming.get(zone.name());
    if (running == null || running.isDone()) {
      running = iteration.run(q.child(context.nextQueryId(), zone.name(), Type.NS, context.zones.serversOf(zone)));
      priming.put(zone.name(), running);
    }
    return running;
  }
}
