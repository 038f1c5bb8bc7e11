package org.dnschase.resolver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/resolve} against the demo's DNS tree on loopback: the JSON schema scripts rely on,
 * batches with a shared or a cold cache, the human output with its trace. Every run passes the
 * lab's root hints, its port and {@code --loopback-only}, so no query can leave the machine.
 */
class ResolveCommandTest {

  @TempDir
  static Path dir;
  @Lab("DemoHierarchy#start") static TestHierarchy lab;
  static Path hints;

  @BeforeAll
  static void startLab() throws IOException {
    hints = Files.writeString(dir.resolve("root.hints"), lab.rootHintsText());
  }

  /* ---- --json ---- */

  @Test
  void json_fourHopChain_printsTheWholeSchemaOnOneLine() {
    Run run = resolve("", "--json", "www.shop.example.", "A");

    assertThat(run.code()).isZero();
    assertThat(run.lines()).hasSize(1);
    Map<String, Object> json = Json.object(run.lines().get(0));
    assertThat(json).containsOnlyKeys("qname", "qtype", "status", "kind", "reason", "security", "bogusReason",
        "answer", "ttl", "chain", "diagnostics", "upstreamQueries", "elapsedMicros");
    assertThat(json).containsEntry("qname", "www.shop.example.").containsEntry("qtype", "A")
        .containsEntry("status", "NOERROR").containsEntry("kind", "answer")
        .containsEntry("reason", null).containsEntry("security", "INDETERMINATE").containsEntry("bogusReason", null)
        .containsEntry("ttl", 60L);
    // which diagnostics a clean tree yields is the core's business; their shape is the contract
    assertThat(ResolveCommandTest.<Map<String, Object>>list(json, "diagnostics"))
        .allSatisfy(diagnostic -> assertThat(diagnostic).containsOnlyKeys("kind", "detail"));
    assertThat(chain(json)).containsExactly(
        hop("www.shop.example.", "shop.cdn.test.", 300),
        hop("shop.cdn.test.", "shop.edge.example.", 120),
        hop("shop.edge.example.", "pool-7.origin.test.", 60),
        hop("pool-7.origin.test.", "web.shop.example.", 200));
    assertThat(list(json, "answer")).hasSize(6)
        .startsWith("www.shop.example. 300 IN CNAME shop.cdn.test.")
        .contains("web.shop.example. 3600 IN A 192.0.2.80", "web.shop.example. 3600 IN A 192.0.2.81");
    assertThat((Long) json.get("upstreamQueries")).isPositive();
    assertThat((Long) json.get("elapsedMicros")).isPositive();
  }

  @Test
  void json_aliasToMissingName_isNxDomainWithItsChain() {
    Map<String, Object> json = resolveJson("old.shop.example.");

    assertThat(json).containsEntry("status", "NXDOMAIN").containsEntry("kind", "nxdomain")
        .containsEntry("reason", null)
        .containsEntry("answer", List.of("old.shop.example. 600 IN CNAME retired.cdn.test."));
    assertThat(chain(json)).containsExactly(hop("old.shop.example.", "retired.cdn.test.", 600));
  }

  @Test
  void json_cnameLoop_isServfailWithReasonLoop() {
    Map<String, Object> json = resolveJson("loop.shop.example.");

    assertThat(json).containsEntry("status", "SERVFAIL").containsEntry("kind", "failure")
        .containsEntry("reason", "LOOP").containsEntry("ttl", 0L);
    assertThat(chain(json)).isNotEmpty();
  }

  @Test
  void json_nameWithoutTheType_isNoData() {
    Map<String, Object> json = resolveJson("www.shop.example.", "AAAA");

    assertThat(json).containsEntry("qtype", "AAAA").containsEntry("status", "NOERROR")
        .containsEntry("kind", "nodata").containsEntry("reason", null);
    assertThat(list(json, "answer")).hasSize(4);
  }

