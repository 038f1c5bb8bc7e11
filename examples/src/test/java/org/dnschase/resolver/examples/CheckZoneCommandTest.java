package org.dnschase.resolver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bin/checkzone FILE [ORIGIN]} over zone files that each break one CNAME rule, a clean one,
 * and files it cannot check: the output lines scripts read and the exit codes.
 */
class CheckZoneCommandTest {

  /** The apex of every zone here, on lines 1 to 5 (SOA on 3): the records after it start on line 6. */
  private static final String APEX = """
      $ORIGIN example.test.
      $TTL 300
      @        SOA ns hostmaster 1 1800 900 604800 60
      @        NS  ns
      ns       A   192.0.2.53
      """;

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  private Run checkzone(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = CheckZoneCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String zoneFile(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text).toString();
  }

  /* ---- one file per rule ---- */

  static Stream<Arguments> brokenZones() {
    return Stream.of(
        Arguments.of("RFC 1034 §3.6.2: CNAME and other data", """
            www      CNAME host
            www      TXT   "beside the alias"
            host     A     192.0.2.1
            """, "7: CNAME_AND_OTHER_DATA www.example.test.: TXT beside the CNAME at line 6"),
        Arguments.of("RFC 1912 §2.4: CNAME at the apex", """
            @        CNAME elsewhere.test.
            """, "6: CNAME_AT_APEX example.test.: CNAME to elsewhere.test. at the apex of"
            + " example.test., beside the SOA at line 3"),
        Arguments.of("RFC 6672 §2.4: CNAME and DNAME", """
            old      DNAME new.example.test.
            old      CNAME host
            host     A     192.0.2.1
            """, "7: CNAME_AND_DNAME old.example.test.: CNAME beside the DNAME at line 6"),
        Arguments.of("RFC 2181 §10.1: two CNAMEs", """
            www      CNAME host
            www      CNAME other
            host     A     192.0.2.1
            other    A     192.0.2.2
            """, "7: MULTIPLE_CNAMES www.example.test.: a second CNAME, to other.example.test.;"
            + " the CNAME at line 6 points to host.example.test."),
        Arguments.of("RFC 2181 §10.3: MX target is an alias", """
            @        MX    10 mail
            mail     CNAME host
            host     A     192.0.2.1
            """, "6: MX_TARGET_IS_ALIAS example.test.: MX target mail.example.test. is an alias:"
            + " its CNAME at line 7 points to host.example.test."),
        Arguments.of("RFC 2181 §10.3: NS target is an alias", """
            sub      NS    nsalias
            nsalias  CNAME ns
            """, "6: NS_TARGET_IS_ALIAS sub.example.test.: NS target nsalias.example.test. is an"
            + " alias: its CNAME at line 7 points to ns.example.test."),
        Arguments.of("RFC 2782: SRV target is an alias", """
            _sip._tcp SRV  0 0 5060 sip
            sip      CNAME host
            host     A     192.0.2.1
            """, "6: SRV_TARGET_IS_ALIAS _sip._tcp.example.test.: SRV target sip.example.test. is"
            + " an alias: its CNAME at line 7 points to host.example.test."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenZones")
  void zoneBreakingARule_printsFileLineKindDetail_exits1(String rule, String records, String expected)
      throws IOException {
    String file = zoneFile("broken.zone", APEX + records);

    Run run = checkzone(file);

    assertThat(run.code()).isEqualTo(CheckZoneCommand.VIOLATIONS);
    assertThat(run.out()).isEqualTo(file + ":" + expected + "\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void everyViolation_oneLineEach_inLineOrder() throws IOException {
    String file = zoneFile("two.zone", APEX + """
        @        MX    10 mail
        mail     CNAME host
        mail     A     192.0.2.9
        host     A     192.0.2.1
        """);

    Run run = checkzone(file);

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out().lines()).extracting(line -> line.substring(0, line.indexOf(" ")))
        .containsExactly(file + ":6:", file + ":8:");
  }

  /* ---- a clean zone, and the origin ---- */

  @Test
  @DisplayName("RFC 4035 §2.5: a clean zone, with a signed CNAME, prints OK and exits 0")
  void cleanZone_printsOk_exits0() throws IOException {
    String file = zoneFile("clean.zone", APEX + """
        @        MX    10 host
        www      CNAME host
        www      RRSIG CNAME 8 3 300 20300101000000 20200101000000 12345 example.test. AAAA
        www      NSEC  host.example.test. CNAME RRSIG NSEC
        host     A     192.0.2.1
        """);

    Run run = checkzone(file);

    assertThat(run.code()).isEqualTo(CheckZoneCommand.CLEAN);
    assertThat(run.out()).isEqualTo(file + ": OK\n");
  }

  @Test
  void originArgument_isTheZonesName_relativeOrAbsolute() throws IOException {
    String file = zoneFile("noorigin.zone", """
        $TTL 300
        @        SOA ns hostmaster 1 1800 900 604800 60
        @        NS  ns
        @        CNAME elsewhere.test.
        ns       A   192.0.2.53
        """);

    assertThat(checkzone(file, "example.test").out()).startsWith(file + ":4: CNAME_AT_APEX example.test.:");
    assertThat(checkzone(file, "example.test.").code()).isEqualTo(1);
  }

  /* ---- what cannot be checked: exit 2, saying why ---- */

  @Test
  void unparsableRecord_namesFileAndLine_exits2() throws IOException {
    String file = zoneFile("bad.zone", APEX + "www      A     192.0.2.999\n");

    Run run = checkzone(file);

    assertThat(run.code()).isEqualTo(CheckZoneCommand.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("checkzone: " + file + ":6: Invalid address: 192.0.2.999")
        .contains("zone example.test.");
  }

  @Test
  void controlCharacters_inALineOrAnArgument_areEscapedOnce_exits2() throws IOException {
    String file = zoneFile("escape.zone", APEX + "www      A     192.0.2.\u001b[31m\n");

    Run line = checkzone(file);
    Run origin = checkzone(file, "a\u0001..b.");

    assertThat(line.code()).isEqualTo(CheckZoneCommand.USAGE);
    assertThat(line.err()).startsWith("checkzone: " + file + ":6: Invalid address: 192.0.2.\\x1b[31m")
        .doesNotContain("\u001b", "\\\\x1b");
    assertThat(origin.code()).isEqualTo(CheckZoneCommand.USAGE);
    assertThat(origin.err()).startsWith("checkzone: ORIGIN 'a\\x01..b.' is not a domain name")
        .doesNotContain("\u0001", "\\\\x01");
  }

  @Test
  void zoneWithoutOrigin_saysHowToGiveOne_exits2() throws IOException {
    String file = zoneFile("relative.zone", "www 300 A 192.0.2.1\n");

    Run run = checkzone(file);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("checkzone: " + file + ":").contains("SOA");
  }

  @Test
  void generateDirective_isRefusedByLine_exits2() throws IOException {
    String file = zoneFile("generate.zone", APEX + "$GENERATE 1-3 host$ A 192.0.2.$\n");

    Run run = checkzone(file);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("checkzone: " + file + ": $GENERATE at line 6");
  }

  @Test
  void missingFile_exits2() {
    String file = dir.resolve("absent.zone").toString();

    Run run = checkzone(file);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("checkzone: " + file + ": cannot read: no such file\n");
  }

  @Test
  void badOrigin_exits2() throws IOException {
    String file = zoneFile("clean.zone", APEX);

    Run run = checkzone(file, "bad..origin");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("checkzone: ORIGIN 'bad..origin' is not a domain name");
  }

  @Test
  void wrongArguments_printUsage_exit2() {
    assertThat(checkzone().code()).isEqualTo(2);
    assertThat(checkzone("a", "b", "c").err()).contains("Usage: bin/checkzone FILE [ORIGIN]");
    assertThat(checkzone("--verbose").code()).isEqualTo(2);
  }

  @Test
  void help_printsUsageWithEveryRule_exits0() {
    Run run = checkzone("--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("Usage: bin/checkzone FILE [ORIGIN]")
        .contains("CNAME_AND_OTHER_DATA, MULTIPLE_CNAMES,").contains("SRV_TARGET_IS_ALIAS");
  }

  @Test
  void directory_cannotBeRead_exits2() {
    Run run = checkzone(dir.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("checkzone: " + dir + ": cannot read: ");
  }
}
