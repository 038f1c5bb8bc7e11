package org.dnschase.resolver.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dnschase.resolver.testkit.scenario.Scenario;
import org.dnschase.resolver.testkit.scenario.ScenarioFormatException;
import org.junit.jupiter.api.Assumptions;

/**
 * Plays a case and turns the outcome into a test verdict, with the known gaps taken into account;
 * {@code -Dconformance.ignoreGaps=true} judges known gaps like any other case, to see their
 * failures with the transcript when diagnosing.
 */
final class Verdicts {

  static final String IGNORE_GAPS = "conformance.ignoreGaps";

  private Verdicts() {}

  static void check(ScenarioCase scenarioCase) throws IOException {
    Optional<String> gap = Boolean.getBoolean(IGNORE_GAPS) ? Optional.empty() : KnownGaps.of(scenarioCase);
    Scenario scenario;
    try {
      scenario = Scenario.read(scenarioCase.file());
    } catch (ScenarioFormatException e) { // a record dnsjava refuses fails the file, a known gap or not
      gap.ifPresent(reason -> Assumptions.abort("known gap: " + reason + "\n  " + e.getMessage()));
      throw e;
    }
    ScenarioRun run = new ScenarioRun(scenario, Leniency.of(scenarioCase), scenarioCase.qnameMinimisation());
    List<StepFailure> failures = run.play();
    if (gap.isPresent()) {
      if (failures.isEmpty()) {
        fail(scenarioCase + " passes now: remove it from KnownGaps (" + gap.get() + ")");
      }
      Assumptions.abort("known gap: " + gap.get() + "\n  " + join(failures));
    }
    if (!failures.isEmpty()) {
      fail(scenarioCase + " failed:\n  " + join(failures)
          + "\ntranscript:\n  " + String.join("\n  ", run.transcript()));
    }
  }

  private static String join(List<StepFailure> failures) {
    return failures.stream().map(StepFailure::text).collect(Collectors.joining("\n  "));
  }
}