  @Test
  void maxHops_belowTheChain_isHopLimit() {
    Map<String, Object> json = resolveJson("--max-hops", "2", "www.shop.example.");

    assertThat(json).containsEntry("kind", "failure").containsEntry("reason", "HOP_LIMIT");
  }

  @Test
  void jsonWithTrace_addsTheExchanges() {
    Map<String, Object> json = resolveJson("--trace", "www.shop.example.");

    List<Map<String, Object>> trace = list(json, "trace");
    assertThat(trace).isNotEmpty();
    assertThat(trace.get(0)).containsEntry("event", "exchange")
        .containsEntry("server", "127.53.0.1#" + lab.port()).containsEntry("zone", ".")
        .containsKeys("name", "type", "outcome", "rttMicros");
  }

  /* ---- --batch ---- */

  @Test
  void batch_sharedCache_secondLineCostsNoQueries() {
    Run run = resolve("www.shop.example. A\n\n# comment\nwww.shop.example. A\n", "--json", "--batch");

    assertThat(run.code()).isZero();
    assertThat(run.lines()).hasSize(2);
    assertThat(Json.object(run.lines().get(0)).get("upstreamQueries")).isNotEqualTo(0L);
    assertThat(Json.object(run.lines().get(1))).containsEntry("upstreamQueries", 0L)
        .containsEntry("kind", "answer");
  }

  @Test
  void batch_cold_everyLineAsksUpstream() {
    Run run = resolve("www.shop.example. A\nwww.shop.example. A\n", "--json", "--batch", "--cold");

    assertThat(run.code()).isZero();
    assertThat(run.lines()).hasSize(2);
    for (String line : run.lines()) {
      assertThat((Long) Json.object(line).get("upstreamQueries")).isPositive();
    }
  }

  @Test
  void batch_badLine_isReportedAndTheOthersStillResolve() {
    Run run = resolve("www.shop.example. BOGUS\nold.shop.example.\n", "--json", "--batch");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("line 1", "unknown TYPE 'BOGUS'");
    Run unicode = resolve("b\u00fccher.shop.example.\n", "--json", "--batch");
    assertThat(unicode.code()).isEqualTo(2);
    assertThat(unicode.err()).contains("line 1", "is not ASCII");
    assertThat(unicode.lines()).isEmpty();
    assertThat(run.lines()).singleElement().satisfies(line ->
        assertThat(Json.object(line)).containsEntry("kind", "nxdomain"));
  }

  /* ---- human output ---- */

  @Test
  void plain_printsHopsAndAnswer() {
    Run run = resolve("", "www.shop.example.");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("? www.shop.example. A", "hop 4 ",
        "ANSWER web.shop.example. A 192.0.2.80", "effective ttl=60s", "elapsed")
        .doesNotContain("> www.shop.example.");
  }

  @Test
  void trace_printsEveryExchangeWithServerZoneAndRtt() {
    Run run = resolve("", "--trace", "www.shop.example.", "A");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("> example. NS @127.53.0.1#" + lab.port() + " zone .: REFERRAL",
        "> web.shop.example. A @127.53.10.1#" + lab.port() + " zone shop.example.: ", " ms)");
  }

  @Test
  void noQmin_asksTheRootTheFullName() {
    Run run = resolve("", "--trace", "--no-qmin", "www.shop.example.", "A");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("> www.shop.example. A @127.53.0.1#" + lab.port() + " zone .: REFERRAL")
        .doesNotContain("> example. NS");
  }

  /* ---- usage ---- */

  @Test
  void help_explainsTheOptionsAndExitsZero() {
    Run run = run("", "--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("--root-hints FILE", "--batch", "--cold",
        "--no-qmin          turn off QNAME minimisation");
  }

