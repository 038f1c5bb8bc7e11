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
      v6only      NS  ns.v6only.test.
      ns.v6only   AAAA ::1
      hosts       NS  nsh.hosts.test.
      nsh.hosts   A   127.53.0.7
      v6glueless  NS  v6.hosts.test.
      """);
  /** Names a server that has an IPv6 address only, in another zone than the one it serves. */
  static final String HOSTS = """
      $ORIGIN hosts.test.
      $TTL 3600
      @    SOA nsh hostmaster 1 3600 600 86400 300
      @    NS  nsh
      nsh  A   127.53.0.7
      v6   AAAA ::1
      """;
  /** Served on ::1 too, by a name server known only by name (no glue). */
  static final String V6GLUELESS = """
      $ORIGIN v6glueless.test.
      $TTL 3600
      @    SOA v6.hosts.test. hostmaster 1 3600 600 86400 300
      @    NS  v6.hosts.test.
      www  A   192.0.2.7
      """;
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
    lab = TestHierarchy.builder().zone(ROOT).zone(TEST).zone(V6ONLY).zone(HOSTS).zone(V6GLUELESS).build();
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

  @Test
  @DisplayName("A glueless name server with no A record is looked up for AAAA and used")
  void gluelessNameServerWithAaaaOnly_isLookedUpForAaaa() {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      Resolution result = resolver.resolve("www.v6glueless.test.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
    }
  }

  @Test
  @DisplayName("IPv6 off: that name server's AAAA is not even asked for")
  void ipv6Off_doesNotLookUpAaaa() {
    try (Resolver resolver = ChainLab.resolverFor(lab).ipv6(false).build()) {
      Resolution result = resolver.resolve("www.v6glueless.test.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Failure.class);
      assertThat(lab.queries()).noneMatch(query -> query.qtype() == Type.AAAA);
    }
  }
}
