package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.dnschase.resolver.spi.Transport;
import org.dnschase.resolver.zones.SpecialUseName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * RFC 6303 §3 and §4, RFC 6761 §6.3, RFC 8375: the zones a resolver serves itself, answered record
 * for record as Unbound 1.17 answers from its default local zones (asked with dig): an SOA
 * {@code localhost. nobody.invalid. 1 3600 1200 604800 10800} and an NS {@code localhost.} at
 * each apex, TTL 10800; NXDOMAIN below with that SOA; NODATA with it for a type the name lacks;
 * 127.0.0.1 and ::1 named {@code localhost.}. The one difference is the cache's cap: a negative
 * answer's SOA lives 3600 s here (the cache's negative cap by default), 10800 there. The transport
 * fails the test if it is asked anything.
 */
class LocallyServedZonesTest {

  private static final String V6_LOOPBACK = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa.";
  private static final String UNBOUND_SOA = "localhost. nobody.invalid. 1 3600 1200 604800 10800";
  private static final long NEGATIVE_CAP = 3_600;

  private final NoQueries transport = new NoQueries();
  private Resolver resolver;

  @BeforeEach
  void build() {
    resolver = resolverWith(transport).build();
  }

  @AfterEach
  void close() {
    resolver.close();
  }

  /* ---- RFC 6761 §6.3: localhost and its reverse ---- */

  @Test
  @DisplayName("RFC 6761 §6.3: localhost. has an SOA and an NS at its apex, and every name below it is the loopback")
  void localhost_isAZoneWhoseEveryNameIsTheLoopback() {
    assertThat(data(resolver.resolve("localhost.", Type.SOA))).containsExactly("localhost. 10800 SOA " + UNBOUND_SOA);
    assertThat(data(resolver.resolve("localhost.", Type.NS))).containsExactly("localhost. 10800 NS localhost.");
    assertThat(data(resolver.resolve("db.localhost.", Type.A))).containsExactly("db.localhost. 10800 A 127.0.0.1");
    assertThat(data(resolver.resolve("db.localhost.", Type.AAAA))).containsExactly("db.localhost. 10800 AAAA 0:0:0:0:0:0:0:1");
    assertThat(data(resolver.resolve("db.localhost.", Type.SOA))).containsExactly("db.localhost. 10800 SOA " + UNBOUND_SOA);
    assertNegative(resolver.resolve("db.localhost.", Type.MX), Resolution.NoData.class, "localhost.");
    transport.assertNothingAsked();
  }

  @Test
  @DisplayName("ANY at a served name is NODATA with the zone's SOA, as Unbound 1.17 answers it from its local zones")
  void anyQuestion_isNoData() {
    assertNegative(resolver.resolve("localhost.", Type.ANY), Resolution.NoData.class, "localhost.");
    assertNegative(resolver.resolve("home.arpa.", Type.ANY), Resolution.NoData.class, "home.arpa.");
    assertNegative(resolver.resolve("1.0.0.127.in-addr.arpa.", Type.ANY), Resolution.NoData.class, "127.in-addr.arpa.");
    transport.assertNothingAsked();
  }

  @Test
  @DisplayName("RFC 6761 §6.3: 127.0.0.1 and ::1 are named localhost., in zones served locally (RFC 6303 §4.2, §4.3)")
  void loopbackAddresses_areNamedLocalhost() throws Exception {
    Resolution v4 = resolver.resolveReverse(InetAddress.getByName("127.0.0.1"));
    Resolution v6 = resolver.resolveReverse(InetAddress.getByName("::1"));

    assertThat(data(v4)).containsExactly("1.0.0.127.in-addr.arpa. 10800 PTR localhost.");
    assertThat(data(v6)).containsExactly(V6_LOOPBACK + " 10800 PTR localhost.");
    assertThat(data(resolver.resolve("127.in-addr.arpa.", Type.SOA))).containsExactly("127.in-addr.arpa. 10800 SOA " + UNBOUND_SOA);
    assertThat(data(resolver.resolve(V6_LOOPBACK, Type.NS))).containsExactly(V6_LOOPBACK + " 10800 NS localhost.");
    transport.assertNothingAsked();
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: the data of a zone served locally is the resolver's own, so its answers, NODATA and "
      + "NXDOMAIN say so (locallyServed, which a server turns into AA)")
  void localAnswers_areLocallyServed() {
    assertThat(resolver.resolve("localhost.", Type.A).locallyServed()).isTrue();
    assertThat(resolver.resolve("localhost.", Type.MX).locallyServed()).isTrue();
    assertThat(resolver.resolve("x.127.in-addr.arpa.", Type.PTR).locallyServed()).isTrue();
    assertThat(resolver.resolve("www.example.", Type.A).locallyServed()).isFalse();
  }

  @Test
  @DisplayName("RFC 6303 §4.2: other loopback addresses are NXDOMAIN; a name above 1.0.0.127 exists without data")
  void otherLoopbackNames_areNegative() throws Exception {
    assertNegative(resolver.resolveReverse(InetAddress.getByName("127.0.0.2")), Resolution.NxDomain.class, "127.in-addr.arpa.");
    assertNegative(resolver.resolve("0.127.in-addr.arpa.", Type.PTR), Resolution.NoData.class, "127.in-addr.arpa.");
    assertNegative(resolver.resolve("1.0.0.127.in-addr.arpa.", Type.A), Resolution.NoData.class, "127.in-addr.arpa.");
    assertNegative(resolver.resolve("x." + V6_LOOPBACK, Type.PTR), Resolution.NxDomain.class, V6_LOOPBACK);
    transport.assertNothingAsked();
  }

