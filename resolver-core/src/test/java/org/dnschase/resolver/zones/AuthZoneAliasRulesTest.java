package org.dnschase.resolver.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dnschase.resolver.Resolver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An auth zone is data its operator wrote, answered as its own server would answer it; data that
 * breaks the alias rules has no right answer, so the zone is refused where it is given, naming the
 * owner and the rule, as NSD's and BIND's zone loaders refuse it (a served zone is not a remote
 * server's reply, which the resolver survives and reports).
 */
class AuthZoneAliasRulesTest {

  /** The apex and a name server's address, as the malformed-text cases start from. */
  private static final String APEX = AuthZoneMalformedTextTest.APEX;

  @Test
  @DisplayName("RFC 1034 §3.6.2, RFC 2181 §10.1: a CNAME beside other data refuses the zone, naming the owner and the rule")
  void cnameBesideOtherData_refusesTheZone() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Resolver.builder().authZone(AuthZone.parse("corp.lab.", APEX + """
            www CNAME ns
            www A     192.0.2.2
            """)))
        .withMessage("auth zone corp.lab.: www.corp.lab. has a CNAME beside other data (A), which RFC 1034 §3.6.2 "
            + "and RFC 2181 §10.1 forbid: the name would answer as an alias and as itself");
  }

  @Test
  @DisplayName("RFC 2181 §10.1: a CNAME at the apex, where the SOA and NS set must be, refuses the zone")
  void cnameAtTheApex_refusesTheZone() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AuthZone.parse("corp.lab.", APEX + "@ CNAME elsewhere.lab.\n"))
        .withMessageStartingWith("auth zone corp.lab.: corp.lab. has a CNAME at the zone's apex, beside its SOA "
            + "and NS set (RFC 2181 §10.1)");
  }

  @Test
  @DisplayName("RFC 6672 §2.4, §5.2: a CNAME and a DNAME at one owner refuse the zone")
  void cnameBesideDname_refusesTheZone() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AuthZone.parse("corp.lab.", APEX + """
            old DNAME new.lab.
            old CNAME ns
            """))
        .withMessageStartingWith("auth zone corp.lab.: old.corp.lab. has a CNAME beside a DNAME (RFC 6672 §2.4");
  }

  @Test
  @DisplayName("RFC 2181 §10.1: two CNAMEs to different targets at one name refuse the zone, naming both targets")
  void twoCnames_refuseTheZone() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AuthZone.parse("corp.lab.", APEX + """
            www CNAME ns
            www CNAME mail
            """))
        .withMessageStartingWith("auth zone corp.lab.: www.corp.lab. has two CNAMEs, to ns.corp.lab. and to "
            + "mail.corp.lab.");
  }

  @Test
  @DisplayName("RFC 6672 §2.4: data below a DNAME, which the DNAME hides from every question, refuses the zone, as NSD "
      + "refuses it")
  void dataBelowADname_refusesTheZone() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AuthZone.parse("corp.lab.", APEX + """
            old      DNAME new.lab.
            www.old  A     192.0.2.2
            """))
        .withMessageStartingWith("auth zone corp.lab.: www.old.corp.lab. lies below the DNAME of old.corp.lab.");
  }

  @Test
  @DisplayName("What the rules allow loads: a CNAME with its RRSIG and NSEC (RFC 4035 §2.5), one CNAME written "
      + "twice (RFC 2181 §5), a DNAME beside other data at its owner (RFC 6672 §2.4)")
  void whatTheRulesAllow_loads() {
    AuthZone zone = AuthZone.parse("corp.lab.", APEX + """
        old DNAME new.lab.
        old TXT   "moved"
        www CNAME ns
        www CNAME ns
        www RRSIG CNAME 13 3 300 20300101000000 20200101000000 1 corp.lab. AAAA
        www NSEC  ns CNAME RRSIG NSEC
        """);

    assertThat(zone.records()).hasSize(9);
  }

  @Test
  @DisplayName("A zone file that breaks the alias rules is refused naming the file, the owner and the rule")
  void zoneFile_breakingTheRules_namesTheFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("corp.zone"), APEX + "www CNAME ns\nwww TXT \"hello\"\n");

    assertThatIllegalArgumentException().isThrownBy(() -> AuthZone.fromFile("corp.lab.", file))
        .withMessageStartingWith("zone file " + file + ": auth zone corp.lab.: www.corp.lab. has a CNAME beside "
            + "other data (TXT)");
  }
}
