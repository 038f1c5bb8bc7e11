package org.dnschase.resolver.conformance;

import java.nio.file.Path;

/**
 * One run of one scenario file: with QNAME minimisation on or off, as the file fixes it, or
 * both ways when it does not (Deckard runs such files twice; both must pass).
 */
record ScenarioCase(Path file, boolean qnameMinimisation) {

  String fileName() {
    return file.getFileName().toString();
  }

  @Override
  public String toString() {
    return fileName() + " [qmin " + (qnameMinimisation ? "on" : "off") + "]";
  }
}
