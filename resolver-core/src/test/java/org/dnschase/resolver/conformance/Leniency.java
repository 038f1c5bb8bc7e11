package org.dnschase.resolver.conformance;

import java.util.Map;

/**
 * Which files run lenient, each with the reason. Every other file runs strict, as in Deckard: an
 * upstream query no entry foresees fails it. {@code -Dconformance.lenient=true} runs every file
 * lenient, to see past unforeseen queries when diagnosing (FORMAT §9).
 */
final class Leniency {

  static final String PROPERTY = "conformance.lenient";

  /** None so far: every file of the shared corpus and of ours passes, or fails only where known, strict. */
  private static final Map<String, String> LENIENT = Map.of();

  private Leniency() {}

  static Strictness of(ScenarioCase scenario) {
    return Boolean.getBoolean(PROPERTY) || LENIENT.containsKey(scenario.fileName())
        ? Strictness.LENIENT : Strictness.STRICT;
  }
}
