package org.dnschase.resolver.conformance;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the shared corpora of public resolver scenarios (Deckard and Unbound testbound {@code
 * .rpl} files: {@code rpl}, {@code rpl-more} and the validator's {@code rpl-dnssec}) against our resolver, one test per file and QNAME
 * minimisation mode, each named "folder/file [qmin on|off]" (the name the XML reports carry).
 * Another folder: {@code -Dconformance.dir} or {@code CONFORMANCE_DIR}; a folder that is absent
 * gives one skipped test saying where it looked. What is known not to pass, and why: {@link
 * KnownGaps}.
 */
@DisplayName("Conformance: the shared rpl corpora")
class ConformanceTest {

  static final List<Corpus> CORPORA = Corpus.shared();

  static Stream<Named<ScenarioCase>> scenarios() {
    return CORPORA.stream().flatMap(corpus -> corpus.exists()
        ? corpus.cases().map(scenarioCase -> Named.of(scenarioCase.toString(), scenarioCase))
        : Stream.of(Named.of("no corpus at " + corpus.folder(), new ScenarioCase(corpus.folder(), false))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario(ScenarioCase scenarioCase) throws IOException {
    Corpus absent = CORPORA.stream().filter(corpus -> corpus.folder().equals(scenarioCase.file())).findFirst()
        .orElse(null);
    Assumptions.assumeTrue(absent == null, () -> absent.absence());
    Verdicts.check(scenarioCase);
  }
}
