package org.dnschase.resolver.testkit.scenario;

/**
 * A scenario file that does not follow the format, or uses a part of it this replayer does not
 * implement; the message names the file and line.
 */
public final class ScenarioFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  ScenarioFormatException(String source, int line, String message) {
    super(source + ":" + line + ": " + message);
  }

  ScenarioFormatException(String source, int line, String message, Throwable cause) {
    super(source + ":" + line + ": " + message, cause);
  }
}
