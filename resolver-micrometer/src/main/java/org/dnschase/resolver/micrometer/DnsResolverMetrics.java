package org.dnschase.resolver.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.metrics.LatencyHistogram;
import org.dnschase.resolver.metrics.MetricsSnapshot;
import org.dnschase.resolver.spi.Responses;
import org.xbill.DNS.Rcode;

/**
 * A Micrometer {@link MeterBinder} over a {@link Resolver}'s {@link Resolver#metrics() metrics}:
 * every meter reads the resolver's own counters when the registry asks, so nothing is counted
 * twice and the resolver never depends on Micrometer.
 *
 * <p>Tags are bounded: they name kinds, reasons, transports and caches, never a DNS name or a
 * server, so a resolver registers the same fixed set of about 80 meters whatever it resolves:
 *
 * <ul>
 *   <li>{@code dns.resolver.questions} (counter) by {@code result}: {@code hit} or {@code miss};
 *   <li>{@code dns.resolver.resolution.cache.hits}, {@code dns.resolver.stale.answers} (counters);
 *   <li>{@code dns.resolver.prefetches} (counter) by {@code result}: {@code started} or {@code skipped};
 *   <li>{@code dns.resolver.in.flight} (gauge): resolutions being iterated;
 *   <li>{@code dns.resolver.outcomes} (counter) by {@code kind} ({@code answer}, {@code nodata},
 *       {@code nxdomain}, {@code failure}), {@code reason} (a {@link FailureReason}, or {@code
 *       none}) and {@code rcode};
 *   <li>{@code dns.resolver.upstream.queries}, {@code .timeouts}, {@code .retries} (counters), and
 *       {@code dns.resolver.upstream.sent} (counter) by {@code transport}: {@code udp} or {@code tcp};
 *   <li>{@code dns.resolver.resolution.time} (function timer: count and total), and {@code
 *       dns.resolver.resolution.time.buckets} (counter) by {@code le}, the upper bound of each of
 *       {@link LatencyHistogram}'s 40 buckets in seconds, cumulative as a Prometheus histogram's;
 *   <li>{@code dns.resolver.cache.entries}, {@code dns.resolver.cache.size} (gauges, bytes) by
 *       {@code cache}: {@code rrset} or {@code resolution}.
 * </ul>
 *
 * <p>Each reading takes a fresh snapshot, a few dozen striped sums: cheap next to a scrape.
 */
public final class DnsResolverMetrics implements MeterBinder {

  private static final String PREFIX = "dns.resolver.";

  private final Resolver resolver;
  private final Tags tags;

