package org.dnschase.resolver.internal.transport.loops;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * When an event loop polls instead of sleeping: only while an upstream exchange's spin window is
 * open, on a clock the test moves; otherwise as Netty's default strategy decides.
 */
class SpinningSelectTest {

  private static final long WINDOW = TimeUnit.MICROSECONDS.toNanos(500);

  private long now = 1_000_000;
  private final SpinWindows windows = new SpinWindows(() -> now);
  private final SpinningSelect strategy = new SpinningSelect(windows);
  /** How many times the strategy polled, and what each poll finds. */
  private int polls;
  private int ready;
  private final IntSupplier selectNow = () -> {
    polls++;
    return ready;
  };

  private int decide() throws Exception {
    return strategy.calculateStrategy(selectNow, false);
  }

  @Test
  @DisplayName("with no exchange outstanding the loop sleeps without polling, as with Netty's default")
  void noWindow_sleeps() throws Exception {
    assertThat(decide()).isEqualTo(SelectStrategy.SELECT);
    assertThat(polls).isZero();
  }

  @Test
  @DisplayName("with tasks waiting the loop polls, window or not, as with Netty's default")
  void tasksWaiting_polls() throws Exception {
    ready = 2;

    assertThat(strategy.calculateStrategy(selectNow, true)).isEqualTo(2);
  }

  @Test
  @DisplayName("while a query's window is open the loop polls and hands on what the poll found, nothing included")
  void openWindow_polls() throws Exception {
    windows.open(WINDOW);
    now += WINDOW - 1;

    assertThat(decide()).as("nothing ready yet").isZero();
    ready = 1;
    assertThat(decide()).as("the reply landed").isEqualTo(1);
    assertThat(polls).isEqualTo(2);
  }

  @Test
  @DisplayName("the reply closes its query's window: the loop sleeps again")
  void windowClosed_sleeps() throws Exception {
    windows.open(WINDOW);
    windows.close();

    assertThat(decide()).isEqualTo(SelectStrategy.SELECT);
    assertThat(polls).isZero();
  }

  @Test
  @DisplayName("a window past its length stops the spin, the exchange still outstanding")
  void windowRunOut_sleeps() throws Exception {
    windows.open(WINDOW);
    now += WINDOW;

    assertThat(decide()).isEqualTo(SelectStrategy.SELECT);
  }

  @Test
  @DisplayName("with several exchanges outstanding the loop spins while any window is open")
  void severalWindows_spinWhileAnyIsOpen() throws Exception {
    windows.open(WINDOW);
    now += WINDOW / 2;
    windows.open(WINDOW);
    now += WINDOW / 2;

    assertThat(decide()).as("the first window run out, the second open").isZero();
    windows.close();
    assertThat(decide()).as("one exchange ended, the other's window open").isZero();
    windows.close();
    assertThat(decide()).as("both ended").isEqualTo(SelectStrategy.SELECT);
  }

  @Test
  @DisplayName("a window opened once the loop had none is timed from its own send, not the last ones'")
  void windowAfterNone_timedFromItsSend() throws Exception {
    windows.open(WINDOW * 2);
    windows.close();
    windows.open(WINDOW);
    now += WINDOW;

    assertThat(decide()).isEqualTo(SelectStrategy.SELECT);
  }

  @Test
  @DisplayName("work nobody waits for waits while a reply is due, and runs once none is, before the loop sleeps")
  void unhurriedWork_waitsForTheRepliesDue() throws Exception {
    List<String> ran = new ArrayList<>();
    windows.open(WINDOW);
    windows.whenNoReplyDue(() -> ran.add("priming's step"));

    assertThat(decide()).as("a reply due: the loop polls for it").isZero();
    assertThat(ran).isEmpty();
    windows.close();
    ready = 1;
    assertThat(decide()).as("none due: the work runs, then the loop polls for what it set off").isEqualTo(1);
    assertThat(ran).containsExactly("priming's step");
    ready = 0;
    assertThat(decide()).as("nothing left: the loop sleeps").isEqualTo(SelectStrategy.SELECT);
    assertThat(ran).hasSize(1);
  }

  @Test
  @DisplayName("work nobody waits for runs once it has waited its longest, though replies stay due")
  void unhurriedWork_runsOnceItWaitedItsLongest() throws Exception {
    List<String> ran = new ArrayList<>();
    windows.whenNoReplyDue(() -> ran.add("refresh's step"));
    for (long sent = 0; sent < SpinWindows.UNHURRIED_NANOS; sent += WINDOW / 2) {
      windows.open(WINDOW); // a stream of exchanges, one always outstanding
      assertThat(decide()).isZero();
      assertThat(ran).as("after %d µs", TimeUnit.NANOSECONDS.toMicros(sent)).isEmpty();
      now += WINDOW / 2;
    }

    decide();
    assertThat(ran).containsExactly("refresh's step");
  }

  @Test
  @DisplayName("work nobody waits for that fails is dropped, and the work after it still runs")
  void unhurriedWork_aFailureStopsNothing() throws Exception {
    List<String> ran = new ArrayList<>();
    windows.whenNoReplyDue(() -> {
      throw new IllegalStateException("broken");
    });
    windows.whenNoReplyDue(() -> ran.add("next"));

    decide();
    assertThat(ran).containsExactly("next");
  }
}
