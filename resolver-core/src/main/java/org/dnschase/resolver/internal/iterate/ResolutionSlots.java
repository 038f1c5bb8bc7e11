package org.dnschase.resolver.internal.iterate;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A bound on the resolutions under way at once, as Unbound's {@code num-queries-per-thread}: half
 * the slots (rounded up) hold a resolution until it ends; the other half are jostle slots, whose
 * holder a newer question pushes out once it has run longer than the jostle time (Unbound's {@code
 * jostle-timeout}), so that slow resolutions cannot keep every slot while fast ones wait. A
 * question that finds no slot free, and no holder old enough to push out, gets none: it may be
 * answered from the cache only.
 */
final class ResolutionSlots {

  /** One slot taken; {@link #release} frees it once, whoever calls it first. */
  static final class Slot {
    private final long takenAtNanos;
    private final boolean jostle;
    private volatile Runnable onJostledOut;
    private boolean released;

    private Slot(long takenAtNanos, boolean jostle) {
      this.takenAtNanos = takenAtNanos;
      this.jostle = jostle;
    }

    /** What ends the holder's resolution when a newer question pushes it out of its jostle slot. */
    void onJostledOut(Runnable end) {
      onJostledOut = end;
    }

    /** Ends the holder's resolution, pushed out; its slot is already another's. */
    void jostleOut() {
      Runnable end = onJostledOut;
      if (end != null) {
        end.run();
      }
    }

    long takenAtNanos() {
      return takenAtNanos;
    }
  }

  /** A slot for a new question, or none, and the holder pushed out to make room, if any. */
  record Admission(Slot slot, Slot jostledOut) {}

  private final int foreverSlots;
  private final int jostleSlots;
  private final long jostleAfterNanos;
  private int foreverTaken;
  /** The jostle slots taken, oldest first. */
  private final Deque<Slot> jostleTaken = new ArrayDeque<>();

  /**
   * @param slots the resolutions under way at once, positive
   * @param jostleAfterNanos how long a jostle slot's holder runs before a newer question may push it out
   */
  ResolutionSlots(int slots, long jostleAfterNanos) {
    this.foreverSlots = (slots + 1) / 2;
    this.jostleSlots = slots - foreverSlots;
    this.jostleAfterNanos = jostleAfterNanos;
  }

  /**
   * A slot for a question asked at {@code nowNanos}: a free one, else the jostle slot of its
   * oldest holder if that has run for the jostle time (the caller then ends that holder's
   * resolution, outside this lock, by {@link Slot#jostleOut}), else none.
   */
  synchronized Admission admit(long nowNanos) {
    if (foreverTaken < foreverSlots) {
      foreverTaken++;
      return new Admission(new Slot(nowNanos, false), null);
    }
    Slot oldest = jostleTaken.peekFirst();
    Slot jostledOut = null;
    if (jostleTaken.size() >= jostleSlots) {
      if (oldest == null || nowNanos - oldest.takenAtNanos() < jostleAfterNanos) {
        return new Admission(null, null);
      }
      jostledOut = jostleTaken.removeFirst();
      jostledOut.released = true;
    }
    Slot slot = new Slot(nowNanos, true);
    jostleTaken.addLast(slot);
    return new Admission(slot, jostledOut);
  }

  /** Frees {@code slot} as its resolution ended; a slot freed already (pushed out) stays free. */
  synchronized void release(Slot slot) {
    if (slot.released) {
      return;
    }
    slot.released = true;
    if (slot.jostle) {
      jostleTaken.remove(slot);
    } else {
      foreverTaken--;
    }
  }
}
