package org.dnschase.resolver.conformance;

/**
 * One way a scenario run went wrong, with the id of the step being played when it happened.
 *
 * @param step the STEP id (also for upstream queries the scripted servers did not foresee)
 * @param text what went wrong
 */
record StepFailure(int step, String text) {

  @Override
  public String toString() {
    return text;
  }
}
