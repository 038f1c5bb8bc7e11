package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.dnschase.resolver.zones.AuthZone;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.StubZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Type;

/**
 * The user's configuration wins over a zone served locally (RFC 6303 §3 lets an operator serve
 * real data in them): a forward, stub or auth zone at or below one is asked for its names, the
 * other names of the served zone stay local. Unbound asks for {@code local-zone: ... nodefault}
 * beside such a zone, and without it answers from its default zone (checked on 1.17.1 with a stub,
 * a forward and an auth zone); here the configured zone says it alone, as there is no per-zone
 * switch beside {@link ResolverBuilder#specialUseNames}. The LAN's server, 127.53.60.1, serves
 * {@code 168.192.in-addr.arpa.} and {@code 10.in-addr.arpa.}.
 */
class LocalZoneOverrideTest {

  private static final String LAN = "127.53.60.1";
  @Lab("startLan") static TestHierarchy lan;

  /** The hierarchy the tests run against, started. */
  static TestHierarchy startLan() {
    return TestHierarchy.builder()
        .zone("""
            $ORIGIN 168.192.in-addr.arpa.
            $TTL 300
            @    SOA ns hostmaster 1 3600 600 86400 300
            @    NS  ns
            ns   A   127.53.60.1
            1.1  PTR router.lan.
            """)
        .zone("""
            $ORIGIN 10.in-addr.arpa.
            $TTL 300
            @      SOA ns hostmaster 1 3600 600 86400 300
            @      NS  ns
            ns     A   127.53.60.1
            3.2.1  PTR nas.lan.
            """)
        .build();
  }
  private final LocallyServedZonesTest.NoQueries nothing = new LocallyServedZonesTest.NoQueries();

  @BeforeEach
  void clear() {
    lan.clearQueries();
  }

  @Test
  @DisplayName("A stub zone for 168.192.in-addr.arpa. is asked for the LAN's PTR records")
  void stubZone_atAServedZone_isAsked() throws Exception {
    try (Resolver resolver = lanResolver().stubZone(StubZone.of("168.192.in-addr.arpa.", LAN)).build()) {
      assertThat(ptr(resolver.resolveReverse(InetAddress.getByName("192.168.1.1")))).isEqualTo("router.lan.");
    }
    assertThat(lan.queryCount()).isPositive();
  }

  @Test
  @DisplayName("A forward zone for 10.in-addr.arpa. is asked; 192.168/16 beside it stays local")
  void forwardZone_atAServedZone_isAsked() throws Exception {
    try (Resolver resolver = lanResolver().forwardZone(ForwardZone.of("10.in-addr.arpa.", LAN)).build()) {
      assertThat(ptr(resolver.resolveReverse(InetAddress.getByName("10.1.2.3")))).isEqualTo("nas.lan.");
      lan.clearQueries();

      assertThat(resolver.resolveReverse(InetAddress.getByName("192.168.1.1"))).isInstanceOf(Resolution.NxDomain.class);
    }
    assertThat(lan.queryCount()).isZero();
  }

  @Test
  @DisplayName("A stub zone below a served zone wins for its names only: 1.168.192 is asked, 2.168.192 stays local")
  void stubZoneBelow_winsForItsNamesOnly() throws Exception {
    try (Resolver resolver = lanResolver().stubZone(StubZone.of("1.168.192.in-addr.arpa.", LAN)).build()) {
      assertThat(ptr(resolver.resolveReverse(InetAddress.getByName("192.168.1.1")))).isEqualTo("router.lan.");
      lan.clearQueries();

      assertThat(resolver.resolveReverse(InetAddress.getByName("192.168.2.1"))).isInstanceOf(Resolution.NxDomain.class);
    }
    assertThat(lan.queryCount()).isZero();
  }

  @Test
  @DisplayName("RFC 8375 §6: an auth zone for home.arpa. answers from its data")
  void authZone_atHomeArpa_answersFromItsData() {
    AuthZone home = AuthZone.parse("home.arpa.", """
        $TTL 300
        @       SOA ns hostmaster 1 3600 600 86400 300
        @       NS  ns
        ns      A   192.168.1.1
        printer A   192.168.1.9
        """);
    try (Resolver resolver = LocallyServedZonesTest.resolverWith(nothing).authZone(home).build()) {
      Resolution found = resolver.resolve("printer.home.arpa.", Type.A);

      assertThat(((Resolution.Answer) found).records()).extracting(record -> record.rdataToString())
          .containsExactly("192.168.1.9");
    }
    nothing.assertNothingAsked();
  }

  @Test
  @DisplayName("A configured zone above a served zone leaves it served: a forward zone for in-addr.arpa. never sees 10/8")
  void configuredZoneAbove_leavesTheServedZone() throws Exception {
    try (Resolver resolver = LocallyServedZonesTest.resolverWith(nothing)
        .forwardZone(ForwardZone.of("in-addr.arpa.", LAN)).build()) {
      assertThat(resolver.resolveReverse(InetAddress.getByName("10.1.2.3"))).isInstanceOf(Resolution.NxDomain.class);
    }
    nothing.assertNothingAsked();
  }

  /** A resolver on the LAN's port whose root is nowhere: only configured zones reach a server. */
  private static ResolverBuilder lanResolver() {
    return Resolver.builder()
        .rootHints(RootHints.parse(". 3600 NS a.root.lab.\na.root.lab. 3600 A 127.53.0.1\n"))
        .upstreamPort(lan.port())
        .loopbackOnly();
  }

  private static String ptr(Resolution resolution) {
    assertThat(resolution).isInstanceOf(Resolution.Answer.class);
    return ((PTRRecord) ((Resolution.Answer) resolution).records().get(0)).getTarget().toString();
  }
}
