package org.dnschase.resolver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every code sample a reader sees, in the README and in the javadoc of every module, is a region
 * of compiled code, so none can rot: a README Java block is marked
 * {@code <!-- sample: PATH#REGION -->} and must equal that region; a javadoc sample is a
 * {@code {@snippet class=... region=...}} reference into the module's compiled test sources, never
 * an inline body or a {@code <pre>} block.
 */
class SamplesTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern SAMPLE_MARK = Pattern.compile("<!-- sample: (\\S+)#([\\w.-]+) -->");
  private static final Pattern JAVADOC = Pattern.compile("/\\*\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern SNIPPET = Pattern.compile("\\{@snippet\\b([^}:]*)([}:])");
  private static final Pattern ATTRIBUTE = Pattern.compile("(class|file|region)=\"?([\\w./-]+)\"?");

  /* ---- README ---- */

  @Test
  @DisplayName("each README Java block is a marked region of compiled code, verbatim; other blocks name their language")
  void readme_javaBlocksAreCompiledRegions() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    List<String> problems = new ArrayList<>();
    int samples = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("```")) {
        continue;
      }
      String language = lines.get(i).substring(3).strip();
      int close = i + 1;
      while (close < lines.size() && !lines.get(close).startsWith("```")) {
        close++;
      }
      String block = String.join("\n", lines.subList(i + 1, close)) + "\n";
      if (language.isEmpty()) {
        problems.add("README.md:" + (i + 1) + ": a block without a language (```sh for commands; Java is a sample)");
      } else if (language.equals("java")) {
        samples++;
        checkReadmeBlock(i == 0 ? "" : lines.get(i - 1), block, "README.md:" + (i + 1), problems);
      }
      i = close;
    }

    assertThat(problems).as("README code samples not from compiled source").isEmpty();
    assertThat(samples).as("Java blocks in the README").isGreaterThanOrEqualTo(2);
  }

  private static void checkReadmeBlock(String previousLine, String block, String where, List<String> problems)
      throws IOException {
    Matcher mark = SAMPLE_MARK.matcher(previousLine.strip());
    if (!mark.matches()) {
      problems.add(where + ": a Java block not preceded by <!-- sample: PATH#REGION --> naming compiled code");
      return;
    }
    Path source = ROOT.resolve(mark.group(1));
    if (!compiledSource(mark.group(1)) || !Files.isRegularFile(source)) {
      problems.add(where + ": " + mark.group(1) + " is not a Java file under src/main/java or src/test/java");
      return;
    }
    try {
      String region = Samples.region(source, mark.group(2));
      if (!region.equals(block)) {
        problems.add(where + ": differs from " + mark.group(1) + "#" + mark.group(2) + ", which reads:\n" + region);
      }
    } catch (IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage());
    }
  }

  private static boolean compiledSource(String path) {
    return path.endsWith(".java") && (path.contains("/src/main/java/") || path.contains("/src/test/java/"));
  }

  /* ---- javadoc ---- */

  @Test
  @DisplayName("each javadoc sample of every module is a {@snippet} region of the module's compiled test sources")
  void javadoc_samplesAreCompiledRegions() throws IOException {
    List<String> problems = new ArrayList<>();
    int references = 0;
    for (Path module : modules()) {
      for (Path file : javaFiles(module.resolve("src/main/java"))) {
        references += checkJavadoc(module, file, problems);
      }
    }

    assertThat(problems).as("javadoc code samples not from compiled source").isEmpty();
    assertThat(references).as("{@snippet} references found").isGreaterThanOrEqualTo(9);
  }

  /** Checks the javadoc comments of one file; the number of {@snippet} references it holds. */
  private static int checkJavadoc(Path module, Path file, List<String> problems) throws IOException {
    String source = Files.readString(file);
    Matcher comment = JAVADOC.matcher(source);
    int references = 0;
    while (comment.find()) {
      String where = ROOT.relativize(file) + ":" + lineOf(source, comment.start());
      if (comment.group().contains("<pre")) {
        problems.add(where + ": a <pre> block; write the code in the module's test class Snippets and"
            + " show it with {@snippet class=... region=...}");
      }
      Matcher snippet = SNIPPET.matcher(comment.group());
      while (snippet.find()) {
        if (snippet.group(2).equals(":")) {
          problems.add(where + ": an inline {@snippet :} body; move the code into the module's test class"
              + " Snippets and refer to it with {@snippet class=... region=...}");
        } else {
          references++;
          checkReference(module, snippet.group(1), where, problems);
        }
      }
    }
    return references;
  }

  private static void checkReference(Path module, String attributes, String where, List<String> problems)
      throws IOException {
    String target = null;
    String region = null;
    for (Matcher attribute = ATTRIBUTE.matcher(attributes); attribute.find(); ) {
      switch (attribute.group(1)) {
        case "class" -> target = attribute.group(2).replace('.', '/') + ".java";
        case "file" -> target = attribute.group(2);
        default -> region = attribute.group(2);
      }
    }
    // the javadoc's --snippet-path is the module's test sources, compiled by the build
    Path file = target == null ? null : module.resolve("src/test/java").resolve(target);
    if (file == null || region == null) {
      problems.add(where + ": {@snippet" + attributes + "} names no class (or file) and region");
    } else if (!Files.isRegularFile(file)) {
      problems.add(where + ": " + module.relativize(file) + " is not in the module's test sources");
    } else {
      try {
        Samples.region(file, region);
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
  }

  private static List<Path> modules() throws IOException {
    try (Stream<Path> children = Files.list(ROOT)) {
      List<Path> modules = children.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
          .filter(dir -> Files.isDirectory(dir.resolve("src/main/java"))).sorted().toList();
      assertThat(modules).extracting(dir -> dir.getFileName().toString())
          .contains("resolver-cache", "resolver-core", "resolver-testkit", "examples");
      return modules;
    }
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static int lineOf(String text, int offset) {
    return (int) text.substring(0, offset).lines().count() + (offset > 0 && text.charAt(offset - 1) == '\n' ? 1 : 0);
  }
}
