package org.dnschase.resolver.testkit.scenario;

import java.time.Duration;

/** A {@code STEP} (FORMAT §7.1); steps are played in file order. */
public sealed interface Step {

  /** {@return the step's id: it selects which RANGE windows are active, it is not time} */
  int id();

  /** {@return the line of the STEP keyword} */
  int line();

  /**
   * Send {@code entry} to the resolver as a client query; its answer becomes the last answer.
   *
   * @param id the step's id
   * @param line the line of the STEP keyword
   * @param entry the query to send
   */
  record Query(int id, int line, Entry entry) implements Step {}

  /**
   * Compare the last answer with {@code entry} under the entry's MATCH options.
   *
   * @param id the step's id
   * @param line the line of the STEP keyword
   * @param entry the answer expected, with its MATCH options
   */
  record CheckAnswer(int id, int line, Entry entry) implements Step {}

  /**
   * Advance the fake clock.
   *
   * @param id the step's id
   * @param line the line of the STEP keyword
   * @param elapse how far the clock moves
   */
  record TimePasses(int id, int line, Duration elapse) implements Step {}

  /**
   * A one-shot answer template, used by the first matching upstream query no RANGE serves (§7.3).
   *
   * @param id the step's id
   * @param line the line of the STEP keyword
   * @param entry the answer template
   */
  record Reply(int id, int line, Entry entry) implements Step {}

  /**
   * testbound's check that the resolver sent an upstream query matching {@code entry} (a no-op in
   * Deckard).
   *
   * @param id the step's id
   * @param line the line of the STEP keyword
   * @param entry the upstream query expected
   */
  record CheckOutQuery(int id, int line, Entry entry) implements Step {}

  /**
   * testbound's {@code NOTHING} and {@code TRAFFIC}: let pending traffic settle. A replayer whose
   * upstream exchanges complete at once has nothing to do.
   *
   * @param id the step's id
   * @param line the line of the STEP keyword
   * @param type {@code NOTHING} or {@code TRAFFIC}, as written
   */
  record Settle(int id, int line, String type) implements Step {}

  /**
   * testbound's {@code TIMEOUT} (the oldest pending upstream query times out) and {@code ERROR}
   * (it fails, say a closed connection): an upstream query the scripted servers did not answer.
   *
   * @param id the step's id
   * @param line the line of the STEP keyword
   * @param type {@code TIMEOUT} or {@code ERROR}, as written
   */
  record Expire(int id, int line, String type) implements Step {}
}
