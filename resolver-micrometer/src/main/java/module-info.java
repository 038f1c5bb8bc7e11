/**
 * Micrometer meters over a resolver's metrics: {@link
 * org.dnschase.resolver.micrometer.DnsResolverMetrics}, a {@code MeterBinder}.
 */
module org.dnschase.resolver.micrometer {
  requires transitive org.dnschase.resolver;
  requires transitive micrometer.core;

  exports org.dnschase.resolver.micrometer;
}
