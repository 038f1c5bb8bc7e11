package org.dnschase.resolver.testkit.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed {@code .rpl} replay scenario (Deckard / Unbound testbound; see the corpus's
 * {@code FORMAT.md}): how to configure the resolver, the scripted servers, and the steps to play.
 * It knows nothing of any resolver: {@link ScriptedServers} answers upstream queries from it, and
 * whoever drives a resolver plays the {@link #steps()}.
 *
 * {@snippet class=org.dnschase.resolver.testkit.Snippets region=play}
 *
 * @param name the file name, used in messages
 * @param title the text after SCENARIO_BEGIN
 * @param config the configuration the resolver is to be built with
 * @param ranges the RANGE blocks, in file order
 * @param steps the steps to play, in file order
 */
public record Scenario(String name, String title, ScenarioConfig config, List<Range> ranges, List<Step> steps) {

  /** Copies the ranges and steps. */
  public Scenario {
    ranges = List.copyOf(ranges);
    steps = List.copyOf(steps);
  }

  /**
   * Parses scenario text; {@code name} appears in error messages.
   *
   * @param name the scenario's name, for messages
   * @param text the scenario file's text
   * @return the scenario
   * @throws ScenarioFormatException if the text breaks the format or uses a part of it this
   *     replayer does not implement, naming the line
   */
  public static Scenario parse(String name, String text) {
    return ScenarioParser.parse(name, text);
  }

  /**
   * Reads and parses a scenario file. Bytes are read as ISO-8859-1, so any file can be read; the
   * format itself is ASCII.
   *
   * @param file the {@code .rpl} file
   * @return the scenario, named by its file name
   * @throws IOException if the file cannot be read
   * @throws ScenarioFormatException as {@link #parse} throws it
   */
  public static Scenario read(Path file) throws IOException {
    return parse(file.getFileName().toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
  }
}
