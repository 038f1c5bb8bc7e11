package org.dnschase.resolver.testkit.scenario;

import java.time.Duration;

/** A {@code STEP} (FORMAT §7.1); steps are played in file order. */
public sealed interface Step {

  /** The step's id: it selects which RANGE windows are active, it is not time. */
  int id();

  /** The line of the STEP keyword. */
  int line();

  /** Send {@code entry} to the resolver as a client query; its answer becomes the last answer. */
  record Query(int id, int line, Entry entry) implements Step {}

  /** Compare the last answer with {@code entry} under the entry's MATCH options. */
  record CheckAnswer(int id, int line, Entry entry) implements Step {}

  /** Advance the fake clock. */
  record TimePasses(int id, int line, Duration elapse) implements Step {}

  /** A one-shot answer template, used by the first matching upstream query no RANGE serves (§7.3). */
  record Reply(int id, int line, Entry entry) implements Step {}

  /**
   * testbound's check that the resolver sent an upstream query matching {@code entry} (a no-op in
   * Deckard).
   */
  record CheckOutQuery(int id, int line, Entry entry) implements Step {}

  /**
   * testbound's {@code NOTHING} and {@code TRAFFIC}: let pending traffic settle. A replayer whose
   * upstream exchanges complete at once has nothing to do.
   */
  record Settle(int id, int line, String type) implements Step {}

  /**
   * testbound's {@code TIMEOUT} (the oldest pending upstream query times out) and {@code ERROR}
   * (it fails, say a closed connection): an upstream query the scripted servers did not answer.
   */
  record Expire(int id, int line, String type) implements Step {}
}
