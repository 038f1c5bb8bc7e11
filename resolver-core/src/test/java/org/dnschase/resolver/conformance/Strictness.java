package org.dnschase.resolver.conformance;

/** What the scripted servers do with an upstream query the scenario did not foresee (FORMAT §7.2). */
enum Strictness {
  /** As Deckard: answer SERVFAIL and fail the scenario. */
  STRICT,
  /** Treat it as a timeout and carry on: the resolver then tries its other servers. */
  LENIENT
}
