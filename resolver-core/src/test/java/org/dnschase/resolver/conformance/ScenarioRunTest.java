package org.dnschase.resolver.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dnschase.resolver.testkit.scenario.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The runner itself, on scenarios small enough to read: what passes, what fails and where. */
class ScenarioRunTest {

  /** The root server's answer to priming. */
  static final String ROOT_NS_ENTRY = """
      ENTRY_BEGIN
      MATCH opcode qtype qname
      ADJUST copy_id
      REPLY QR AA NOERROR
      SECTION QUESTION
      . IN NS
      SECTION ANSWER
      . IN NS k.root-servers.net.
      SECTION ADDITIONAL
      k.root-servers.net. IN A 192.0.2.1
      ENTRY_END
      """;

  static final String SERVERS = """
      stub-addr: 192.0.2.1
      CONFIG_END
      SCENARIO_BEGIN runner
      RANGE_BEGIN 0 100
      \tADDRESS 192.0.2.1
      """ + ROOT_NS_ENTRY + """
      ENTRY_BEGIN
      MATCH opcode qtype qname
      ADJUST copy_id
      REPLY QR AA NOERROR
      SECTION QUESTION
      www.example. IN A
      SECTION ANSWER
      www.example. 300 IN A 192.0.2.80
      ENTRY_END
      RANGE_END
      """;

  @Test
  @DisplayName("FORMAT §7: the answer is checked at CHECK_ANSWER; a wrong expectation fails at its step")
  void checkAnswer_comparesTheLastAnswer() {
    List<StepFailure> right = play(query("www.example.") + check("NOERROR", "www.example. IN A 192.0.2.80"),
        Strictness.STRICT);
    List<StepFailure> wrong = play(query("www.example.") + check("NOERROR", "www.example. IN A 192.0.2.99"),
        Strictness.STRICT);

    assertThat(right).isEmpty();
    assertThat(wrong).singleElement().satisfies(failure -> {
      assertThat(failure.step()).isEqualTo(2);
      assertThat(failure.text()).contains("answer: expected");
    });
  }

  @Test
  @DisplayName("FORMAT §9: an unforeseen upstream query fails a strict run, and is a timeout in a lenient one")
  void unforeseenQuery_strictFailsLenientTimesOut() {
    String script = query("other.example.") + check("SERVFAIL", null);

    assertThat(play(script, Strictness.STRICT)).singleElement()
        .satisfies(failure -> assertThat(failure.text()).startsWith("unforeseen upstream query"));
    assertThat(play(script, Strictness.LENIENT)).isEmpty();
  }

  @Test
  @DisplayName("CONFIG: an option the resolver cannot honour fails the run with the reason; an unknown one names its line")
  void config_unsupportedFailsUnknownIsAnError() {
    String unsupported = SERVERS.replace("stub-addr: 192.0.2.1", "stub-addr: 192.0.2.1\ntcp-upstream: yes");
    String unknown = SERVERS.replace("stub-addr: 192.0.2.1", "stub-addr: 192.0.2.1\nno-such-option: yes");
    String steps = query("www.example.") + check("NOERROR", "www.example. IN A 192.0.2.80") + "SCENARIO_END\n";

    assertThat(new ScenarioRun(Scenario.parse("runner.rpl", unsupported + steps), Strictness.STRICT, false).play())
        .singleElement().satisfies(failure -> assertThat(failure.text()).contains("tcp-upstream"));
    assertThatThrownBy(() -> new ScenarioRun(Scenario.parse("runner.rpl", unknown + steps), Strictness.STRICT, false)
        .play()).hasMessageContaining("runner.rpl:2:").hasMessageContaining("no-such-option");
  }

  @Test
  @DisplayName("CONFIG, Deckard: name: \".\" above stub-addr names the root the hint serves; another zone is refused")
  void config_deckardStubNameIsTheRootOnly() {
    String root = SERVERS.replace("stub-addr: 192.0.2.1", "\tname: \".\"\n\tstub-addr: 192.0.2.1");
    String other = SERVERS.replace("stub-addr: 192.0.2.1", "\tname: \"example.\"\n\tstub-addr: 192.0.2.1");
    String steps = query("www.example.") + check("NOERROR", "www.example. IN A 192.0.2.80") + "SCENARIO_END\n";

    assertThat(new ScenarioRun(Scenario.parse("runner.rpl", root + steps), Strictness.STRICT, false).play())
        .isEmpty();
    assertThat(new ScenarioRun(Scenario.parse("runner.rpl", other + steps), Strictness.STRICT, false).play())
        .singleElement().satisfies(failure -> assertThat(failure.text()).contains("a stub zone other than the root"));
  }

