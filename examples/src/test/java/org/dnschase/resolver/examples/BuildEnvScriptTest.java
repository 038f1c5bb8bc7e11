package org.dnschase.resolver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/build-env.sh}, which every script sources, works from any directory: it finds the
 * repository from its own path and leaves the caller where it was.
 */
class BuildEnvScriptTest {

  /** Surefire runs in the module's directory, one level below the repository root. */
  private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("bin/build-env.sh");

  @Test
  void sourcedFromAnotherDirectory_selectsAJdkAndKeepsTheCallersDirectory(@TempDir Path elsewhere)
      throws IOException, InterruptedException {
    Process shell = new ProcessBuilder("bash", "-c", ". \"$1\" && echo \"$JAVA_HOME\" && pwd", "bash",
        SCRIPT.toString())
        .directory(elsewhere.toFile())
        .redirectErrorStream(true)
        .start();
    assertThat(shell.waitFor(120, TimeUnit.SECONDS)).as("the script finished").isTrue();
    String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(shell.exitValue()).as(output).isZero();
    String[] lines = output.strip().split("\n");
    assertThat(Path.of(lines[lines.length - 2]).resolve("bin/javac")).as(output).satisfies(Files::isExecutable);
    assertThat(lines[lines.length - 1]).isEqualTo(elsewhere.toRealPath().toString());
  }
}
