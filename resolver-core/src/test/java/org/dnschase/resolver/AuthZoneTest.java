package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnschase.resolver.reply.ReplyPolicy;
import org.dnschase.resolver.zones.AuthZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * {@link AuthZone}: the resolver holds lab.'s data itself (a private view of it, as split DNS
 * gives) and answers its names from that data without a query, as the zone's authoritative server
 * would (RFC 1034 §4.3.2): data, aliases, NXDOMAIN and NODATA with its SOA (RFC 2308 §3), and
 * referrals to the zones it delegates, whose servers are asked. alpha.lab. stays delegated to its
 * lab server; the lab's own lab. server is never asked.
 */
class AuthZoneTest extends ChainLabTest {

  private static final String LAB = """
      $ORIGIN lab.
      @        3600 SOA ns hostmaster 7 3600 600 86400 300
      @        3600 NS  ns
      ns       3600 A   10.0.0.1
      printer  3600 A   192.168.1.20
      scanner  3600 CNAME printer
      outside  3600 CNAME final.alpha.lab.
      alpha    3600 NS  ns.alpha
      ns.alpha 3600 A   127.53.10.1
      """;

  private Resolver withAuthZone() {
    return ChainLab.resolverFor(lab).authZone(AuthZone.parse("lab.", LAB)).build();
  }

  @Test
  @DisplayName("An auth zone answers its names from its data, with no query sent")
  void authZone_answersItsNamesWithNoQuery() {
    try (Resolver resolver = withAuthZone()) {
      Resolution result = resolver.resolve("printer.lab.", Type.A);

      assertThat(result).isInstanceOfSatisfying(Resolution.Answer.class,
          answer -> assertThat(answer.records()).singleElement().satisfies(record ->
              assertThat(((ARecord) record).getAddress().getHostAddress()).isEqualTo("192.168.1.20")));
      assertThat(lab.queries()).isEmpty();
    }
  }

  @Test
  @DisplayName("An alias inside the auth zone is followed in its data, with no query sent")
  void authZone_followsItsOwnAliases() {
    try (Resolver resolver = withAuthZone()) {
      Resolution result = resolver.resolve("scanner.lab.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(result.chain()).singleElement().satisfies(hop ->
          assertThat(hop.target()).isEqualTo(Name.fromConstantString("printer.lab.")));
      assertThat(lab.queries()).isEmpty();
    }
  }

  @Test
  @DisplayName("The auth zone's delegations are followed: the child's servers are asked, never the public parent's")
  void authZone_delegationsAreFollowed() {
    try (Resolver resolver = withAuthZone()) {
      Resolution result = resolver.resolve("outside.lab.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(lab.queries()).isNotEmpty()
          .allSatisfy(query -> assertThat(query.server().getHostAddress()).isEqualTo(ChainLab.ALPHA));
    }
  }

  @Test
  @DisplayName("A name the auth zone lacks is NXDOMAIN, a type it lacks NODATA, each with the zone's SOA, no query sent")
  void authZone_negativeAnswersCarryItsSoa() {
    try (Resolver resolver = withAuthZone()) {
      Resolution missingName = resolver.resolve("fax.lab.", Type.A);
      Resolution missingType = resolver.resolve("printer.lab.", Type.AAAA);

      assertThat(missingName).isInstanceOfSatisfying(Resolution.NxDomain.class, nx -> {
        assertThat(nx.soa().getName()).isEqualTo(Name.fromConstantString("lab."));
        assertThat(nx.soa().getSerial()).isEqualTo(7);
      });
      assertThat(missingType).isInstanceOfSatisfying(Resolution.NoData.class,
          noData -> assertThat(noData.soa().getName()).isEqualTo(Name.fromConstantString("lab.")));
      assertThat(lab.queries()).isEmpty();
    }
  }

  @Test
  @DisplayName("The private-address filter spares the auth zone's own data: split DNS serves private addresses")
  void privateAddressFilter_sparesTheAuthZonesData() {
    try (Resolver resolver = ChainLab.resolverFor(lab).authZone(AuthZone.parse("lab.", LAB))
        .replyPolicy(ReplyPolicy.defaults().withPrivateAddresses(List.of("192.168.0.0/16"), List.of())).build()) {
      assertThat(resolver.resolve("printer.lab.", Type.A)).isInstanceOf(Resolution.Answer.class);
    }
  }

  @Test
  @DisplayName("A zone file is read from disk; a malformed one is refused naming the file and the line")
  void zoneFile_malformedLine_isNamed(@TempDir Path dir) throws IOException {
    Path good = Files.writeString(dir.resolve("lab.zone"), LAB);
    Path bad = Files.writeString(dir.resolve("bad.zone"), LAB.replace("10.0.0.1", "10.0.0.300"));

    assertThat(AuthZone.fromFile("lab.", good).records()).hasSize(8);
    assertThatThrownBy(() -> AuthZone.fromFile("lab.", bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed zone file " + bad + " of lab., line 4: ");
    assertThatThrownBy(() -> AuthZone.fromFile("lab.", dir.resolve("none.zone")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("zone file " + dir.resolve("none.zone") + " of lab. does not exist");
    assertThatThrownBy(() -> AuthZone.fromFile("lab.", dir))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("zone file " + dir + " of lab. cannot be read: ");
  }

  @Test
  @DisplayName("Zone data in code that does not parse is refused naming the line; a zone without SOA, or with data outside it, too")
  void zoneText_errorsAreNamed() throws Exception {
    assertThatThrownBy(() -> AuthZone.parse("lab.", "@ 3600 SOA ns hostmaster 1 2 3 4 5\n@ 3600 NS ns\nns 3600 A x\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zone data of lab., line 3");
    assertThatThrownBy(() -> AuthZone.parse("lab.", "@ 3600 NS ns\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auth zone lab.").hasMessageContaining("SOA");
    ARecord outside = new ARecord(Name.fromConstantString("www.example."), 1, 3600, InetAddress.getByName("192.0.2.1"));
    assertThatThrownBy(() -> new AuthZone(Name.fromConstantString("lab."),
        List.of(AuthZone.parse("lab.", LAB).records().get(0), outside)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auth zone lab.: the A record of www.example. is outside the zone");
    ARecord chaos = new ARecord(Name.fromConstantString("www.lab."), DClass.CH, 3600, InetAddress.getByName("192.0.2.1"));
    assertThatThrownBy(() -> new AuthZone(Name.fromConstantString("lab."),
        List.of(AuthZone.parse("lab.", LAB).records().get(0), chaos)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auth zone lab.: the A record of www.lab. is of class CH, not IN");
  }
}
