package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.host.HostsFile;
import org.dnschase.resolver.host.SearchList;
import org.dnschase.resolver.reply.ReplyPolicy;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.StubZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Type;

/** The builder takes each setting once, so conflicting configuration cannot pass unnoticed. */
class ResolverBuilderTest {

  static Stream<Arguments> settings() {
    RRsetCache cache = RRsetCache.builder().build();
    TimeSource time = cache.timeSource();
    return Stream.of(
        setting("rootHints", b -> b.rootHints(RootHints.iana())),
        setting("cache", b -> b.cache(cache)),
        setting("serveStale", b -> b.serveStale(Duration.ofHours(1))),
        setting("prefetch", b -> b.prefetch(true)),
        setting("budgets", b -> b.budgets(Budgets.DEFAULTS)),
        setting("upstreamPort", b -> b.upstreamPort(5353)),
        setting("ednsPayloadSize", b -> b.ednsPayloadSize(1232)),
        setting("upstreamFilter", b -> b.upstreamFilter(InetAddress::isLoopbackAddress, "loopback")),
        setting("upstreamFilter", ResolverBuilder::loopbackOnly),
        setting("ipv6", b -> b.ipv6(false)),
        setting("recordMetrics", b -> b.recordMetrics(false)),
        setting("recordTrace", b -> b.recordTrace(true)),
        setting("qnameMinimisation", b -> b.qnameMinimisation(false)),
        setting("qnameMinimisationType", b -> b.qnameMinimisationType(Type.A)),
        setting("longChainThreshold", b -> b.longChainThreshold(3)),
        setting("specialUseNames", b -> b.specialUseNames(Set.of())),
        setting("timeSource", b -> b.timeSource(time)),
        setting("transport", b -> b.transport((server, query, timeout) -> null)),
        setting("transportThreads", b -> b.transportThreads(1)),
        setting("caseRandomization", b -> b.caseRandomization(true)),
        setting("replyPolicy", b -> b.replyPolicy(ReplyPolicy.defaults().withGlueVerified(true))),
        setting("callbackExecutor", b -> b.callbackExecutor(Runnable::run)),
        setting("hostsFile", b -> b.hostsFile(HostsFile.at(Path.of("hosts")))),
        setting("searchList", b -> b.searchList(SearchList.of(List.of("lab."), 1))));
  }

  private static Arguments setting(String name, Consumer<ResolverBuilder> set) {
    return Arguments.of(name, set);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  @DisplayName("a setting given twice is refused, naming the setting and its first value")
  void settingGivenTwice_isRefusedNamingTheFirst(String name, Consumer<ResolverBuilder> set) {
    ResolverBuilder builder = Resolver.builder();
    set.accept(builder);

    assertThatIllegalStateException().isThrownBy(() -> set.accept(builder))
        .withMessageStartingWith(name + " was already set to ");
  }

  @Test
  @DisplayName("a zone name is configured once, whether as a forward or a stub zone")
  void zoneNameGivenTwice_isRefusedNamingTheFirst() {
    ResolverBuilder builder = Resolver.builder().forwardZone(ForwardZone.of("corp.example.", "192.0.2.1"));

    assertThatIllegalStateException()
        .isThrownBy(() -> builder.stubZone(StubZone.of("corp.example.", "192.0.2.2")))
        .withMessageStartingWith("zone corp.example. was already configured: ");
    assertThatNoException().isThrownBy(() -> builder.stubZone(StubZone.of("other.example.", "192.0.2.2")));
  }

  @Test
  @DisplayName("a timeout or interval longer than the resolver's nanosecond clock can time is refused where it is "
      + "given, naming it, not as an overflow at build or at the first resolution")
  void untimeablyLongDuration_isRefusedByName() {
    Duration forever = Duration.ofSeconds(Long.MAX_VALUE);

    assertThatIllegalArgumentException().isThrownBy(() -> Resolver.builder().staleAnswerTimeout(forever))
        .withMessageStartingWith("staleAnswerTimeout must be at most 2147483647 seconds");
    assertThatIllegalArgumentException().isThrownBy(() -> Resolver.builder().maxResolutionsInFlight(10, forever))
        .withMessageStartingWith("jostleAfter must be at most 2147483647 seconds");
    assertThatIllegalArgumentException().isThrownBy(() -> HostsFile.at(Path.of("hosts")).withPollInterval(forever))
        .withMessageStartingWith("pollInterval must be at most 2147483647 seconds");
  }
}
