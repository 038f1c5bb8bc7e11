package org.dnschase.resolver.testkit.scenario;

import org.xbill.DNS.Message;

/** What the scripted servers do with one upstream query. */
public sealed interface ScriptedResponse {

  /**
   * Send {@code message}; {@code origin} says which RANGE or REPLY step and entry built it.
   *
   * @param message the reply to send
   * @param origin where in the scenario the reply comes from, for messages
   */
  record Reply(Message message, String origin) implements ScriptedResponse {}

  /**
   * Send nothing, as a scenario means it: no server at the address, or {@code do_not_answer}.
   *
   * @param reason why nothing is sent, for messages
   */
  record Silence(String reason) implements ScriptedResponse {}

  /**
   * The scenario did not foresee this query: Deckard answers SERVFAIL and fails the scenario
   * (strict); a lenient replayer may treat it as a timeout.
   *
   * @param reason what about the query the scenario did not foresee
   */
  record Unforeseen(String reason) implements ScriptedResponse {}
}
