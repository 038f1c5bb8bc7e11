package org.dnschase.resolver.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** The binder in a {@link SimpleMeterRegistry}: each meter reads the resolver's own figure. */
class DnsResolverMetricsTest {

  private static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.test.", "127.53.60.1")
      .zone("test.", "ns", "127.53.60.2")
      .zone("shop.test.", shop -> shop.server("ns", "127.53.60.3").records("www 300 A 192.0.2.80"))
      .build();

  private TestHierarchy lab;
  private Resolver resolver;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void start() {
    lab = TestHierarchy.builder().zones(TREE).build();
    resolver = Resolver.builder().rootHints(RootHints.of(lab.rootHints())).upstreamPort(lab.port())
        .loopbackOnly().build();
    new DnsResolverMetrics(resolver, Tags.of("resolver", "lab")).bindTo(registry);
  }

  @AfterEach
  void stop() {
    resolver.close();
    lab.close();
  }

  private double counter(String name, String... tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  @Test
  @DisplayName("after a miss, a resolution-cache hit and an NXDOMAIN the meters read the resolver's figures")
  void meters_readTheResolversFigures() {
    assertThat(resolver.resolve("www.shop.test.", Type.A)).isInstanceOf(Resolution.Answer.class);
    resolver.resolve("www.shop.test.", Type.A);
    assertThat(resolver.resolve("nothing.shop.test.", Type.A)).isInstanceOf(Resolution.NxDomain.class);
    int sent = lab.queryCount();

    assertThat(counter("dns.resolver.questions", "result", "hit")).isEqualTo(1);
    assertThat(counter("dns.resolver.questions", "result", "miss")).isEqualTo(2);
    assertThat(counter("dns.resolver.resolution.cache.hits")).isEqualTo(1);
    assertThat(counter("dns.resolver.outcomes", "kind", "answer", "rcode", "NOERROR")).isEqualTo(2);
    assertThat(counter("dns.resolver.outcomes", "kind", "nxdomain", "rcode", "NXDOMAIN")).isEqualTo(1);
    assertThat(counter("dns.resolver.outcomes", "kind", "failure", "reason", "TIMEOUT", "rcode", "SERVFAIL"))
        .isZero();
    assertThat(counter("dns.resolver.upstream.queries")).isEqualTo(sent);
    assertThat(counter("dns.resolver.upstream.sent", "transport", "udp")).isEqualTo(sent);
    assertThat(counter("dns.resolver.upstream.sent", "transport", "tcp")).isZero();
    assertThat(registry.get("dns.resolver.in.flight").gauge().value()).isZero();
    assertThat(registry.get("dns.resolver.resolution.time").functionTimer().count()).isEqualTo(2);
    // Micrometer keeps the total in seconds as a double: converted back to nanoseconds it may be off
    // in the last bit (3.2063986E7 against 3.2063986000000004E7), never by a nanosecond.
    assertThat(registry.get("dns.resolver.resolution.time").functionTimer().totalTime(TimeUnit.NANOSECONDS))
        .isCloseTo(resolver.metrics().resolutionTime().total().toNanos(), within(0.5));
    assertThat(counter("dns.resolver.resolution.time.buckets", "le", "524288.000000")).isEqualTo(2);
    assertThat(counter("dns.resolver.resolution.time.buckets", "le", "0.000001")).isZero();
    assertThat(registry.get("dns.resolver.cache.entries").tags("cache", "resolution").gauge().value()).isEqualTo(2);
    assertThat(registry.get("dns.resolver.cache.size").tags("cache", "rrset").gauge().value())
        .isEqualTo(resolver.metrics().caches().rrsetBytes());
  }

  @Test
  @DisplayName("the meters are a fixed set with bounded tags, whatever names are resolved, each with the binder's tags")
  void meters_areAFixedSet() {
    int before = registry.getMeters().size();
    for (int i = 0; i < 20; i++) {
      resolver.resolve("n" + i + ".shop.test.", Type.A);
    }

    assertThat(registry.getMeters()).hasSize(before);
    assertThat(before).isLessThan(100);
    assertThat(registry.getMeters()).allSatisfy(meter -> {
      assertThat(meter.getId().getName()).startsWith("dns.resolver.");
      assertThat(meter.getId().getTag("resolver")).isEqualTo("lab");
    });
    assertThat(registry.getMeters()).extracting(Meter::getId)
        .allSatisfy(id -> assertThat(id.getTags()).noneMatch(tag -> tag.getValue().contains("shop.test")));
  }
}