  @Test
  @DisplayName("CONFIG: DSA accepted unchecked where a build lacks it (fake-dsa) changes nothing here, where DSA is "
      + "checked; every signalled algorithm insisted on (harden-algo-downgrade), against RFC 6840 §5.11, and a stripped "
      + "anchored zone made insecure (harden-dnssec-stripped: no) fail with why")
  void config_validatorOptions() {
    String steps = query("www.example.") + check("NOERROR", "www.example. IN A 192.0.2.80") + "SCENARIO_END\n";

    assertThat(playWithServerOption("fake-dsa: yes", steps)).isEmpty();
    assertThat(playWithServerOption("harden-algo-downgrade: yes", steps)).singleElement()
        .satisfies(failure -> assertThat(failure.text()).contains("RFC 6840 §5.11"));
    assertThat(playWithServerOption("harden-dnssec-stripped: no", steps)).singleElement()
        .satisfies(failure -> assertThat(failure.text()).contains("insecure instead of bogus"));
  }

  private static List<StepFailure> playWithServerOption(String option, String steps) {
    String script = SERVERS.replace("stub-addr: 192.0.2.1", "stub-addr: 192.0.2.1\n" + option);
    return new ScenarioRun(Scenario.parse("runner.rpl", script + steps), Strictness.STRICT, false).play();
  }

  @Test
  @DisplayName("FORMAT §7.3, testbound: a query no range answers stays pending; a later REPLY step answers it, whatever its ID")
  void testbound_replyStepAnswersThePendingQuery() {
    String reply = "STEP 2 REPLY\n" + pendingAnswer("");
    String check = check("NOERROR", "pending.example. IN A 192.0.2.7").replace("STEP 2", "STEP 3");

    List<StepFailure> answered = playTestbound(query("pending.example.") + reply + check);
    List<StepFailure> leftPending = playTestbound(query("pending.example."));

    assertThat(answered).isEmpty();
    assertThat(leftPending).singleElement()
        .satisfies(failure -> assertThat(failure.text()).startsWith("unforeseen upstream query, left pending"));
  }

  static final String TESTBOUND_FORWARDER = """
      server:
      \tqname-minimisation: no
      forward-zone:
      \tname: "."
      \tforward-addr: 192.0.2.53
      CONFIG_END
      SCENARIO_BEGIN runner
      """;

  @Test
  @DisplayName("testbound: a query a step sets off is offered to the ranges of each later step until one serves it")
  void testbound_pendingQueryIsAnsweredByALaterRange() {
    String steps = query("pending.example.") + "STEP 5 TIME_PASSES ELAPSE 1\n"
        + check("NOERROR", "pending.example. IN A 192.0.2.7").replace("STEP 2", "STEP 10");

    assertThat(playTestbound(forwarderRange("10 100", "ADJUST copy_id") + steps)).isEmpty();
  }

  @Test
  @DisplayName("testbound: a QUERY's upstream queries meet the ranges of the step after it, as testbound's moment has moved on")
  void testbound_queryIsMatchedAtTheNextStep() {
    assertThat(playTestbound(forwarderRange("0 1", "ADJUST copy_id") + query("pending.example.")
        + check("NOERROR", "pending.example. IN A 192.0.2.7")))
        .anySatisfy(failure -> assertThat(failure.text()).startsWith("unforeseen upstream query, left pending"));
  }

  @Test
  @DisplayName("testbound: a CHECK_OUT_QUERY with copy_id answers the pending query it checks out")
  void testbound_checkOutQueryWithCopyIdAnswers() {
    String check = check("NOERROR", "pending.example. IN A 192.0.2.7").replace("STEP 2", "STEP 3");

    assertThat(playTestbound(query("pending.example.") + "STEP 2 CHECK_OUT_QUERY\n"
        + pendingAnswer("ADJUST copy_id") + check)).isEmpty();
    assertThat(playTestbound(query("pending.example.") + "STEP 2 CHECK_OUT_QUERY\n" + pendingAnswer("") + check))
        .isNotEmpty();
  }

  @Test
  @DisplayName("testbound: a range's reply without copy_id reaches the query it answers, as testbound's fake network hands it over")
  void testbound_replyWithoutCopyIdIsDelivered() {
    assertThat(playTestbound(forwarderRange("0 100", "") + query("pending.example.")
        + check("NOERROR", "pending.example. IN A 192.0.2.7"))).isEmpty();
  }

  @Test
  @DisplayName("Deckard: a priming query the root server's script does not foresee is answered from the root hint")
  void deckard_primingIsAnsweredFromTheHint() {
    String withoutRootNs = SERVERS.replace(ROOT_NS_ENTRY, "");
    String steps = query("www.example.") + check("NOERROR", "www.example. IN A 192.0.2.80") + "SCENARIO_END\n";
    ScenarioRun run = new ScenarioRun(Scenario.parse("runner.rpl", withoutRootNs + steps), Strictness.STRICT, false);

    assertThat(withoutRootNs).doesNotContain(". IN NS");
    assertThat(run.play()).isEmpty();
    assertThat(run.transcript()).anySatisfy(line -> assertThat(line).contains("priming answered from the root hint"));
  }

