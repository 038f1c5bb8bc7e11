package org.dnschase.resolver.internal.iterate;

import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.dnschase.resolver.Resolution;

/**
 * Ends each resolution at its deadline, wherever its work is: waiting for a server, in a
 * name-server look-up, or busy with a reply on an event loop that no alarm could interrupt. One
 * timer thread per resolver, started as the resolver is built ({@link #start}) and ended when it
 * closes; an alarm is removed as soon as its resolution completes. With no alarm pending the timer
 * waits for the next however long that takes: a timer that ended when idle was started again by
 * the next resolution that armed one, on that resolution's thread and CPU, a platform thread's
 * start in the middle of a cold question (about 0.4 ms of CPU and a dozen page faults, the event
 * loop kept from its CPU meanwhile, after a server answered from its cache for ten seconds).
 *
 * <p>Arming an alarm wakes the timer only when it is due before the one the timer sleeps towards.
 * Resolutions arm alarms of the same length one after another, so each new one is due after those
 * pending and the timer sleeps on: a resolver answering a stream of cold questions wakes it about
 * once per deadline rather than once per question, a wake-up that on a loaded CPU costs the
 * resolution's thread a scheduling round (a {@code ScheduledThreadPoolExecutor} signals its thread
 * whenever the new task heads its queue, which is every time when the alarm before it was removed).
 * Between questions, with no alarm pending, the timer sleeps as long as the shortest alarm armed
 * yet, and wakes on its own, for {@link #QUIET_NANOS} after the last alarm: the next question's
 * alarms, due no sooner than it wakes, need no wake-up either. Otherwise each question after a
 * pause longer than its alarms woke the timer from its event loop once or twice (the deadline,
 * then the stale answer timeout before it), in the middle of its first exchange, where the timer
 * took 60-200 µs of the loop's CPU.
 */
final class Deadlines implements AutoCloseable {

  /**
   * How long after the last alarm the timer, with none pending, still wakes at the shortest
   * alarm's length; after that it waits until the next alarm wakes it.
   */
  private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** The pending alarms, earliest first; guarded by {@code this}, as are the fields below. */
  private final TreeSet<Alarm> pending = new TreeSet<>();
  private long sequence;
  /** The timer's thread while it runs, null before it starts and after it ends. */
  private Thread timerThread;
  /** When the timer's thread wakes unless woken, or null while it is awake or waits for an alarm. */
  private Long plannedWake;
  /** Whether the timer's thread sleeps with no alarm pending, until one is armed. */
  private boolean waitingForAlarm;
  /** The shortest positive delay armed yet, 0 before the first. */
  private long shortestNanos;
  /** When the last alarm was armed, on {@link System#nanoTime}. */
  private long lastArmedNanos;
  private boolean closed;
  /** How many times the timer's thread was woken or timed out of its sleep, for tests. */
  private long wakeUps;

  /**
   * Completes {@code resolution} with what {@code atDeadline} gives, in {@code delayNanos}, unless
   * it completed before or {@code atDeadline} gives null.
   */
  void arm(CompletableFuture<Resolution> resolution, long delayNanos, Supplier<Resolution> atDeadline) {
    Alarm alarm;
    synchronized (this) {
      if (closed) {
        return; // the resolver is closing: close() ends the resolution
      }
      long now = System.nanoTime();
      alarm = new Alarm(now + delayNanos, sequence++, resolution, atDeadline);
      pending.add(alarm);
      lastArmedNanos = now;
      if (delayNanos > 0 && (shortestNanos == 0 || delayNanos < shortestNanos)) {
        shortestNanos = delayNanos;
      }
      if (timerThread == null) {
        startTimer();
      } else if (waitingForAlarm || (plannedWake != null && alarm.dueNanos - plannedWake < 0)) {
        LockSupport.unpark(timerThread);
      }
    }
    resolution.whenComplete((done, error) -> cancel(alarm));
  }

  /**
   * Starts the timer's thread ahead of the first alarm, to wait for it: a platform thread's first
   * start, its classes loaded, took the first resolution's caller about 0.5 s at a quarter of a
   * CPU, paid instead where the resolver is built. A closed timer starts none.
   */
  synchronized void start() {
    if (!closed && timerThread == null) {
      startTimer();
    }
  }

  /** Called holding the lock. */
  private void startTimer() {
    timerThread = Thread.ofPlatform().name("dnschase-deadlines").daemon().start(this::runTimer);
  }

  private synchronized void cancel(Alarm alarm) {
    pending.remove(alarm);
  }

  private void runTimer() {
    while (true) {
      Alarm due = null;
      long sleepNanos = 0;
      boolean untilArmed;
      synchronized (this) {
        if (closed) {
          timerThread = null;
          plannedWake = null;
          waitingForAlarm = false;
          return;
        }
        long now = System.nanoTime();
        Alarm first = pending.isEmpty() ? null : pending.first();
        if (first != null && first.dueNanos - now <= 0) {
          pending.pollFirst();
          due = first;
          plannedWake = null;
        } else if (first != null) {
          plannedWake = first.dueNanos;
        } else if (shortestNanos > 0 && now - lastArmedNanos - QUIET_NANOS < 0) {
          plannedWake = now + shortestNanos; // between questions: the next one's alarms are due later
        } else {
          plannedWake = null;
        }
        untilArmed = due == null && plannedWake == null;
        waitingForAlarm = untilArmed;
        if (plannedWake != null) {
          sleepNanos = plannedWake - now;
        }
      }
      if (due != null) {
        due.ring();
      } else {
        if (untilArmed) {
          LockSupport.park(this); // until an alarm is armed, or the resolver closes
        } else {
          LockSupport.parkNanos(this, sleepNanos);
        }
        synchronized (this) {
          wakeUps++;
        }
      }
    }
  }

  /** How many times the timer's thread woke since this started. */
  synchronized long wakeUps() {
    return wakeUps;
  }

  /**
   * Stops the timer and waits for its thread to end, so that a closed resolver leaves no thread
   * running; pending alarms are dropped (closing ends their resolutions). Called on the timer's
   * own thread (an alarm's callback closing the resolver), it cannot wait for itself.
   */
  @Override
  public void close() {
    Thread thread;
    synchronized (this) {
      closed = true;
      pending.clear();
      thread = timerThread;
    }
    if (thread == null || thread == Thread.currentThread()) {
      return;
    }
    LockSupport.unpark(thread);
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** One resolution's alarm, ordered by when it is due, then by when it was armed. */
  private record Alarm(long dueNanos, long sequence, CompletableFuture<Resolution> resolution,
      Supplier<Resolution> atDeadline) implements Comparable<Alarm> {

    @Override
    public int compareTo(Alarm other) {
      long byDue = dueNanos - other.dueNanos;
      return byDue != 0 ? Long.signum(byDue) : Long.compare(sequence, other.sequence);
    }

    void ring() {
      if (!resolution.isDone()) {
        Resolution outcome = atDeadline.get();
        if (outcome != null) {
          resolution.complete(outcome);
        }
      }
    }
  }
}
