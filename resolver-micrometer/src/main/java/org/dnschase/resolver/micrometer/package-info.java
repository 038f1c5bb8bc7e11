/**
 * Micrometer meters over a resolver's metrics: bind {@link
 * org.dnschase.resolver.micrometer.DnsResolverMetrics} to a {@code MeterRegistry}.
 */
package org.dnschase.resolver.micrometer;
