package org.dnschase.resolver.conformance;

import java.util.Map;

/**
 * Which files run lenient, each with the reason. Every other file runs strict, as Deckard runs
 * every file: its test server answers a query that no entry of the eligible range (nor a REPLY
 * step) matches with SERVFAIL, counts it, and fails the scenario at the end ("the scenario does not
 * define all necessary answers"); it never leaves such a query unanswered for the resolver to time
 * out and fall back (FORMAT §7.2). So a file is never made lenient to let a resolver's fallback
 * (after a minimised query, say) reach the entries the script has. {@code -Dconformance.lenient=true}
 * runs every file lenient, to see past unforeseen queries when diagnosing (FORMAT §9).
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
