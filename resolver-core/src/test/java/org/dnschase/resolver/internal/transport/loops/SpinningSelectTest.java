package org.dnschase.resolver.internal.transport.loops;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;
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
}
