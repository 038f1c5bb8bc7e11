package org.dnschase.resolver.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dnschase.resolver.testkit.scenario.Scenario;
import org.dnschase.resolver.testkit.scenario.ScenarioFormatException;

/**
 * A folder of {@code .rpl} scenarios, read where it lies (the shared corpus is never copied into
 * the repository), and the cases it yields.
 *
 * @param folder where the files are
 * @param origin how the folder was chosen, for the message when it is absent
 */
record Corpus(Path folder, String origin) {

  static final String PROPERTY = "conformance.dir";
  static final String ENVIRONMENT = "CONFORMANCE_DIR";
  /**
   * The shared corpora, relative to the repository root: the first 37 files, then the rest of the
   * suites, then their validator scenarios.
   */
  static final List<String> DEFAULTS = List.of("../shared/conformance/rpl", "../shared/conformance/rpl-more",
      "../shared/conformance/rpl-dnssec");

  /**
   * The shared corpora: the folder in the system property {@value #PROPERTY}, else in the
   * environment variable {@value #ENVIRONMENT}, else both {@link #DEFAULTS} from the repository
   * root (found upwards from the working directory, which is the module's under surefire).
   */
  static List<Corpus> shared() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return List.of(new Corpus(Path.of(property).toAbsolutePath(), "system property " + PROPERTY));
    }
    String environment = System.getenv(ENVIRONMENT);
    if (environment != null && !environment.isBlank()) {
      return List.of(new Corpus(Path.of(environment).toAbsolutePath(), "environment variable " + ENVIRONMENT));
    }
    Path root = repositoryRoot();
    return DEFAULTS.stream().map(folder -> new Corpus(root.resolve(folder).normalize(),
        "the default " + folder + " from the repository root")).toList();
  }

  /** Our own scenarios, in the test resources. */
  static Corpus own() {
    try {
      return new Corpus(Path.of(Corpus.class.getResource("/conformance").toURI()), "test resources");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean exists() {
    return Files.isDirectory(folder);
  }

  String absence() {
    return "no conformance corpus at " + folder.toAbsolutePath() + " (" + origin + "); set -D" + PROPERTY
        + "=<folder> or " + ENVIRONMENT + " to run one";
  }

  /** One case per file and QNAME minimisation mode, files in name order. */
  Stream<ScenarioCase> cases() {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".rpl")).sorted().toList().stream()
          .flatMap(file -> modes(file).stream().map(qmin -> new ScenarioCase(file, qmin)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The modes the file fixes, or both; a file that does not parse gets one case, to fail there. */
  private static List<Boolean> modes(Path file) {
    try {
      Optional<Boolean> fixed = Scenario.read(file).config().qnameMinimisation();
      return fixed.map(List::of).orElse(List.of(false, true));
    } catch (IOException | ScenarioFormatException e) {
      return List.of(false);
    }
  }

  /** The first directory upwards from the working directory that holds the Maven wrapper's {@code .mvn}. */
  private static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(".mvn"))) {
        return dir;
      }
    }
    return start;
  }
}