  /* ---- RFC 6303 §3, §4, RFC 8375, RFC 6761 §6.4, RFC 7686: empty zones ---- */

  @ParameterizedTest
  @MethodSource("emptyZones")
  @DisplayName("RFC 6303 §3: an empty zone has an SOA and an NS at its apex, NODATA for other types, NXDOMAIN below")
  void emptyZone_answersAsAnEmptyZone(Name apex) {
    String zone = apex.toString();

    assertThat(data(resolver.resolve(apex, Type.SOA))).containsExactly(zone + " 10800 SOA " + UNBOUND_SOA);
    assertThat(data(resolver.resolve(apex, Type.NS))).containsExactly(zone + " 10800 NS localhost.");
    assertNegative(resolver.resolve(apex, Type.A), Resolution.NoData.class, zone);
    assertNegative(resolver.resolve("1.2.3." + zone, Type.PTR), Resolution.NxDomain.class, zone);
    transport.assertNothingAsked();
  }

  static Stream<Name> emptyZones() {
    return Stream.of(SpecialUseName.PRIVATE_REVERSE, SpecialUseName.HOME_ARPA, SpecialUseName.INVALID, SpecialUseName.ONION)
        .flatMap(special -> special.zones().stream());
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "0.1.2.3", "169.254.1.1",
      "192.0.2.1", "198.51.100.1", "203.0.113.1", "255.255.255.255", "100.64.0.1", "100.127.255.255", "::",
      "fd00::1", "fdff::1", "fe80::1", "febf::1", "2001:db8::1"})
  @DisplayName("RFC 6303 §4: the reverse of a private, link-local, documentation or other reserved address is "
      + "negative (NODATA where it is the zone's apex: 255.255.255.255, ::), never leaked")
  void reservedAddress_reverseIsNegativeWithoutQuery(String address) throws Exception {
    Resolution found = resolver.resolveReverse(InetAddress.getByName(address));

    assertThat(found).isInstanceOf(address.equals("255.255.255.255") || address.equals("::")
        ? Resolution.NoData.class : Resolution.NxDomain.class);
    transport.assertNothingAsked();
  }

  @ParameterizedTest
  @ValueSource(strings = {"172.15.0.1", "172.32.0.1", "100.63.0.1", "100.128.0.1", "192.0.3.1", "fc00::1", "fec0::1",
      "2001:db9::1"})
  @DisplayName("RFC 6303 §4: the addresses beside those ranges are the DNS's to answer")
  void addressBesideTheRanges_isAsked(String address) throws Exception {
    resolver.resolveReverse(InetAddress.getByName(address));

    assertThat(transport.asked).isNotEmpty();
  }

  @Test
  @DisplayName("RFC 4035 §2.4: a DS at a served zone's apex is the parent's to answer, asked as Unbound asks it")
  void dsAtAnApex_isAsked() {
    resolver.resolve("home.arpa.", Type.DS);

    assertThat(transport.asked).isNotEmpty();
  }

  /* ---- the user's choice ---- */

  @Test
  @DisplayName("Configurable: without PRIVATE_REVERSE, the reverse of a private address is asked like any other name")
  void privateReverseOff_isAsked() throws Exception {
    try (Resolver plain = resolverWith(transport)
        .specialUseNames(EnumSet.complementOf(EnumSet.of(SpecialUseName.PRIVATE_REVERSE))).build()) {
      plain.resolveReverse(InetAddress.getByName("192.168.1.1"));
      assertThat(plain.resolve("home.arpa.", Type.SOA)).isInstanceOf(Resolution.Answer.class);
    }

    assertThat(transport.asked).extracting(query -> query.getQuestion().getName().toString())
        .isNotEmpty().allMatch(name -> !name.contains("home.arpa"));
  }

  /** The questions a resolver built with it asked; fails every exchange, so nothing is answered by one. */
  static final class NoQueries implements Transport {

    final List<Message> asked = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
      asked.add(query);
      return CompletableFuture.failedFuture(new IOException("no query may leave: " + query.getQuestion()));
    }

    void assertNothingAsked() {
      assertThat(asked).as("queries sent").isEmpty();
    }
  }

  /** A resolver whose every query goes to {@code transport}, with lab root hints on loopback. */
  static ResolverBuilder resolverWith(Transport transport) {
    return Resolver.builder()
        .rootHints(RootHints.of(Map.of(Name.fromConstantString("a.root.lab."), List.of(loopback()))))
        .transport(transport)
        .loopbackOnly();
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByName("127.53.0.1");
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The answer's records as text ({@code owner ttl type rdata}), without the class. */
  static List<String> data(Resolution resolution) {
    assertThat(resolution).isInstanceOf(Resolution.Answer.class);
    return ((Resolution.Answer) resolution).records().stream().map(LocallyServedZonesTest::text).toList();
  }

  private static String text(Record record) {
    return record.getName() + " " + record.getTTL() + " " + Type.string(record.getType()) + " " + record.rdataToString();
  }

  /** A negative answer of {@code kind} with the zone's SOA under the cache's negative cap, as the whole TTL. */
  static void assertNegative(Resolution resolution, Class<? extends Resolution.Negative> kind, String zone) {
    assertThat(resolution).isInstanceOf(kind);
    SOARecord soa = ((Resolution.Negative) resolution).soa();
    assertThat(text(soa)).isEqualTo(zone + " " + NEGATIVE_CAP + " SOA " + UNBOUND_SOA);
    assertThat(resolution.ttl()).isEqualTo(Duration.ofSeconds(NEGATIVE_CAP));
    assertThat(((Resolution.Negative) resolution).nameServers()).isEmpty();
  }
}
