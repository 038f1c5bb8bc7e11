package org.dnschase.resolver.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dnschase.resolver.testkit.scenario.Scenario;
import org.junit.jupiter.api.Assumptions;

/** Plays a case and turns the outcome into a test verdict, with the known gaps taken into account. */
final class Verdicts {

  private Verdicts() {}

  static void check(ScenarioCase scenarioCase) throws IOException {
    ScenarioRun run = new ScenarioRun(Scenario.read(scenarioCase.file()), Leniency.of(scenarioCase),
        scenarioCase.qnameMinimisation());
    List<StepFailure> failures = run.play();
    Optional<KnownGaps.Gap> gap = KnownGaps.of(scenarioCase);
    List<StepFailure> unexpected = failures.stream()
        .filter(failure -> gap.isEmpty() || !gap.get().covers(failure)).toList();
    if (!unexpected.isEmpty()) {
      fail(scenarioCase + " failed:\n  " + join(unexpected)
          + "\ntranscript:\n  " + String.join("\n  ", run.transcript()));
    }
    if (gap.isPresent()) {
      if (failures.isEmpty()) {
        fail(scenarioCase + " passes now: remove it from KnownGaps (" + gap.get().reason() + ")");
      }
      Assumptions.abort("known gap at steps " + gap.get().steps() + ": " + gap.get().reason()
          + "\n  " + join(failures));
    }
  }

  private static String join(List<StepFailure> failures) {
    return failures.stream().map(StepFailure::text).collect(Collectors.joining("\n  "));
  }
}
