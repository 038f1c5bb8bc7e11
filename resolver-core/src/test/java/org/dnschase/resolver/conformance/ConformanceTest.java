package org.dnschase.resolver.conformance;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the shared corpus of public resolver scenarios (Deckard and Unbound testbound {@code
 * .rpl} files) against our resolver, one test per file and QNAME minimisation mode. The folder
 * is {@code -Dconformance.dir}, {@code CONFORMANCE_DIR} or {@code ../shared/conformance/rpl}
 * from the repository root; without it there is one skipped test saying where it looked.
 */
@DisplayName("Conformance: the shared rpl corpus")
class ConformanceTest {

  static final Corpus CORPUS = Corpus.shared();

  static Stream<Named<ScenarioCase>> scenarios() {
    if (!CORPUS.exists()) {
      return Stream.of(Named.of("no corpus", new ScenarioCase(CORPUS.folder(), false)));
    }
    return CORPUS.cases().map(scenarioCase -> Named.of(scenarioCase.toString(), scenarioCase));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario(ScenarioCase scenarioCase) throws IOException {
    Assumptions.assumeTrue(CORPUS.exists(), CORPUS::absence);
    Verdicts.check(scenarioCase);
  }
}
