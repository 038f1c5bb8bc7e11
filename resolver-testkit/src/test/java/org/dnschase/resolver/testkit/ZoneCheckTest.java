package org.dnschase.resolver.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Stream;
import org.dnschase.resolver.rules.AliasRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class ZoneCheckTest {

  /**
   * Each rule broken once, from line 15 on. Before that, records that make counting lines hard:
   * a parenthesised SOA over four lines with a ')' inside a comment, a TXT whose quotes hold '('
   * before ';' and an escaped quote before '(' (each would open a group if misread), a blank line
   * and an indented comment line.
   */
  private static final String SEEDED = """
      $ORIGIN seeded.test.
      $TTL 300
      ; every rule broken once, after records that make the line counting work
      @          SOA ns hostmaster (
                     2024010101 ; serial
                     1800       ; refresh ) a parenthesis in a comment does not close the group
                     900 604800 60 )
      @          NS  ns
      ns         A   127.53.9.1
      note       TXT "a ( paren ; and a semicolon" "\\"an escaped quote ( paren"

                 ; an indented comment line holds no record
      www        A   127.0.0.80
      mail       A   127.0.0.25
      @          CNAME www.elsewhere.test.
      both       A   127.0.0.1
      both       CNAME www
      twice      CNAME www
      twice      CNAME mail
      dn         CNAME www
      dn         DNAME target.test.
      sub        NS  alias-ns
      alias-ns   CNAME ns
      @          MX  10 alias-mx
      alias-mx   CNAME mail
      _sip._tcp  SRV 0 0 5060 alias-sip
      alias-sip  CNAME www
      signed     CNAME www
      signed     RRSIG CNAME 8 3 300 20300101000000 20200101000000 12345 seeded.test. AAAA
      signed     NSEC www.seeded.test. CNAME RRSIG NSEC
      """;

  private static final List<?> SEEDED_VIOLATIONS = List.of(
      tuple(15, AliasRule.CNAME_AT_APEX, "seeded.test."),
      tuple(17, AliasRule.CNAME_AND_OTHER_DATA, "both.seeded.test."),
      tuple(19, AliasRule.MULTIPLE_CNAMES, "twice.seeded.test."),
      tuple(21, AliasRule.CNAME_AND_DNAME, "dn.seeded.test."),
      tuple(22, AliasRule.NS_TARGET_IS_ALIAS, "sub.seeded.test."),
      tuple(24, AliasRule.MX_TARGET_IS_ALIAS, "seeded.test."),
      tuple(26, AliasRule.SRV_TARGET_IS_ALIAS, "_sip._tcp.seeded.test."));

  /** Keeps every rule: signed CNAMEs, a repeated RR, targets that are hosts or outside the zone. */
  private static final String CLEAN = """
      $ORIGIN clean.test.
      $TTL 300
      @          SOA ns hostmaster ( 1 1800 900 604800 60 )
      @          NS  ns
      @          NS  ns.elsewhere.test.  ; outside the zone: not checkable without resolving
      @          MX  10 mail
      ns         A   127.53.9.2
      mail       A   127.0.0.25
      www        A   127.0.0.80
      alias      CNAME www
      alias      RRSIG CNAME 8 3 300 20300101000000 20200101000000 12345 clean.test. AAAA
      alias      NSEC www.clean.test. CNAME RRSIG NSEC
      again      CNAME www
      again      CNAME www               ; the same RR twice is one RR
      far        CNAME www.elsewhere.test.
      old        A   127.0.0.9
      old        DNAME new.clean.test.   ; a DNAME may stand beside data other than a CNAME
      _sip._tcp  SRV 0 0 5060 www
      sub        NS  ns.sub
      ns.sub     A   127.53.9.3
      """;

  private static List<?> summary(List<ZoneViolation> violations) {
    return violations.stream().map(v -> tuple(v.line(), v.kind(), v.name().toString())).toList();
  }

  private static ZoneViolation only(List<ZoneViolation> violations, AliasRule kind) {
    return violations.stream().filter(v -> v.kind() == kind).findFirst().orElseThrow();
  }

  /* ---- the seeded zone ---- */

  @Test
  @DisplayName("RFC 1034 §3.6.2, RFC 2181 §10, RFC 1912 §2.4, RFC 6672 §2.4, RFC 2782: every"
      + " seeded violation, each at its line, RRSIG and NSEC beside a CNAME allowed (RFC 4035 §2.5)")
  void seededZone_listsEveryViolationWithItsLine() {
    assertThat(summary(ZoneCheck.check(SEEDED))).isEqualTo(SEEDED_VIOLATIONS);
  }

  @Test
  @DisplayName("RFC 2181 §10.1: a conflict is reported at the later record, naming the earlier line")
  void seededZone_detailsNameTheOtherLine() {
    List<ZoneViolation> violations = ZoneCheck.check(SEEDED);

    assertThat(only(violations, AliasRule.CNAME_AND_OTHER_DATA).detail())
        .isEqualTo("CNAME beside the A at line 16");
    assertThat(only(violations, AliasRule.MULTIPLE_CNAMES).detail()).contains("line 18");
    assertThat(only(violations, AliasRule.CNAME_AND_DNAME).detail())
        .isEqualTo("DNAME beside the CNAME at line 20");
    assertThat(only(violations, AliasRule.CNAME_AT_APEX).detail()).contains("SOA at line 4");
    assertThat(only(violations, AliasRule.NS_TARGET_IS_ALIAS).detail())
        .contains("alias-ns.seeded.test.", "line 23");
  }

  @Test
  @DisplayName("RFC 1035 §5.1: CRLF line ends count like LF")
  void crlfLineEnds_giveTheSameLines() {
    assertThat(summary(ZoneCheck.check(SEEDED.replace("\n", "\r\n")))).isEqualTo(SEEDED_VIOLATIONS);
  }

  /* ---- clean zones ---- */

  @Test
  @DisplayName("RFC 4035 §2.5, RFC 2181 §5: a clean zone, signed CNAMEs and a repeated RR included,"
      + " has no violation")
  void cleanZone_hasNoViolation() {
    assertThat(ZoneCheck.check(CLEAN)).isEmpty();
  }

  @Test
  @DisplayName("The testkit's standard hierarchy keeps every rule (its loops and dangling CNAMEs"
      + " are legal)")
  void standardHierarchy_isClean() {
    Stream.of(StandardHierarchy.ROOT, StandardHierarchy.TEST, StandardHierarchy.SHARED,
        StandardHierarchy.EXAMPLE).forEach(zone -> assertThat(ZoneCheck.check(zone)).isEmpty());
  }

  /* ---- single rules ---- */

  @Test
  @DisplayName("RFC 1034 §3.6.2: data after a CNAME is reported at the data; owner names ignore case"
      + " (RFC 4343)")
  void dataAfterCname_isReportedAtTheData() {
    String text = """
        @    SOA ns hostmaster 1 1800 900 604800 60
        @    NS  ns
        ns   A   127.53.9.1
        WWW  CNAME ns
        www  TXT "late"
        """;

    assertThat(ZoneCheck.check(Name.fromConstantString("given.test."), text))
        .containsExactly(new ZoneViolation(5, AliasRule.CNAME_AND_OTHER_DATA,
            Name.fromConstantString("www.given.test."), "TXT beside the CNAME at line 4"));
  }

  /* ---- refused input ---- */

  @Test
  @DisplayName("$GENERATE is refused: one line makes many records, which cannot be told by line")
  void generate_isRefused() {
    String text = "$ORIGIN g.test.\n@ SOA ns hostmaster 1 2 3 4 5\n$GENERATE 1-3 host$ A 127.0.0.$\n";

    assertThatThrownBy(() -> ZoneCheck.check(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$GENERATE at line 3");
  }

  @Test
  @DisplayName("$INCLUDE is refused: the text is the whole zone")
  void include_isRefused() {
    assertThatThrownBy(() -> ZoneCheck.check(Name.fromConstantString("x.test."), "$INCLUDE a.zone\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$INCLUDE at line 1");
  }

  @Test
  @DisplayName("RFC 1035 §5.1: a zone with no origin is refused like TestHierarchy refuses it")
  void noOrigin_isRefused() {
    assertThatThrownBy(() -> ZoneCheck.check("@ SOA ns hostmaster 1 2 3 4 5\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$ORIGIN");
  }

  /* ---- the hierarchy warns ---- */

  @Test
  @DisplayName("TestHierarchy logs one WARN per violation and still serves the zone")
  void hierarchy_warnsPerViolationAndServes() {
    TestHierarchy.Builder builder = TestHierarchy.builder();
    List<String> warnings = stderrLinesOf(() -> builder.zone(SEEDED));

    assertThat(warnings).zipSatisfy(ZoneCheck.check(SEEDED), (line, violation) ->
        assertThat(line).contains("WARN", "zone seeded.test.").endsWith(violation.toString()));
    assertThat(warnings).hasSize(SEEDED_VIOLATIONS.size());
    try (TestHierarchy dns = builder.build()) {
      assertThat(dns.serversFor(Name.fromConstantString("seeded.test."))).hasSize(1);
    }
  }

  @Test
  @DisplayName("TestHierarchy logs nothing for a clean zone")
  void hierarchy_isQuietOnACleanZone() {
    assertThat(stderrLinesOf(() -> TestHierarchy.builder().zone(CLEAN))).isEmpty();
  }

  /**
   * What TestHierarchy logged while {@code action} ran: slf4j-simple, the test binding, writes to
   * whatever {@code System.err} is at the time of each call.
   */
  private static List<String> stderrLinesOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return bytes.toString(UTF_8).lines()
        .filter(line -> line.contains(TestHierarchy.class.getName())).toList();
  }

  @Test
  void backslashBeforeLineEnd_continuesTheRecord_asDnsjavaReadsIt() {
    String zone = """
        $ORIGIN split.test.
        @      SOA ns hostmaster 1 1800 900 604800 60
        @      NS  ns
        ns     A   127.53.9.1
        note   TXT "one string \\
        over two lines"
        both   A   127.0.0.1
        both   CNAME ns
        """;

    assertThat(ZoneCheck.check(zone)).extracting(ZoneViolation::line).containsExactly(8);
  }
}
