package org.dnschase.resolver.internal.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.concurrent.ForkJoinPool;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.zones.SpecialUseName;
import org.dnschase.resolver.internal.ResolverConfig;
import org.dnschase.resolver.internal.reply.PrivateAddresses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a resolver is built with when the builder is told nothing: the table in {@link Defaults}. */
class ResolverAssemblyTest {

  @Test
  @DisplayName("an option left out takes its value from Defaults, the one table of defaults")
  void nothingGiven_everyOptionIsItsDefault() {
    ResolverConfig config = new ResolverAssembly().config();

    assertThat(config.rootHints()).isSameAs(RootHints.iana());
    assertThat(config.budgets()).isEqualTo(Budgets.DEFAULTS);
    assertThat(config.upstreamPort()).isEqualTo(Defaults.UPSTREAM_PORT);
    assertThat(config.ednsPayloadSize()).isEqualTo(Defaults.EDNS_PAYLOAD_SIZE);
    assertThat(config.recordTrace()).isEqualTo(Defaults.RECORD_TRACE);
    assertThat(config.recordMetrics()).isEqualTo(Defaults.RECORD_METRICS);
    assertThat(config.qnameMinimisation()).isEqualTo(Defaults.QNAME_MINIMISATION);
    assertThat(config.minimisedQuestionType()).isEqualTo(Defaults.MINIMISED_QUESTION_TYPE);
    assertThat(config.longChainThreshold()).isEqualTo(Defaults.LONG_CHAIN_THRESHOLD);
    assertThat(config.specialUseNames()).isEqualTo(EnumSet.allOf(SpecialUseName.class));
    assertThat(config.transportThreads()).isEqualTo(Defaults.TRANSPORT_THREADS);
    assertThat(config.prefetch()).isEqualTo(Defaults.PREFETCH);
    assertThat(config.ipv6()).isEqualTo(Defaults.IPV6);
    assertThat(config.caseRandomization()).isEqualTo(Defaults.CASE_RANDOMIZATION);
    assertThat(config.cacheAnswerNameServers()).isEqualTo(Defaults.CACHE_ANSWER_NAME_SERVERS);
    assertThat(config.privateAddresses()).isSameAs(PrivateAddresses.NONE);
    assertThat(config.callbackExecutor()).isSameAs(ForkJoinPool.commonPool());
    assertThat(config.upstreamFilterDescription()).isEqualTo("not this host, multicast or broadcast, unless configured");
    assertThat(config.transport()).isNull();
    assertThat(config.hostsFile()).isNull();
    assertThat(config.searchList()).isNull();
    assertThat(config.forwardZones()).isEmpty();
    assertThat(config.stubZones()).isEmpty();
  }

  @Test
  @DisplayName("without IPv6, the upstream filter refuses IPv6 servers and says so")
  void ipv6Off_narrowsTheUpstreamFilterToIpv4() throws Exception {
    ResolverAssembly assembly = new ResolverAssembly();
    assembly.upstream().filter(address -> true, "lab");
    assembly.upstream().ipv6(false);
    ResolverConfig config = assembly.config();

    assertThat(config.upstreamFilterDescription()).isEqualTo("lab, IPv4 only");
    assertThat(config.upstreamFilter().test(java.net.InetAddress.getByName("127.0.0.1"))).isTrue();
    assertThat(config.upstreamFilter().test(java.net.InetAddress.getByName("::1"))).isFalse();
  }
}