  @Test
  void upstreamPort_isTheSameOptionAsPort_asBinServeSpellsIt() {
    Run run = run("", "--root-hints", hints.toString(), "--upstream-port", String.valueOf(lab.port()),
        "--loopback-only", "--json", "www.shop.example.", "A");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Json.object(run.lines().get(0))).containsEntry("status", "NOERROR");
    assertUsage(run("", "--loopback-only", "--upstream-port", "0", "x.example."),
        "--upstream-port needs a whole number from 1 to 65535, got '0'");
  }

  @Test
  void badUsage_exitsTwoWithAMessage() {
    assertUsage(run(""), "missing NAME");
    assertUsage(resolve("", "--frobnicate", "x.example."), "unknown option '--frobnicate'");
    assertUsage(run("", "--loopback-only", "--port", "dns", "x.example."), "--port needs a whole number");
    assertUsage(run("", "--loopback-only", "--port", "70000", "x.example."),
        "--port needs a whole number from 1 to 65535, got '70000'");
    assertUsage(resolve("", "x.example.", "BOGUS"), "unknown TYPE 'BOGUS'");
    assertUsage(resolve("", "x.example.", "AXFR"), "not a type that can be queried");
    // RFC 1035 §5.1, RFC 5890 §2.3.2.1: the resolver's rule for names as text, not dnsjava's octet per character
    assertUsage(resolve("", "a..example."), "malformed name 'a..example.'");
    // a name's own escapes (RFC 1035 §5.1) read as written: the resolver's message escapes what it
    // quotes, once, and the command prints it as it is
    assertUsage(resolve("", "a\\.b..example."), "malformed name 'a\\.b..example.'");
    assertUsage(resolve("", "b\u00fccher.example."),
        "malformed name 'b\u00fccher.example.': '\u00fc' at 1 is not ASCII");
    assertUsage(resolve("", "a.example.", "A", "extra"), "expected NAME [TYPE]");
    assertUsage(resolve("", "--batch", "x.example."), "--batch reads names from stdin");
    assertUsage(resolve("", "--timeout"), "--timeout needs a value");
    assertUsage(run("", "--loopback-only", "--root-hints", dir.resolve("none").toString(), "x.example."),
        "--root-hints: cannot read");
  }

  @Test
  void outsideTextInAMessage_isEscaped_andAnEmptyOrDirectoryFileIsNamed() throws IOException {
    // an argument or a file's line echoed raw could move or recolour the terminal it is printed on
    Run type = resolve("", "x.example.", "A\u001b[31m");
    assertUsage(type, "unknown TYPE 'A\\x1b[31m'");
    assertThat(type.err()).doesNotContain("\u001b");
    Path badHints = Files.writeString(dir.resolve("escape.hints"), ". 3600 NS a.\na. 3600 A 1.2.3.\u001b[31m\n");
    Run hints = run("", "--loopback-only", "--root-hints", badHints.toString(), "x.example.");
    assertThat(hints.err()).contains("line 2: Invalid address: 1.2.3.\\x1b[31m").doesNotContain("\u001b");
    // an empty value names the working directory, which the reader then calls "Is a directory"
    assertUsage(resolve("", "--root-hints", "", "x.example."), "--root-hints needs a value, got ''");
    assertUsage(resolve("", "--trust-anchor", "", "x.example."), "--trust-anchor needs a value, got ''");
    assertUsage(run("", "--loopback-only", "--root-hints", dir.toString(), "x.example."),
        "--root-hints: cannot read " + dir + ": Is a directory");
  }

  @Test
  @DisplayName("a bad name is quoted escaped once, where the resolver quotes it: a control character as \\x01, a "
      + "backslash before an x doubled, an invisible character beyond ASCII as \\x{202e}; the command adds none")
  void badName_isEscapedOnce() {
    Run control = resolve("", "a\u0001b.example.");
    assertUsage(control, "malformed name 'a\\x01b.example.': U+0001 at 1 is a space or a control character");
    assertThat(control.err()).doesNotContain("\u0001", "\\\\x01");
    // a backslash that could read as the start of an escape is doubled, so what was typed reads back
    assertUsage(resolve("", "a\\x\u0001.example."), "malformed name 'a\\\\x\\x01.example.'");
    Run hidden = resolve("", "a\u202eb.example.");
    assertUsage(hidden, "malformed name 'a\\x{202e}b.example.': '\\x{202e}' at 1 is not ASCII");
    assertThat(hidden.err()).doesNotContain("\u202e", "\\\\x{202e}");
    // a batch line, and the command's own message quoting one, the same
    Run batch = resolve("a\u0001b.example.\nx y\u0001 z\n", "--batch");
    assertThat(batch.err()).contains("resolve: line 1: malformed name 'a\\x01b.example.'",
        "resolve: line 2: expected NAME [TYPE], got 'x y\\x01 z'").doesNotContain("\u0001", "\\\\x01");
  }

  @Test
  void optionOfOneValueTwice_exitsTwoNamingItAndTheFirstValue() {
    // --upstream-port is --port spelled as bin/serve spells it: one option, whichever spelling comes second
    assertUsage(resolve("", "--upstream-port", "5353", "x.example."),
        "--upstream-port was already given as " + lab.port() + ": give it once");
    assertUsage(resolve("", "--timeout", "100", "--timeout", "200", "x.example."),
        "--timeout was already given as 100: give it once");
    assertUsage(resolve("", "--root-hints", "other.hints", "x.example."),
        "--root-hints was already given as " + hints + ": give it once");
  }

  private static void assertUsage(Run run, String message) {
    assertThat(run.code()).as("exit code for %s", message).isEqualTo(2);
    assertThat(run.err()).contains("resolve: " + message);
    assertThat(run.out()).isEmpty();
  }

  /* ---- DNSSEC ---- */

  @Test
  void trustAnchor_securityOfEachOutcome_inJsonAndForPeople() throws IOException {
    Path anchor = Files.writeString(dir.resolve("root.key"), lab.trustAnchor() + "\n");

    assertThat(resolveJson("--trust-anchor", anchor.toString(), "www.shop.example."))
        .containsEntry("security", "SECURE").containsEntry("bogusReason", null);
    assertThat(resolveJson("--trust-anchor", anchor.toString(), "partner.shop.example."))
        .containsEntry("security", "INSECURE").containsEntry("status", "NOERROR");
    // the lab's own root hints and no anchor: nothing is validated
    assertThat(resolveJson("www.shop.example.")).containsEntry("security", "INDETERMINATE");
    assertThat(resolve("", "--trust-anchor", anchor.toString(), "www.shop.example.").out())
        .contains("security=SECURE");
  }

  @Test
  void badTrustAnchor_isBadUsageNamingTheFileAndLine() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.key"), lab.trustAnchor() + "\n. IN DS x\n");

    Run run = resolve("", "--trust-anchor", broken.toString(), "www.shop.example.");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--trust-anchor: the trust anchors in " + broken, "broken.key:2:");
    assertUsage(resolve("", "--trust-anchor", broken.toString(), "--no-validation", "www.shop.example."),
        "--no-validation conflicts with --trust-anchor");
  }

  /* ---- helpers ---- */

  private static Map<String, Object> resolveJson(String... args) {
    List<String> all = new ArrayList<>(List.of("--json"));
    all.addAll(List.of(args));
    Run run = resolve("", all.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.lines()).hasSize(1);
    return Json.object(run.lines().get(0));
  }

  private static List<Map<String, Object>> chain(Map<String, Object> json) {
    return list(json, "chain");
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Map<String, Object> json, String key) {
    assertThat(json.get(key)).as(key).isInstanceOf(List.class);
    return (List<T>) json.get(key);
  }

  private static Map<String, Object> hop(String owner, String target, long ttl) {
    return Map.of("owner", owner, "kind", "CNAME", "target", target, "ttl", ttl);
  }

  /** Runs the CLI against the lab: its hints, its port, loopback only. */
  private static Run resolve(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--root-hints", hints.toString(),
        "--port", String.valueOf(lab.port()), "--loopback-only"));
    all.addAll(List.of(args));
    return run(stdin, all.toArray(String[]::new));
  }

  private static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ResolveCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Run(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }
}
