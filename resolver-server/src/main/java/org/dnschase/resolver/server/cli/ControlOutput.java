package org.dnschase.resolver.server.cli;

import java.util.regex.Pattern;
import org.dnschase.resolver.spi.LogText;

/**
 * What {@code bin/serve-control} makes of the control channel's output for one command: the text
 * to show, or why the command did not work. The output must be what {@code bin/serve} gives for
 * that command, whole: {@code stats} lines of {@code name=number}; {@code ok} for the flushes; one
 * {@code error: } line for a command it refused. Anything else (a line of another shape, output
 * cut short by a server that stopped, another program's answer on the port) is a failure that
 * quotes it, escaped, so nothing the other end sends reaches the terminal raw or passes for success.
 */
sealed interface ControlOutput {

  /** How a stats line looks: a counter's name, then its value, a count or a decimal (a time in seconds). */
  Pattern STATS_LINE = Pattern.compile("[A-Za-z0-9_.-]+=-?[0-9]+(\\.[0-9]+)?");
  /** The most of an unexpected line quoted in the failure. */
  int QUOTED = 80;

  /**
   * The command worked.
   *
   * @param text what to print, each line ending in a line feed
   */
  record Shown(String text) implements ControlOutput {}

  /**
   * The command did not work, or its output is not to be trusted.
   *
   * @param reason why, for standard error
   */
  record Failed(String reason) implements ControlOutput {}

  /**
   * Judges {@code output}, the whole of what the control channel at {@code channel} sent for
   * {@code command}.
   *
   * @param command the command line sent
   * @param output what came back, up to the end of the connection
   * @param channel where the control channel is, for the failure's text
   * @return what to show, or the failure
   */
  static ControlOutput of(String command, String output, String channel) {
    if (output.isEmpty()) {
      // every command has output, an error's included: a listener that gives none is something else
      return new Failed("the control channel at " + channel
          + " closed the connection without output (is it bin/serve's control channel?)");
    }
    if (!output.endsWith("\n")) {
      return new Failed("the output of '" + LogText.escaped(command) + "' from " + channel
          + " ended in mid-line (did the server stop?): " + quoted(output.substring(output.lastIndexOf('\n') + 1)));
    }
    String[] lines = output.split("\n");
    if (lines.length == 1 && lines[0].startsWith("error: ")) {
      return new Failed(LogText.escaped(lines[0].substring("error: ".length())));
    }
    boolean stats = command.strip().equals("stats");
    for (String line : lines) {
      boolean expected = stats ? STATS_LINE.matcher(line).matches() : line.equals("ok") && lines.length == 1;
      if (!expected) {
        return new Failed("the control channel at " + channel + " answered '" + LogText.escaped(command)
            + "' with a line bin/serve does not write (is it bin/serve's control channel?): " + quoted(line));
      }
    }
    return new Shown(output);
  }

  /** A line as the failure quotes it: escaped, and cut if long. */
  private static String quoted(String line) {
    return "'" + LogText.escaped(line.length() > QUOTED ? line.substring(0, QUOTED) + "..." : line) + "'";
  }
}
