package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Resolution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The deadlines' timer thread is the resolver's: close() ends it before it returns. */
class DeadlinesTest {

  @Test
  @DisplayName("close() returns once the timer's thread has ended, an alarm still pending")
  void close_endsTheTimerThreadBeforeReturning() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Deadlines deadlines = new Deadlines();
    deadlines.arm(new CompletableFuture<Resolution>(), TimeUnit.MINUTES.toNanos(1), () -> null);
    List<Thread> started = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.getName().equals("dnschase-deadlines")).toList();
    assertThat(started).as("the timer's thread").hasSize(1);

    deadlines.close();

    assertThat(started.get(0).isAlive()).as("the timer's thread as close() returns").isFalse();
  }
}