  @Test
  @DisplayName("testbound: an auth-zone's TEMPFILE data answers its names, the forwarder above it never asked")
  void testbound_authZoneAnswersFromItsTempFile() {
    String authZone = """
        auth-zone:
        \tname: "example."
        \tfor-downstream: no
        \tzonefile:
        TEMPFILE_NAME example
        TEMPFILE_CONTENTS example
        $ORIGIN example.
        @ 3600 IN SOA ns hostmaster 1 2 3 4 5
        @ 3600 IN NS ns
        pending 300 IN A 192.0.2.70
        TEMPFILE_END
        """;
    String steps = query("pending.example.") + check("NOERROR", "pending.example. IN A 192.0.2.70") + "SCENARIO_END\n";

    ScenarioRun run = new ScenarioRun(Scenario.parse("runner.rpl", authZone + TESTBOUND_FORWARDER + steps),
        Strictness.STRICT, false);

    assertThat(run.play()).isEmpty();
    assertThat(run.transcript()).noneSatisfy(line -> assertThat(line).contains("UDP"));
  }

  @Test
  @DisplayName("CONFIG: harden-cname-follow: no uses a forwarder's CNAME chain as given, as the resolver does; yes fails with the reason")
  void config_hardenCnameFollow() {
    String chain = """
        RANGE_BEGIN 0 100
        \tADDRESS 192.0.2.53
        ENTRY_BEGIN
        MATCH opcode qtype qname
        ADJUST copy_id
        REPLY QR RD RA NOERROR
        SECTION QUESTION
        www.example. IN A
        SECTION ANSWER
        www.example. IN CNAME b.other.
        b.other. IN A 192.0.2.9
        ENTRY_END
        RANGE_END
        """ + query("www.example.") + check("NOERROR", "www.example. IN CNAME b.other.\nb.other. IN A 192.0.2.9")
        + "SCENARIO_END\n";
    String follow = TESTBOUND_FORWARDER.replace("server:\n", "server:\n\tharden-cname-follow: no\n");
    String harden = TESTBOUND_FORWARDER.replace("server:\n", "server:\n\tharden-cname-follow: yes\n");

    assertThat(new ScenarioRun(Scenario.parse("runner.rpl", follow + chain), Strictness.STRICT, false).play()).isEmpty();
    assertThat(new ScenarioRun(Scenario.parse("runner.rpl", harden + chain), Strictness.STRICT, false).play())
        .singleElement().satisfies(failure -> assertThat(failure.text()).contains("harden-cname-follow: yes"));
  }

  @Test
  @DisplayName("A scripted reply that does not parse (a TXT string longer than its record) fails its exchange at once, as the transport's malformed reply does")
  void malformedReply_failsTheExchange() {
    String steps = forwarderRange("0 100", "ADJUST copy_id").replace("pending.example. 300 IN A 192.0.2.7",
        "pending.example. 300 IN TXT \\# 3 0b6162") + query("pending.example.") + check("SERVFAIL", null);
    ScenarioRun run = new ScenarioRun(Scenario.parse("runner.rpl", TESTBOUND_FORWARDER + steps + "SCENARIO_END\n"),
        Strictness.STRICT, false);

    assertThat(run.play()).isEmpty();
    assertThat(run.transcript()).anySatisfy(line -> assertThat(line).contains("malformed ("));
  }

  /** The forwarder's answer for pending.example., with the ADJUST line {@code adjust} (may be empty). */
  private static String pendingAnswer(String adjust) {
    return """
        ENTRY_BEGIN
        MATCH opcode qtype qname
        %s
        REPLY QR RD RA NOERROR
        SECTION QUESTION
        pending.example. IN A
        SECTION ANSWER
        pending.example. 300 IN A 192.0.2.7
        ENTRY_END
        """.formatted(adjust);
  }

  /** The forwarder at 192.0.2.53 during the steps {@code window}, answering for pending.example. */
  private static String forwarderRange(String window, String adjust) {
    return "RANGE_BEGIN " + window + "\n\tADDRESS 192.0.2.53\n" + pendingAnswer(adjust) + "RANGE_END\n";
  }

  private static List<StepFailure> playTestbound(String steps) {
    return new ScenarioRun(Scenario.parse("runner.rpl", TESTBOUND_FORWARDER + steps + "SCENARIO_END\n"),
        Strictness.STRICT, false).play();
  }

  private static List<StepFailure> play(String steps, Strictness strictness) {
    return new ScenarioRun(Scenario.parse("runner.rpl", SERVERS + steps + "SCENARIO_END\n"), strictness, false).play();
  }

  private static String query(String name) {
    return """
        STEP 1 QUERY
        ENTRY_BEGIN
        REPLY RD
        SECTION QUESTION
        %s IN A
        ENTRY_END
        """.formatted(name);
  }

  private static String check(String rcode, String answer) {
    return """
        STEP 2 CHECK_ANSWER
        ENTRY_BEGIN
        MATCH flags rcode answer
        REPLY QR RD RA %s
        SECTION ANSWER
        %s
        ENTRY_END
        """.formatted(rcode, answer == null ? "" : answer);
  }
}
