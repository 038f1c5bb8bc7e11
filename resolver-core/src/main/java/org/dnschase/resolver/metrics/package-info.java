/**
 * What a resolver counts as it works, read through {@link
 * org.dnschase.resolver.Resolver#metrics()}: a {@link org.dnschase.resolver.metrics.MetricsSnapshot}
 * of its counters and its {@link org.dnschase.resolver.metrics.LatencyHistogram} of resolution
 * times, and {@link org.dnschase.resolver.metrics.UnboundStats}, the same figures under the names
 * of {@code unbound-control stats}.
 *
 * <p>The counting costs a resolution-cache hit one striped increment and no allocation; a
 * resolver built with {@code recordMetrics(false)} counts nothing. Each resolution and each
 * upstream exchange is also a JDK Flight Recorder event ({@code org.dnschase.Resolution}, {@code
 * org.dnschase.Exchange}), recorded whenever a recording with those events enabled runs.
 */
package org.dnschase.resolver.metrics;
