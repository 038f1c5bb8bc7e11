package org.dnschase.resolver.conformance;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.RRsetCacheBuilder;
import org.dnschase.resolver.spi.Transport;
import org.dnschase.resolver.testkit.scenario.ScenarioConfig;

/**
 * Builds the resolver under test from a scenario's CONFIG (FORMAT §3): the one root server as
 * root hints, the scenario's transport and clock, the cache TTL bounds, and the do-ip4, do-ip6
 * and do-not-query-localhost rules as the upstream filter. Settings with no counterpart here
 * (trust anchors, target-fetch-policy, module-config, ...) concern validation or Unbound's
 * internals and are ignored.
 */
final class ResolverSetup {

  private ResolverSetup() {}

  static ResolverBuilder builder(ScenarioConfig config, Transport transport, Ticker clock) {
    RRsetCacheBuilder cache = RRsetCache.builder().ticker(clock).executor(Runnable::run);
    config.minTtl().ifPresent(cache::minTtl);
    config.maxTtl().ifPresent(cache::maxTtl);
    return Resolver.builder()
        .rootHints(RootHints.of(Map.of(config.rootServerName(), config.rootServerAddresses())))
        .transport(transport)
        .ticker(clock)
        .cache(cache.build())
        .upstreamFilter(allowed(config), describe(config));
  }

  /**
   * The addresses the resolver may ask. The root hint itself is exempt from
   * do-not-query-localhost: FORMAT §3.1 notes {@code iter_minim_a} has its root at 127.0.0.10.
   */
  private static Predicate<InetAddress> allowed(ScenarioConfig config) {
    List<InetAddress> hints = config.rootServerAddresses();
    boolean ip4 = config.doIp4();
    boolean ip6 = config.doIp6();
    boolean noLocalhost = config.doNotQueryLocalhost();
    return address -> (address instanceof Inet4Address ? ip4 : ip6)
        && !(noLocalhost && address.isLoopbackAddress() && !hints.contains(address));
  }

  private static String describe(ScenarioConfig config) {
    return "scenario CONFIG: do-ip4 " + config.doIp4() + ", do-ip6 " + config.doIp6()
        + ", do-not-query-localhost " + config.doNotQueryLocalhost();
  }
}
