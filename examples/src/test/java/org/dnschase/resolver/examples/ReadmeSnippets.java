package org.dnschase.resolver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's code samples and the compiled sources they come from: a sample is the region
 * {@code // region NAME} ... {@code // endregion} of a source file, a method body's indentation
 * taken off, and stands in the README under {@code <!-- NAME: PATH -->}.
 */
final class ReadmeSnippets {

  private ReadmeSnippets() {}

  /** The region {@code name} of the source at {@code path} (from the repository's root). */
  static String region(String name, String path) throws IOException {
    String source = Files.readString(Path.of("..").resolve(path));
    return unindent(between(source, "// region " + name + "\n", "    // endregion"));
  }

  /** The README's code block under the marker of {@code name} and {@code path}. */
  static String readme(String name, String path) throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    return between(readme, "<!-- " + name + ": " + path + " -->\n```java\n", "```");
  }

  private static String between(String text, String start, String end) {
    Matcher matcher = Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL).matcher(text);
    assertThat(matcher.find()).as("markers %s ... %s", start.strip(), end.strip()).isTrue();
    return matcher.group(1);
  }

  private static String unindent(String code) {
    return code.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .reduce("", (all, line) -> all + line + "\n");
  }
}
