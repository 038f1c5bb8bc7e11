package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** {@link ResolverBuilder#ipv6(boolean)}: servers with only an IPv6 address are used by default, never when it is off. */
class Ipv6SwitchTest {

  static final String ROOT = LabZones.ROOT_WITH_TEST;
  static final String TEST = LabZones.testTld("""
      v6only     NS  ns.v6only.test.
      ns.v6only  AAAA ::1
      """);
  /** Served on ::1 alone. */
  static final String V6ONLY = """
      $ORIGIN v6only.test.
      $TTL 3600
      @    SOA ns hostmaster 1 3600 600 86400 300
      @    NS  ns
      ns   AAAA ::1
      www  A   192.0.2.6
      """;

  static TestHierarchy lab;
  static AuthServer v6server;

  @BeforeAll
  static void startLab() {
    lab = TestHierarchy.builder().zone(ROOT).zone(TEST).zone(V6ONLY).build();
    v6server = lab.server(FaultLab.address("::1"));
  }

  @AfterAll
  static void stopLab() {
    lab.close();
  }

  @BeforeEach
  void clearQueries() {
    lab.clearQueries();
  }

  @Test
  @DisplayName("IPv6 on (the default): a zone served only over IPv6 resolves")
  void ipv6On_usesIpv6Servers() {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      Resolution result = resolver.resolve("www.v6only.test.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(v6server.queryCount()).isPositive();
    }
  }

  @Test
  @DisplayName("IPv6 off: no query goes to an IPv6 address; a zone served only over IPv6 fails typed")
  void ipv6Off_neverAsksIpv6Servers() {
    try (Resolver resolver = ChainLab.resolverFor(lab).ipv6(false).build()) {
      Resolution result = resolver.resolve("www.v6only.test.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Failure.class);
      assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED);
      assertThat(v6server.queryCount()).isZero();
    }
  }
}
