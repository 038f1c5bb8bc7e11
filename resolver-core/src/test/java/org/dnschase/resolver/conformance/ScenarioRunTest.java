package org.dnschase.resolver.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dnschase.resolver.testkit.scenario.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The runner itself, on scenarios small enough to read: what passes, what fails and where. */
class ScenarioRunTest {

  static final String SERVERS = """
      stub-addr: 192.0.2.1
      CONFIG_END
      SCENARIO_BEGIN runner
      RANGE_BEGIN 0 100
      \tADDRESS 192.0.2.1
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
  @DisplayName("FORMAT §7.3, testbound: a query no range answers stays pending; a later REPLY step answers it, whatever its ID")
  void testbound_replyStepAnswersThePendingQuery() {
    String config = """
        server:
        \tqname-minimisation: no
        forward-zone:
        \tname: "."
        \tforward-addr: 192.0.2.53
        CONFIG_END
        SCENARIO_BEGIN runner
        """;
    String reply = """
        STEP 2 REPLY
        ENTRY_BEGIN
        MATCH opcode qtype qname
        REPLY QR RD RA NOERROR
        SECTION QUESTION
        pending.example. IN A
        SECTION ANSWER
        pending.example. 300 IN A 192.0.2.7
        ENTRY_END
        """;
    String check = check("NOERROR", "pending.example. IN A 192.0.2.7").replace("STEP 2", "STEP 3");

    List<StepFailure> answered = new ScenarioRun(Scenario.parse("runner.rpl",
        config + query("pending.example.") + reply + check + "SCENARIO_END\n"), Strictness.STRICT, false).play();
    List<StepFailure> leftPending = new ScenarioRun(Scenario.parse("runner.rpl",
        config + query("pending.example.") + "SCENARIO_END\n"), Strictness.STRICT, false).play();

    assertThat(answered).isEmpty();
    assertThat(leftPending).singleElement()
        .satisfies(failure -> assertThat(failure.text()).startsWith("unforeseen upstream query, left pending"));
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
