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

  private static final Map<String, Gap> BY_FILE = Map.ofEntries(
      gap("iter_nottl.rpl", "a NOERROR reply with neither data nor SOA is not cached; kresd caches it for"
          + " features: min_ttl (5 s) and answers step 11 from the cache, with no server left to ask", 11, 12));

  private KnownGaps() {}

  static Optional<Gap> of(ScenarioCase scenario) {
    return Optional.ofNullable(BY_FILE.get(scenario.fileName()));
  }

  private static Map.Entry<String, Gap> gap(String file, String reason, Integer... steps) {
    return Map.entry(file, new Gap(reason, Set.of(steps)));
  }
}
