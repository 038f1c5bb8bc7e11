package org.dnschase.resolver.conformance;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scenario steps the resolver is known to fail because a feature is missing: one entry per
 * file, naming the feature and the steps it breaks. Such a case still runs. It is reported as
 * skipped, with the reason, when every failure falls on those steps; it fails when it fails
 * anywhere else, and it fails when it passes, so the entry goes as soon as the feature lands.
 * Only missing features belong here, never a runner problem.
 */
final class KnownGaps {


  /**
   * A missing feature and the steps of one file it makes fail (an upstream query counts at the
   * step being played when it was sent).
   */
  record Gap(String reason, Set<Integer> steps) {

    boolean covers(StepFailure failure) {
      return steps.contains(failure.step());
    }
  }

  /** None now: every file of the shared corpus passes, strict. An entry: file name to its Gap. */
  private static final Map<String, Gap> BY_FILE = Map.of();

  private KnownGaps() {}

  static Optional<Gap> of(ScenarioCase scenario) {
    return Optional.ofNullable(BY_FILE.get(scenario.fileName()));
  }
}
