package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** {@link ResolverBuilder#ipv6(boolean)}: servers with only an IPv6 address are used by default, never when it is off. */
class Ipv6SwitchTest {

  /**
   * v6only.test is served on ::1 alone; v6glueless.test by v6.hosts.test, a name server with an
   * IPv6 address only that lives in another zone (so its delegation has no glue).
   */
  static final ZoneTree TREE = LabZones.rootAndTest()
      .zone("v6only.test.", "ns", "::1", "www A 192.0.2.6")
      .zone("hosts.test.", "nsh", "127.53.0.7")
      .zone("v6glueless.test.", v6 -> v6.server("v6.hosts.test.", "::1").records("www A 192.0.2.7"))
      .build();

  @Lab static TestHierarchy lab;
  static AuthServer v6server;

  @BeforeAll
  static void startLab() {
    v6server = lab.server(FaultLab.address("::1"));
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
