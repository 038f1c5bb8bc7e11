package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/**
 * The deadlines' timer thread is the resolver's: started as the resolver is built (so its first
 * resolution's caller does not pay for the thread's start), waiting however long no alarm is
 * pending (so no later resolution's caller pays for it either), ended by close() before it returns,
 * and it wakes for an alarm due before the one it sleeps towards, not for every alarm armed.
 */
class DeadlinesTest {

  private static final long ONE_MINUTE = TimeUnit.MINUTES.toNanos(1);

  @Test
  @DisplayName("close() returns once the timer's thread has ended, an alarm still pending")
  void close_endsTheTimerThreadBeforeReturning() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Deadlines deadlines = new Deadlines();
    deadlines.arm(new CompletableFuture<Resolution>(), ONE_MINUTE, () -> null);
    List<Thread> started = startedSince(before);
    assertThat(started).as("the timer's thread").hasSize(1);

    deadlines.close();

    assertThat(started.get(0).isAlive()).as("the timer's thread as close() returns").isFalse();
  }

  @Test
  @DisplayName("a resolver built has the timer's thread before its first resolution; closed, it has none left")
  void resolverBuilt_hasTheTimerThread_closedHasNone() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    List<Thread> started;
    try (Resolver resolver = Resolver.builder().loopbackOnly()
        .rootHints(RootHints.of(Map.of(Name.fromConstantString("a.root.lab."), List.of(InetAddress.getLoopbackAddress()))))
        .build()) {
      started = startedSince(before);
      assertThat(started).as("the timer's thread of a resolver just built").hasSize(1);
    }

    assertThat(started.get(0).isAlive()).as("the timer's thread as close() returns").isFalse();
  }

  @Test
  @DisplayName("resolutions one after another, each due after the one before, leave the timer asleep")
  void alarmsDueLater_doNotWakeTheTimer() throws InterruptedException {
    try (Deadlines deadlines = asleepTowardsAnAlarmInAMinute()) {
      long wakeUpsBefore = deadlines.wakeUps();

      for (int i = 0; i < 50; i++) {
        CompletableFuture<Resolution> resolution = new CompletableFuture<>();
        deadlines.arm(resolution, ONE_MINUTE, () -> null);
        Thread.sleep(2); // the resolution's work, long enough for a woken timer to run
        resolution.complete(null); // answered: its alarm removed
      }

      assertThat(deadlines.wakeUps() - wakeUpsBefore).as("the timer's wake-ups for 50 resolutions")
          .isLessThanOrEqualTo(2);
    }
  }

  @Test
  @DisplayName("an alarm due before the one the timer sleeps towards rings at its own deadline")
  void anEarlierAlarm_wakesTheTimer() throws InterruptedException {
    try (Deadlines deadlines = asleepTowardsAnAlarmInAMinute()) {
      CountDownLatch rang = new CountDownLatch(1);

      deadlines.arm(new CompletableFuture<Resolution>(), TimeUnit.MILLISECONDS.toNanos(50), () -> {
        rang.countDown();
        return null;
      });

      assertThat(rang.await(20, TimeUnit.SECONDS)).as("the earlier alarm rang well before the first").isTrue();
    }
  }

  @Test
  @DisplayName("with no alarm pending the timer's thread waits for the next however long, and rings it")
  void noAlarmPending_theTimerWaitsWithoutEnding() throws InterruptedException {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (Deadlines deadlines = new Deadlines()) {
      deadlines.start();
      List<Thread> started = startedSince(before);
      assertThat(started).as("the timer's thread").hasSize(1);
      Thread timer = started.get(0);
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (timer.getState() != Thread.State.WAITING && System.nanoTime() - giveUp < 0) {
        Thread.sleep(10);
      }
      // parked without a deadline: a timer that ended when idle would sleep towards its end
      assertThat(timer.getState()).as("the idle timer's thread").isEqualTo(Thread.State.WAITING);

      CompletableFuture<Thread> rangOn = new CompletableFuture<>();
      deadlines.arm(new CompletableFuture<Resolution>(), TimeUnit.MILLISECONDS.toNanos(50), () -> {
        rangOn.complete(Thread.currentThread());
        return null;
      });

      assertThat(rangOn).as("the thread that rang the next alarm").succeedsWithin(20, TimeUnit.SECONDS)
          .isSameAs(timer);
    }
  }

  @Test
  @DisplayName("between questions the timer wakes on its own: the next question's alarms, no shorter, do not wake it")
  void betweenQuestions_theNextAlarmsDoNotWakeTheTimer() throws InterruptedException {
    long oneSecond = TimeUnit.SECONDS.toNanos(1);
    try (Deadlines deadlines = new Deadlines()) {
      deadlines.start();
      CompletableFuture<Resolution> answered = new CompletableFuture<>();
      deadlines.arm(answered, oneSecond, () -> null);
      answered.complete(null); // the first question, answered at once
      Thread.sleep(1_300); // past its alarm: the timer woke for it and found none pending

      long wakeUpsBefore = deadlines.wakeUps();
      CompletableFuture<Thread> rangOn = new CompletableFuture<>();
      deadlines.arm(new CompletableFuture<Resolution>(), oneSecond, () -> {
        rangOn.complete(Thread.currentThread());
        return null;
      });
      Thread.sleep(100); // the next question's work: a woken timer would run meanwhile

      assertThat(deadlines.wakeUps() - wakeUpsBefore).as("the timer's wake-ups as the next question arms its alarm")
          .isZero();
      assertThat(rangOn).as("the next question's alarm rings all the same").succeedsWithin(20, TimeUnit.SECONDS);
    }
  }

  private static List<Thread> startedSince(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.getName().equals("dnschase-deadlines")).toList();
  }

  private static Deadlines asleepTowardsAnAlarmInAMinute() throws InterruptedException {
    Deadlines deadlines = new Deadlines();
    deadlines.arm(new CompletableFuture<Resolution>(), ONE_MINUTE, () -> null);
    Thread.sleep(100); // long enough for the timer's thread to start and fall asleep
    return deadlines;
  }
}
