package org.dnschase.resolver.conformance;

import java.nio.file.Path;

/**
 * One run of one scenario file: with QNAME minimisation on or off, as the file fixes it, or
 * both ways when it does not (Deckard runs such files twice; both must pass). Its name, the
 * test's name in reports, is the corpus folder, the file and the mode.
 */
record ScenarioCase(Path file, boolean qnameMinimisation) {

  String fileName() {
    return file.getFileName().toString();
  }

  @Override
  public String toString() {
    Path folder = file.getParent() == null ? null : file.getParent().getFileName();
    return (folder == null ? "" : folder + "/") + fileName() + " [qmin " + (qnameMinimisation ? "on" : "off") + "]";
  }
}