  /**
   * Binds {@code resolver}'s metrics with {@code tags} added to every meter (to tell several
   * resolvers apart, say).
   *
   * @param resolver the resolver to read
   * @param tags tags for every meter
   * @throws NullPointerException if an argument is null
   */
  public DnsResolverMetrics(Resolver resolver, Iterable<Tag> tags) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
  }

  /**
   * Binds {@code resolver}'s metrics without extra tags.
   *
   * @param resolver the resolver to read
   * @throws NullPointerException if {@code resolver} is null
   */
  public DnsResolverMetrics(Resolver resolver) {
    this(resolver, Tags.empty());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "questions", "Questions answered from the caches, without an upstream query",
        s -> s.questions().cacheHits(), Tags.of("result", "hit"));
    counter(registry, "questions", "Questions whose outcome needed upstream queries",
        s -> s.questions().cacheMisses(), Tags.of("result", "miss"));
    counter(registry, "resolution.cache.hits", "Questions answered by one resolution-cache look-up",
        s -> s.questions().resolutionCacheHits(), Tags.empty());
    counter(registry, "stale.answers", "Outcomes served from expired data (RFC 8767)",
        s -> s.questions().staleAnswers(), Tags.empty());
    counter(registry, "prefetches", "Background refreshes started", s -> s.questions().prefetches(),
        Tags.of("result", "started"));
    counter(registry, "prefetches", "Background refreshes due but not started: too many ran",
        s -> s.questions().prefetchesSkipped(), Tags.of("result", "skipped"));
    gauge(registry, "in.flight", "Resolutions being iterated", null, s -> s.questions().inFlight(), Tags.empty());
    bindOutcomes(registry);
    bindUpstream(registry);
    bindResolutionTime(registry);
    gauge(registry, "cache.entries", "Entries held", null, s -> s.caches().rrsetEntries(), Tags.of("cache", "rrset"));
    gauge(registry, "cache.entries", "Entries held", null, s -> s.caches().resolutionEntries(),
        Tags.of("cache", "resolution"));
    gauge(registry, "cache.size", "Estimated heap held", BaseUnits.BYTES, s -> s.caches().rrsetBytes(),
        Tags.of("cache", "rrset"));
    gauge(registry, "cache.size", "Estimated heap held", BaseUnits.BYTES, s -> s.caches().resolutionBytes(),
        Tags.of("cache", "resolution"));
  }

  private void bindOutcomes(MeterRegistry registry) {
    String description = "Outcomes handed to callers";
    counter(registry, "outcomes", description, s -> s.outcomes().answers(), outcome("answer", "none", Rcode.NOERROR));
    counter(registry, "outcomes", description, s -> s.outcomes().noData(), outcome("nodata", "none", Rcode.NOERROR));
    counter(registry, "outcomes", description, s -> s.outcomes().nxDomain(),
        outcome("nxdomain", "none", Rcode.NXDOMAIN));
    for (FailureReason reason : FailureReason.values()) {
      counter(registry, "outcomes", description, s -> s.outcomes().failures().get(reason),
          outcome("failure", reason.name(), Responses.rcode(reason)));
    }
  }

  private static Tags outcome(String kind, String reason, int rcode) {
    return Tags.of("kind", kind, "reason", reason, "rcode", Rcode.string(rcode));
  }

  private void bindUpstream(MeterRegistry registry) {
    counter(registry, "upstream.queries", "Queries sent to servers, whatever the transport",
        s -> s.upstream().queries(), Tags.empty());
    counter(registry, "upstream.sent", "Queries the built-in transport sent, by transport",
        s -> s.upstream().udp(), Tags.of("transport", "udp"));
    counter(registry, "upstream.sent", "Queries the built-in transport sent, by transport",
        s -> s.upstream().tcp(), Tags.of("transport", "tcp"));
    counter(registry, "upstream.timeouts", "Queries that got no reply in time", s -> s.upstream().timeouts(),
        Tags.empty());
    counter(registry, "upstream.retries", "Queries sent again to a server that had not answered",
        s -> s.upstream().retries(), Tags.empty());
  }

  private void bindResolutionTime(MeterRegistry registry) {
    FunctionTimer.builder(PREFIX + "resolution.time", resolver,
            r -> r.metrics().resolutionTime().count(),
            r -> r.metrics().resolutionTime().total().toNanos(), TimeUnit.NANOSECONDS)
        .description("Time of each resolution the resolver iterated")
        .tags(tags)
        .register(registry);
    for (int bucket = 0; bucket < LatencyHistogram.BUCKETS; bucket++) {
      int last = bucket;
      String le = String.format(Locale.ROOT, "%.6f", LatencyHistogram.upperBound(bucket).toNanos() / 1e9);
      counter(registry, "resolution.time.buckets", "Iterated resolutions that took less than le seconds",
          s -> cumulative(s.resolutionTime(), last), Tags.of("le", le));
    }
  }

  private static long cumulative(LatencyHistogram histogram, int lastBucket) {
    long sum = 0;
    for (int bucket = 0; bucket <= lastBucket; bucket++) {
      sum += histogram.count(bucket);
    }
    return sum;
  }

  private void counter(MeterRegistry registry, String name, String description,
      ToLongFunction<MetricsSnapshot> figure, Tags extra) {
    FunctionCounter.builder(PREFIX + name, resolver, r -> figure.applyAsLong(r.metrics()))
        .description(description)
        .tags(tags.and(extra))
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String description, String unit,
      ToLongFunction<MetricsSnapshot> figure, Tags extra) {
    ToDoubleFunction<Resolver> read = r -> figure.applyAsLong(r.metrics());
    Gauge.builder(PREFIX + name, resolver, read)
        .description(description)
        .baseUnit(unit)
        .tags(tags.and(extra))
        .strongReference(false)
        .register(registry);
  }
}
