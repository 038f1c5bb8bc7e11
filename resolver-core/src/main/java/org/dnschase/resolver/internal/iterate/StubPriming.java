package org.dnschase.resolver.internal.iterate;

import org.dnschase.resolver.internal.servers.ConfiguredZones;

/**
 * {@link QueryState#PRIME} for a stub zone configured with {@code prime} (Unbound's
 * {@code stub-prime}): asks its servers for the zone's NS set, once for all the queries that need
 * it at the same time. The answer and its addresses land in the cache like any other answer, and
 * the query walks from the servers it names; when priming brings no usable NS set, from the
 * servers configured.
 */
final class StubPriming {

  private final ResolverContext context;

  StubPriming(ResolverContext context) {
    this.context = context;
  }

  Step handle(Query q) {
    ConfiguredZones.Zone zone = q.delegation().configuredZone();
    if (!q.primeAttempted()) {
      return q.prime(zone.name(), () -> context.zones.serversOf(zone), true);
    }
    return q.walkFrom(context.zones.primed(context.cache, zone));
  }
}
