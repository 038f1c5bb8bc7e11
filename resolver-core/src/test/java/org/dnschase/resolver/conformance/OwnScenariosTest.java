package org.dnschase.resolver.conformance;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our own scenarios, in the same {@code .rpl} format and run by the same runner, for what the
 * shared corpus does not cover: the hop limit at 12 and 13, loops across servers and zones,
 * growing-name DNAMEs, one query for an in-zone chain, a fully cached chain, the zones served
 * locally and local-zone nodefault. They live in the test resources under {@code conformance/}.
 */
@DisplayName("Conformance: our own rpl scenarios")
class OwnScenariosTest {

  static Stream<Named<ScenarioCase>> scenarios() {
    return Corpus.own().cases().map(scenarioCase -> Named.of(scenarioCase.toString(), scenarioCase));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario(ScenarioCase scenarioCase) throws IOException {
    Verdicts.check(scenarioCase);
  }
}
